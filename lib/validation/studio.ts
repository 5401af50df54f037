// Schemas for the studio's forms and actions, plus the conversion between the JSON-free item editor
// form and the item contract (lib/items/schema). Pure: zod and the item schema only.
import { z } from "zod";
import { itemSchema, LEVELS, TOPICS, type Item, type ItemData } from "@/lib/items/schema";

export const idSchema = z.string().trim().min(1, "Missing id.").max(64);
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(60, "At most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lower-case letters, digits and single hyphens only.");
const title = z.string().trim().min(1, "Enter a title.").max(200, "At most 200 characters.");
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema.optional());

export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

export const createCourseSchema = z.object({ title, slug });
export type CreateCourseInput = z.infer<typeof createCourseSchema>;

export const courseSettingsSchema = z.object({
  courseId: idSchema,
  title,
  summary: z.string().trim().max(500, "At most 500 characters.").default(""),
  description: z.string().trim().max(20_000).default(""),
  passMark: z.coerce.number({ message: "Enter a number." }).int("A whole number.").min(0, "0 to 100.").max(100, "0 to 100."),
});

export const addInstructorSchema = z.object({ courseId: idSchema, email: z.string().trim().toLowerCase().email("Enter an email address.") });
export const removeInstructorSchema = z.object({ courseId: idSchema, userId: idSchema });
export const courseIdSchema = z.object({ courseId: idSchema });

export const createModuleSchema = z.object({ courseId: idSchema, title, slug: z.preprocess((v) => (v === "" ? undefined : v), slug.optional()) });
export const renameModuleSchema = z.object({ moduleId: idSchema, title, summary: z.string().trim().max(1000).default("") });
export const moveSchema = z.object({ id: idSchema, direction: z.enum(["up", "down"]) });
/** A complete new order (drag and drop): every id of the parent's children, each once. */
export const reorderSchema = z.object({
  parentId: idSchema,
  ids: z.array(idSchema).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, "Each item may appear once."),
});

export const createLessonSchema = z.object({ moduleId: idSchema, title, slug: z.preprocess((v) => (v === "" ? undefined : v), slug.optional()) });
export const saveLessonSchema = z.object({
  lessonId: idSchema,
  title,
  body: z.string().max(200_000, "The lesson is too long (200,000 characters at most)."),
  /** The version the editor loaded: the save is refused if someone saved since. */
  version: z.coerce.number().int().min(1),
});
export type SaveLessonInput = z.infer<typeof saveLessonSchema>;
export const CONFLICT_MESSAGE = "Someone else saved this lesson since you opened it. Your text is still in the editor; copy it, reload, and merge.";
export const restoreRevisionSchema = z.object({ revisionId: idSchema, version: z.coerce.number().int().min(1) });
export const previewSchema = z.object({ courseId: idSchema, body: z.string().max(200_000) });

export const objectiveSchema = z.object({
  lessonId: idSchema,
  key: z.string().trim().min(1, "Enter a key.").max(80).regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only."),
  text: z.string().trim().min(1, "Describe the objective.").max(500),
});
export const deleteObjectiveSchema = z.object({ objectiveId: idSchema });

// ------------------------------------------------------------------ item editor (no JSON)

export const EDITOR_TYPES = ["single", "multiple", "truefalse", "numeric", "short", "matching", "ordering"] as const;

export const itemFormSchema = z.object({
  courseId: idSchema,
  itemId: optionalId,
  /** Required when itemId is set: the version the editor was opened on. */
  version: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(1_000_000_000).optional()),
  moduleId: idSchema,
  lessonId: optionalId,
  objectiveId: optionalId,
  key: z.string().trim().min(1, "Enter a key.").max(80).regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits, . _ : - only."),
  type: z.enum(EDITOR_TYPES),
  stem: z.string().trim().min(1, "Write the question.").max(20_000),
  explanation: z.string().trim().max(20_000).default(""),
  topic: z.preprocess((v) => (v === "" ? undefined : v), z.enum(TOPICS).optional()),
  level: z.preprocess((v) => (v === "" ? undefined : v), z.enum(LEVELS).optional()),
  check: checkbox,
  /** single/multiple: one option per line, "=" correct, "~" wrong, optional " # feedback". */
  options: z.string().max(20_000).default(""),
  /** truefalse */
  answer: z.enum(["true", "false"]).optional(),
  /** numeric */
  value: z.string().trim().optional(),
  tolerance: z.string().trim().optional(),
  unit: z.string().trim().max(20).optional(),
  /** short: accepted answers, one per line; matching: "prompt -> match" per line; ordering: the right order. */
  lines: z.string().max(20_000).default(""),
});
export type ItemFormInput = z.infer<typeof itemFormSchema>;

const nonEmptyLines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

function splitFeedback(line: string): { text: string; feedback?: string } {
  const i = line.indexOf(" # ");
  return i < 0 ? { text: line.trim() } : { text: line.slice(0, i).trim(), feedback: line.slice(i + 3).trim() || undefined };
}

