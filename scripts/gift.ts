// npm run gift -- import FILE --course SLUG [--dry-run]
// npm run gift -- export --course SLUG [--out FILE]
// Imports Moodle GIFT questions into a course's item bank, or exports the bank as GIFT. The database
// side comes from lib/gift/db-bridge.ts (importItems, loadItems), loaded only when it is needed.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Item } from "../lib/items/schema";
import { giftItems, parseGift, type GiftOkReport, type GiftProblemReport, type GiftQuestionReport } from "../lib/gift/parse";
import { exportGiftReport } from "../lib/gift/export";

export interface GiftCliDeps {
  importItems?: (courseSlug: string, items: Item[]) => Promise<{ created: number; updated: number }>;
  loadItems?: (courseSlug: string) => Promise<Item[]>;
  /** Where output goes (default: process.stdout / process.stderr). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Directory that relative paths are resolved against (default: INIT_CWD, set by npm, or the cwd). */
  cwd?: string;
}

export const USAGE =
  "usage: npm run gift -- import FILE --course SLUG [--dry-run] | npm run gift -- export --course SLUG [--out FILE]";
export const NOT_AVAILABLE = "database import is not available yet";

class UsageError extends Error {}

interface Args {
  command: "import" | "export";
  file?: string;
  course: string;
  dryRun: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let course: string | undefined;
  let out: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "" || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--course") course = value();
    else if (flag === "--out") out = value();
    else if (flag === "--dry-run" && inline === undefined) dryRun = true;
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  const [command, ...rest] = positional;
  if (!command) throw new UsageError("missing command (import or export)");
  if (command !== "import" && command !== "export") throw new UsageError(`unknown command "${command}" (use import or export)`);
  if (!course) throw new UsageError("missing --course SLUG");
  if (command === "import") {
    if (rest.length === 0) throw new UsageError("import needs a FILE");
    if (rest.length > 1) throw new UsageError(`import takes one FILE, got ${rest.length}`);
    if (out !== undefined) throw new UsageError("--out is for export only");
    return { command, file: rest[0], course, dryRun };
  }
  if (rest.length) throw new UsageError(`export takes no FILE argument (use --out FILE), got "${rest[0]}"`);
  if (dryRun) throw new UsageError("--dry-run is for import only");
  return { command, course, dryRun, out };
}

/** One question as the CLI reports it (the full item is left out). */
export type GiftCliQuestion = Omit<GiftOkReport, "item"> | GiftProblemReport;

export interface GiftImportReport {
  file: string;
  course: string;
  dryRun: boolean;
  summary: { questions: number; ok: number; skipped: number; errors: number };
  questions: GiftCliQuestion[];
  result?: { created: number; updated: number };
  message?: string;
}

function cliQuestion(q: GiftQuestionReport): GiftCliQuestion {
  if (q.status !== "ok") return q;
  const { item: _item, ...rest } = q;
  void _item;
  return rest;
}

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0];
}

/** Runs the CLI and returns the exit code: 0 success, 1 failed (bad questions, database error), 2 bad usage. */
export async function runGiftCli(argv: string[], deps: GiftCliDeps = {}): Promise<number> {
  const stdout = deps.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = deps.stderr ?? ((s: string) => void process.stderr.write(s));
  const cwd = deps.cwd ?? process.env.INIT_CWD ?? process.cwd();

  let args: Args;
  try {
    if (argv.includes("--help") || argv.includes("-h")) {
      stdout(`${USAGE}\n`);
      return 0;
    }
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`gift: ${e.message} (${USAGE})\n`);
      return 2;
    }
    throw e;
  }

  if (args.command === "import") {
    const file = path.resolve(cwd, args.file!);
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      stderr(`gift: cannot read ${args.file}: ${code === "ENOENT" ? "no such file" : messageOf(e)}\n`);
      return 2;
    }
    if (!args.dryRun && !deps.importItems) {
      stderr(`gift: ${NOT_AVAILABLE}\n`);
      return 2;
    }
    const parsed = parseGift(text);
    const qs = parsed.questions;
    const report: GiftImportReport = {
      file: args.file!,
      course: args.course,
      dryRun: args.dryRun,
      summary: {
        questions: qs.length,
        ok: qs.filter((q) => q.status === "ok").length,
        skipped: qs.filter((q) => q.status === "skipped").length,
        errors: qs.filter((q) => q.status === "error").length,
      },
      questions: qs.map(cliQuestion),
    };
    let code = report.summary.errors ? 1 : 0;
    if (!args.dryRun) {
      const items = giftItems(parsed);
      if (report.summary.errors) {
        report.message = "nothing was imported: fix the questions with errors first";
      } else if (items.length === 0) {
        report.message = "nothing to import: the file has no importable questions";
        report.result = { created: 0, updated: 0 };
      } else {
        try {
          report.result = await deps.importItems!(args.course, items);
        } catch (e) {
          report.message = `the import failed: ${messageOf(e)}`;
          code = 1;
        }
      }
    }
    stdout(`${JSON.stringify(report, null, 2)}\n`);
    return code;
  }

  // export
  if (!deps.loadItems) {
    stderr(`gift: ${NOT_AVAILABLE}\n`);
    return 2;
  }
  let items: Item[];
  try {
    items = await deps.loadItems(args.course);
  } catch (e) {
    stderr(`gift: cannot load the items of course "${args.course}": ${messageOf(e)}\n`);
    return 1;
  }
  const expressible = items.filter((i) => i.data.type !== "ordering").length;
  const { text, skipped, warnings } = exportGiftReport(items, {
    header: `Exported from Paracrine, course ${args.course}: ${expressible} question(s).`,
  });
  if (args.out) {
    const out = path.resolve(cwd, args.out);
    try {
      await writeFile(out, text, "utf8");
    } catch (e) {
      stderr(`gift: cannot write ${args.out}: ${messageOf(e)}\n`);
      return 1;
    }
    stderr(`gift: wrote ${expressible} question(s) to ${args.out}\n`);
  } else stdout(text);
  if (skipped.length) stderr(`gift: skipped ${skipped.length} ordering item(s) (no GIFT form): ${skipped.join(", ")}\n`);
  for (const w of warnings) stderr(`gift: warning: ${w}\n`);
  return 0;
}

/** The database side, if lib/gift/db-bridge.ts exists yet. */
async function loadBridge(): Promise<GiftCliDeps> {
  // A variable specifier keeps the type checker and bundlers from requiring the file to exist.
  const specifier = "../lib/gift/db-bridge";
  try {
    const mod = (await import(specifier)) as Pick<GiftCliDeps, "importItems" | "loadItems">;
    return { importItems: mod.importItems, loadItems: mod.loadItems };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && /db-bridge/.test(messageOf(e))) return {};
    throw e;
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const needsDb = !(argv.includes("--dry-run") || argv.includes("--help") || argv.includes("-h"));
  let deps: GiftCliDeps = {};
  if (needsDb) {
    try {
      deps = await loadBridge();
    } catch (e) {
      process.stderr.write(`gift: the database bridge failed to load: ${messageOf(e)}\n`);
      return 1;
    }
  }
  return runGiftCli(argv, deps);
}

const invoked = process.argv[1] ? pathToFileURL(path.resolve(process.argv[1])).href : "";
if (invoked === import.meta.url || invoked === import.meta.url.replace(/\.ts$/, "")) {
  // Exit explicitly (a database client may keep the process alive), once the output is flushed.
  const exit = (code: number) =>
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  main()
    .then(exit)
    .catch((e: unknown) => {
      process.stderr.write(`gift: ${messageOf(e)}\n`);
      exit(1);
    });
}
