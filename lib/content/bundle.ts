// A course as a map of files (the folder of docs/content-format.md) and as a parsed bundle. The
// archive that the studio exports and imports is this file map as JSON, so a course round-trips
// through the same parser whether it comes from content/ or from an instructor's download.
import YAML from "yaml";
import type { Item } from "@/lib/items/schema";
import {
  courseFileSchema,
  fileItemSchema,
  fileItemToItem,
  glossaryFileSchema,
  itemToFileItem,
  itemsFileSchema,
  lessonFrontSchema,
  moduleFileSchema,
  type CourseFile,
  type GlossaryEntry,
  type LessonFront,
  type ModuleFile,
} from "./format";

export type CourseFiles = Record<string, string>;

export interface BundleLesson {
  file: string;
  front: LessonFront;
  body: string;
}
export interface BundleCase {
  key: string;
  title: string;
  scenario: string;
}
export interface BundleModule {
  dir: string;
  meta: ModuleFile;
  lessons: BundleLesson[];
  cases: BundleCase[];
  items: Item[];
}
export interface CourseBundle {
  course: CourseFile;
  glossary: GlossaryEntry[];
  modules: BundleModule[];
  /** Figure file name (e.g. "m03-gradient.svg") to its text. */
  figures: Record<string, string>;
}

export interface Problem {
  file: string;
  message: string;
}

export const ARCHIVE_FORMAT = "paracrine-course-archive";
export const ARCHIVE_VERSION = 1;

function zodProblems(file: string, error: { issues: { path: PropertyKey[]; message: string }[] }, prefix = ""): Problem[] {
  return error.issues.map((i) => ({ file, message: `${prefix}${i.path.length ? i.path.map(String).join(".") + ": " : ""}${i.message}` }));
}

export function splitFrontMatter(text: string): { front: unknown; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return null;
  return { front: YAML.parse(m[1]), body: m[2].replace(/^\s*\n/, "") };
}

function parseYaml(file: string, text: string, problems: Problem[]): unknown {
  try {
    return YAML.parse(text);
  } catch (e) {
    problems.push({ file, message: `YAML: ${(e as Error).message.split("\n")[0]}` });
    return undefined;
  }
}

/** Parses a course's files. Problems are collected (never thrown) so an importer can report them all. */
export function parseCourseFiles(files: CourseFiles): { bundle: CourseBundle | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const courseText = files["course.yaml"];
  if (courseText === undefined) return { bundle: null, problems: [{ file: "course.yaml", message: "missing" }] };
  const courseParsed = courseFileSchema.safeParse(parseYaml("course.yaml", courseText, problems));
  if (!courseParsed.success) problems.push(...zodProblems("course.yaml", courseParsed.error));

  const glossary: GlossaryEntry[] = [];
  const figures: Record<string, string> = {};
  const moduleDirs = new Map<string, BundleModule>();
  const paths = Object.keys(files).sort();

  for (const p of paths) {
    const text = files[p];
    if (p.startsWith("glossary/") && /\.ya?ml$/.test(p)) {
      const parsed = glossaryFileSchema.safeParse(parseYaml(p, text, problems));
      if (parsed.success) glossary.push(...parsed.data);
      else problems.push(...zodProblems(p, parsed.error));
    } else if (p.startsWith("figures/")) {
      figures[p.slice("figures/".length)] = text;
    }
  }

  for (const p of paths.filter((x) => /^modules\/[^/]+\/module\.ya?ml$/.test(x))) {
    const dir = p.split("/")[1];
    const parsed = moduleFileSchema.safeParse(parseYaml(p, files[p], problems));
    if (!parsed.success) {
      problems.push(...zodProblems(p, parsed.error));
      continue;
    }
    moduleDirs.set(dir, { dir, meta: parsed.data, lessons: [], cases: [], items: [] });
  }

  for (const p of paths) {
    const m = /^modules\/([^/]+)\/([^/]+)$/.exec(p);
    if (!m) continue;
    const mod = moduleDirs.get(m[1]);
    if (!mod) {
      if (!/module\.ya?ml$/.test(p)) problems.push({ file: p, message: "belongs to a folder without module.yaml" });
      continue;
    }
    const name = m[2];
    if (name.endsWith(".md")) {
      const split = splitFrontMatter(files[p]);
      if (!split) {
        problems.push({ file: p, message: "missing YAML front matter (--- ... ---)" });
        continue;
      }
      const front = lessonFrontSchema.safeParse(split.front);
      if (!front.success) problems.push(...zodProblems(p, front.error));
      else mod.lessons.push({ file: name, front: front.data, body: split.body });
    } else if (/^items\.ya?ml$/.test(name)) {
      const parsed = itemsFileSchema.safeParse(parseYaml(p, files[p], problems));
      if (!parsed.success) {
        problems.push(...zodProblems(p, parsed.error));
        continue;
      }
      mod.cases.push(...parsed.data.cases);
      parsed.data.items.forEach((raw, i) => {
        const label = `item ${i + 1}${raw && typeof raw === "object" && "key" in raw ? ` (${String((raw as { key: unknown }).key)})` : ""}: `;
        const f = fileItemSchema.safeParse(raw);
        if (!f.success) return problems.push(...zodProblems(p, f.error, label));
        try {
          mod.items.push(fileItemToItem(f.data));
        } catch (e) {
          const err = e as { issues?: { path: PropertyKey[]; message: string }[] };
          if (err.issues) problems.push(...zodProblems(p, { issues: err.issues }, label));
          else problems.push({ file: p, message: `${label}${(e as Error).message}` });
        }
      });
    }
  }

  const modules = [...moduleDirs.values()].sort((a, b) => a.meta.order - b.meta.order || a.dir.localeCompare(b.dir));
  for (const mod of modules) mod.lessons.sort((a, b) => a.front.order - b.front.order || a.file.localeCompare(b.file));
  if (!courseParsed.success) return { bundle: null, problems };
  return { bundle: { course: courseParsed.data, glossary, modules, figures }, problems };
}

