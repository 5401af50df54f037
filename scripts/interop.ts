// npm run interop -- qti-export COURSE_DIR OUT.zip
// npm run interop -- qti-import FILE.zip [--out items.yaml]
// npm run interop -- cc-export COURSE_DIR OUT.imscc
// QTI 3.0 packages of a course's question bank and IMS Common Cartridge 1.3 exports of a course,
// from a course folder (docs/content-format.md). Reports go to stdout as JSON; docs/interop.md has
// the mapping and what each format loses.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import YAML from "yaml";
import { parseCourseFiles, type CourseBundle } from "../lib/content/bundle";
import { itemToFileItem } from "../lib/content/format";
import { readCourseFolder } from "../lib/content/read-folder";
import { exportCommonCartridge } from "../lib/interop/cc-export";
import { exportQtiPackage } from "../lib/interop/qti-export";
import { importQtiPackage } from "../lib/interop/qti-import";
import { InteropError } from "../lib/interop/xml";

export interface InteropCliDeps {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Directory that relative paths are resolved against (default: INIT_CWD, set by npm, or the cwd). */
  cwd?: string;
}

export const USAGE =
  "usage: npm run interop -- qti-export COURSE_DIR OUT.zip | qti-import FILE.zip [--out items.yaml] | cc-export COURSE_DIR OUT.imscc";
/** Packages larger than this are refused before reading (the unzip limits apply inside). */
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

class UsageError extends Error {}

function parseArgs(argv: string[]): { command: string; args: string[]; out?: string } {
  const args: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out" || a.startsWith("--out=")) {
      out = a.includes("=") ? a.slice(6) : argv[++i];
      if (!out) throw new UsageError("--out needs a value");
    } else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
    else args.push(a);
  }
  const [command, ...rest] = args;
  if (!command) throw new UsageError("missing command");
  if (!["qti-export", "qti-import", "cc-export"].includes(command)) throw new UsageError(`unknown command "${command}"`);
  const want = command === "qti-import" ? 1 : 2;
  if (rest.length !== want) throw new UsageError(`${command} takes ${want === 1 ? "one FILE" : "COURSE_DIR and OUT"}`);
  if (out && command !== "qti-import") throw new UsageError("--out is for qti-import only");
  return { command, args: rest, out };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0];

function loadCourse(dir: string): { bundle: CourseBundle } | { error: string } {
  let files;
  try {
    files = readCourseFolder(dir);
  } catch (e) {
    return { error: `cannot read the course folder ${dir}: ${messageOf(e)}` };
  }
  const { bundle, problems } = parseCourseFiles(files);
  if (!bundle || problems.length) return { error: `the course has problems: ${problems.slice(0, 5).map((p) => `${p.file}: ${p.message}`).join("; ")}` };
  return { bundle };
}

/** Runs the CLI and returns the exit code: 0 success, 1 failed (refused package, problems), 2 bad usage. */
export async function runInteropCli(argv: string[], deps: InteropCliDeps = {}): Promise<number> {
  const stdout = deps.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = deps.stderr ?? ((s: string) => void process.stderr.write(s));
  const cwd = deps.cwd ?? process.env.INIT_CWD ?? process.cwd();
  if (argv.includes("--help") || argv.includes("-h")) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`interop: ${e.message} (${USAGE})\n`);
      return 2;
    }
    throw e;
  }
  const { command, args, out } = parsed;
  const resolve = (p: string) => path.resolve(cwd, p);

  if (command === "qti-import") {
    const file = resolve(args[0]);
    let bytes: Uint8Array;
    try {
      if ((await stat(file)).size > MAX_PACKAGE_BYTES) {
        stderr(`interop: ${args[0]} is larger than ${MAX_PACKAGE_BYTES} bytes\n`);
        return 1;
      }
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      stderr(`interop: cannot read ${args[0]}: ${messageOf(e)}\n`);
      return 2;
    }
    let result;
    try {
      result = importQtiPackage(bytes);
    } catch (e) {
      if (e instanceof InteropError) {
        stderr(`interop: refused ${args[0]}: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (out) {
      const yaml = YAML.stringify({ cases: result.cases, items: result.items.map(itemToFileItem) }, { lineWidth: 0, blockQuote: "literal" });
      await writeFile(resolve(out), yaml, "utf8");
    }
    const byType: Record<string, number> = {};
    for (const i of result.items) byType[i.data.type] = (byType[i.data.type] ?? 0) + 1;
    stdout(
      `${JSON.stringify(
        { file: args[0], summary: { items: result.items.length, cases: result.cases.length, problems: result.problems.length, byType }, problems: result.problems, out },
        null,
        2,
      )}\n`,
    );
    return result.problems.length ? 1 : 0;
  }

  const course = loadCourse(resolve(args[0]));
  if ("error" in course) {
    stderr(`interop: ${course.error}\n`);
    return 1;
  }
  if (command === "qti-export") {
    const { zip, report } = exportQtiPackage(course.bundle);
    await writeFile(resolve(args[1]), zip);
    const lost = report.items.filter((i) => i.lost.length).map((i) => ({ key: i.key, lost: i.lost }));
    const extension = report.items.filter((i) => i.extension.length).length;
    stdout(`${JSON.stringify({ out: args[1], bytes: zip.length, items: report.items.length, stimuli: report.stimuli, byType: report.byType, itemsWithParacrineExtensions: extension, lost }, null, 2)}\n`);
    return 0;
  }
  const { zip, report } = exportCommonCartridge(course.bundle);
  await writeFile(resolve(args[1]), zip);
  stdout(`${JSON.stringify({ out: args[1], bytes: zip.length, ...report }, null, 2)}\n`);
  return 0;
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (invoked === import.meta.url || invoked === import.meta.url.replace(/\.ts$/, "")) {
  runInteropCli(process.argv.slice(2))
    .then((code) => process.stdout.write("", () => process.exit(code)))
    .catch((e: unknown) => {
      process.stderr.write(`interop: ${messageOf(e)}\n`);
      process.exit(1);
    });
}