/** Builds item data from the editor's fields; field errors are keyed by form field name. */
export function itemDataFromForm(f: ItemFormInput): { data?: unknown; errors?: Record<string, string[]> } {
  switch (f.type) {
    case "single":
    case "multiple": {
      const lines = nonEmptyLines(f.options);
      const bad = lines.filter((l) => !/^[=~]/.test(l));
      if (bad.length) return { errors: { options: [`Start every option with = (correct) or ~ (wrong): "${bad[0]}".`] } };
      const opts = lines.map((l, i) => ({ correct: l.startsWith("="), ...splitFeedback(l.slice(1)), id: String.fromCharCode(97 + i) }));
      const correct = opts.filter((o) => o.correct).length;
      if (f.type === "single" && correct !== 1) return { errors: { options: ["Mark exactly one option correct with =."] } };
      if (f.type === "multiple" && correct < 1) return { errors: { options: ["Mark at least one option correct with =."] } };
      const w = f.type === "single" ? 1 : Math.round((1 / correct) * 10000) / 10000;
      return { data: { type: f.type, options: opts.map((o) => ({ id: o.id, text: o.text, weight: o.correct ? w : 0, ...(o.feedback ? { feedback: o.feedback } : {}) })) } };
    }
    case "truefalse":
      if (!f.answer) return { errors: { answer: ["Choose the right answer."] } };
      return { data: { type: "truefalse", answer: f.answer === "true" } };
    case "numeric": {
      const value = Number(f.value);
      const tolerance = f.tolerance ? Number(f.tolerance) : 0;
      const errors: Record<string, string[]> = {};
      if (!f.value || !Number.isFinite(value)) errors.value = ["Enter the correct number."];
      if (!Number.isFinite(tolerance) || tolerance < 0) errors.tolerance = ["Enter a tolerance of 0 or more."];
      if (Object.keys(errors).length) return { errors };
      return { data: { type: "numeric", ...(f.unit ? { unit: f.unit } : {}), answers: [{ value, tolerance, weight: 1 }] } };
    }
    case "short": {
      const answers = nonEmptyLines(f.lines).map((l) => ({ ...splitFeedback(l), weight: 1 }));
      if (!answers.length) return { errors: { lines: ["Enter at least one accepted answer."] } };
      return { data: { type: "short", answers, caseSensitive: false } };
    }
    case "matching": {
      const lines = nonEmptyLines(f.lines);
      const bad = lines.find((l) => !l.includes("->"));
      if (bad) return { errors: { lines: [`Write each pair as "prompt -> match": "${bad}".`] } };
      const pairs = lines.map((l, i) => {
        const [prompt, ...rest] = l.split("->");
        return { id: `p${i + 1}`, prompt: prompt.trim(), match: rest.join("->").trim() };
      });
      return { data: { type: "matching", pairs, distractors: [] } };
    }
    case "ordering": {
      const sequence = nonEmptyLines(f.lines).map((text, i) => ({ id: `s${i + 1}`, text }));
      return { data: { type: "ordering", sequence } };
    }
  }
}

/** Validates the whole item with the shared contract; zod issues become field errors. */
export function itemFromForm(f: ItemFormInput, objectiveKey?: string): { item?: Item; errors?: Record<string, string[]> } {
  const built = itemDataFromForm(f);
  if (built.errors) return { errors: built.errors };
  const parsed = itemSchema.safeParse({
    key: f.key, stem: f.stem, stemFormat: "markdown", explanation: f.explanation, objective: objectiveKey,
    topic: f.topic, level: f.level, check: f.check, data: built.data,
  });
  if (parsed.success) return { item: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const [head, second] = issue.path.map(String);
    const field =
      head === "data" ? ({ options: "options", answers: f.type === "numeric" ? "value" : "lines", pairs: "lines", sequence: "lines" } as Record<string, string>)[second] ?? "type" : head;
    (errors[field] ??= []).push(issue.message);
  }
  return { errors };
}

/** The editor's field values for stored item data (the inverse of itemDataFromForm). */
export function itemDataToForm(d: ItemData): { options: string; answer?: "true" | "false"; value?: string; tolerance?: string; unit?: string; lines: string } {
  const fb = (x?: string) => (x ? ` # ${x}` : "");
  switch (d.type) {
    case "single":
    case "multiple":
      return { options: d.options.map((o) => `${o.weight > 0 ? "=" : "~"}${o.text}${fb(o.feedback)}`).join("\n"), lines: "" };
    case "truefalse":
      return { options: "", answer: d.answer ? "true" : "false", lines: "" };
    case "numeric":
      return { options: "", value: String(d.answers[0]?.value ?? ""), tolerance: String(d.answers[0]?.tolerance ?? 0), unit: d.unit, lines: "" };
    case "short":
      return { options: "", lines: d.answers.map((a) => `${a.text}${fb(a.feedback)}`).join("\n") };
    case "matching":
      return { options: "", lines: d.pairs.map((p) => `${p.prompt} -> ${p.match}`).join("\n") };
    case "ordering":
      return { options: "", lines: d.sequence.map((s) => s.text).join("\n") };
  }
}

export const giftImportSchema = z.object({ courseId: idSchema, moduleId: idSchema, text: z.string().min(1, "Paste or upload GIFT text.").max(2_000_000) });
export const archiveImportSchema = z.object({
  archive: z.string().min(1, "Choose an archive file or paste its text.").max(9_500_000, "The archive is larger than 9.5 MB."),
  slug: z.preprocess((v) => (v === "" ? undefined : v), slug.optional()),
  publish: checkbox,
});

// ------------------------------------------------------------------ cohorts

/** No 0/O, 1/I/L: codes are read aloud and typed from slides. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;
// Dates between 1970 and 2200: years like 99999 parse in JavaScript but overflow the databases' types.
export const MIN_DATE = new Date("1970-01-01T00:00:00Z");
export const MAX_DATE = new Date("2200-01-01T00:00:00Z");
const optionalDate = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? undefined : v),
  z.coerce
    .date({ message: "Enter a valid date." })
    .min(MIN_DATE, "Enter a date after 1970.")
    .max(MAX_DATE, "Enter a date before 2200.")
    .optional(),
);
export const createCohortSchema = z.object({ courseId: idSchema, name: z.string().trim().min(1, "Name the cohort.").max(120), startsAt: optionalDate });
export const removeMemberSchema = z.object({ cohortId: idSchema, userId: idSchema });
export const deadlineSchema = z.object({ cohortId: idSchema, moduleId: idSchema, dueAt: optionalDate });