const yaml = (v: unknown) => YAML.stringify(v, { lineWidth: 0, blockQuote: "literal" });

/** Writes a bundle as course files, deterministically (same bundle, same bytes). */
export function bundleToFiles(b: CourseBundle): CourseFiles {
  const files: CourseFiles = {};
  files["course.yaml"] = yaml(b.course);
  if (b.glossary.length) files["glossary/glossary.yaml"] = yaml([...b.glossary].sort((x, y) => x.slug.localeCompare(y.slug)));
  for (const [name, svg] of Object.entries(b.figures).sort(([a], [c]) => a.localeCompare(c))) files[`figures/${name}`] = svg;
  for (const m of b.modules) {
    files[`modules/${m.dir}/module.yaml`] = yaml(m.meta);
    for (const l of m.lessons) files[`modules/${m.dir}/${l.file}`] = `---\n${yaml(l.front)}---\n\n${l.body.trimEnd()}\n`;
    if (m.items.length || m.cases.length) files[`modules/${m.dir}/items.yaml`] = yaml({ cases: m.cases, items: m.items.map(itemToFileItem) });
  }
  return files;
}

export function filesToArchive(files: CourseFiles): string {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, files: sorted }, null, 2) + "\n";
}

export function archiveToFiles(text: string): { files: CourseFiles } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: "The archive is not valid JSON." };
  }
  const a = parsed as { format?: unknown; version?: unknown; files?: unknown };
  if (a?.format !== ARCHIVE_FORMAT) return { error: `This is not a Paracrine course archive (format must be "${ARCHIVE_FORMAT}").` };
  if (a.version !== ARCHIVE_VERSION) return { error: `Unsupported archive version ${String(a.version)}.` };
  if (!a.files || typeof a.files !== "object") return { error: "The archive has no files." };
  // JSON.parse keeps the last of two equal keys silently: a file listed twice is refused instead.
  const duplicate = firstDuplicateFileName(text);
  if (duplicate) return { error: `File ${duplicate} appears twice in the archive.` };
  const files: CourseFiles = {};
  for (const [k, v] of Object.entries(a.files as Record<string, unknown>)) {
    if (typeof v !== "string") return { error: `File ${k} is not text.` };
    if (!safeArchiveName(k)) return { error: `File name ${k} is not allowed.` };
    files[k] = v;
  }
  return { files };
}

/** Relative paths of plain segments only: no "..", ".", empty segments, backslashes, drive letters or control characters. */
export function safeArchiveName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  return name.split("/").every((seg) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(seg) && seg !== "." && seg !== "..");
}

/**
 * The first key that occurs twice in the archive's top-level "files" object, or null. A linear scan of
 * the JSON text (JSON.parse has already accepted it): strings are skipped with their escapes, depth is
 * tracked, and keys are collected only at depth 2 under "files". Written by hand because JSON.parse
 * cannot report duplicates and no dependency here does.
 */
export function firstDuplicateFileName(text: string): string | null {
  // stack of open containers: "{" or "["; for objects, whether the next string is a key
  const stack: ("{" | "[")[] = [];
  let expectKey = false;
  let topKey = "";
  let inFiles = false;
  const seen = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (stack.length === 1) topKey = key;
        else if (stack.length === 2 && inFiles) {
          if (seen.has(key)) return key;
          seen.add(key);
        }
        expectKey = false;
      }
      i = j;
    } else if (ch === "{" || ch === "[") {
      stack.push(ch);
      expectKey = ch === "{";
      if (stack.length === 2) inFiles = ch === "{" && topKey === "files";
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      expectKey = false;
    } else if (ch === ",") {
      expectKey = stack[stack.length - 1] === "{";
    }
  }
  return null;
}
