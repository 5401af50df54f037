// The course-folder format (docs/content-format.md) as zod schemas, and its conversion into the
// platform's item contract. Pure: no file system, no database.
import { z } from "zod";
import { LEVELS, TOPICS, itemSchema, type Item, type ItemData } from "@/lib/items/schema";
import { activitiesSchema } from "@/lib/lab/activities";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case letters and digits");
const md = z.string().trim().min(1);

export const courseFileSchema = z.object({
  slug,
  title: md.max(200),
  summary: z.string().trim().default(""),
  description: z.string().trim().default(""),
  passMark: z.number().int().min(0).max(100).default(80),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

export const moduleFileSchema = z.object({
  slug,
  title: md.max(200),
  order: z.number().int().min(0),
  summary: z.string().trim().default(""),
  passMark: z.number().int().min(0).max(100).optional(),
  references: z.array(md).default([]),
});
export type ModuleFile = z.infer<typeof moduleFileSchema>;

export const objectiveSchema = z.object({ key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case key"), text: md });

export const lessonFrontSchema = z.object({
  slug,
  title: md.max(200),
  order: z.number().int().min(0),
  objectives: z.array(objectiveSchema).default([]),
  /** Predict–observe–explain activities shown with the lesson (lib/lab/activities.ts). */
  activities: activitiesSchema.optional(),
});
export type LessonFront = z.infer<typeof lessonFrontSchema>;

export const glossaryFileSchema = z.array(z.object({ slug, term: md, definition: md }));
export type GlossaryEntry = z.infer<typeof glossaryFileSchema>[number];

const feedback = z.string().trim().optional();
const common = {
  key: z.string().regex(/^[A-Za-z0-9._:-]+$/),
  objective: z.string().optional(),
  topic: z.enum(TOPICS).optional(),
  level: z.enum(LEVELS).optional(),
  check: z.boolean().default(false),
  case: z.string().optional(),
  step: z.number().int().min(1).optional(),
  stem: md,
  stemFormat: z.enum(["markdown", "html", "plain"]).optional(),
  explanation: z.string().trim().default(""),
};
const option = z.object({ text: md, correct: z.boolean().optional(), weight: z.number().min(-1).max(1).optional(), feedback });

export const fileItemSchema = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.literal("single"), options: z.array(option).min(2) }),
  z.object({ ...common, type: z.literal("multiple"), options: z.array(option).min(2) }),
  z.object({ ...common, type: z.literal("truefalse"), answer: z.boolean(), feedbackTrue: feedback, feedbackFalse: feedback }),
  z.object({
    ...common,
    type: z.literal("numeric"),
    answer: z.number().optional(),
    tolerance: z.number().min(0).default(0),
    answers: z.array(z.object({ value: z.number(), tolerance: z.number().min(0).default(0), weight: z.number().min(0).max(1).default(1), feedback })).optional(),
    unit: z.string().optional(),
    feedbackCorrect: feedback,
    feedbackIncorrect: feedback,
  }),
  z.object({ ...common, type: z.literal("matching"), pairs: z.array(z.object({ prompt: md, match: md })).min(2), distractors: z.array(md).default([]), feedback }),
  z.object({ ...common, type: z.literal("ordering"), sequence: z.array(md).min(2), feedback }),
  z.object({
    ...common,
    type: z.literal("short"),
    accept: z.array(z.union([md, z.object({ text: md, weight: z.number().min(0).max(1).default(1), feedback })])).min(1),
    caseSensitive: z.boolean().default(false),
    feedbackCorrect: feedback,
    feedbackIncorrect: feedback,
  }),
]);
export type FileItem = z.infer<typeof fileItemSchema>;

export const itemsFileSchema = z.object({
  cases: z.array(z.object({ key: z.string().min(1), title: md, scenario: md })).default([]),
  items: z.array(z.unknown()).default([]),
});

const optionId = (i: number) => String.fromCharCode(97 + i); // a, b, c ...

/** Converts an item as written in items.yaml into the platform's Item (validated). */
export function fileItemToItem(f: FileItem): Item {
  let data: ItemData;
  switch (f.type) {
    case "single":
    case "multiple": {
      const nCorrect = f.options.filter((o) => o.correct).length || 1;
      data = {
        type: f.type,
        options: f.options.map((o, i) => ({
          id: optionId(i),
          text: o.text,
          // Explicit weights win; otherwise "correct" shares the credit and, for multiple, a wrong pick costs as much.
          weight: o.weight ?? (o.correct ? (f.type === "single" ? 1 : 1 / nCorrect) : f.type === "single" ? 0 : -1 / nCorrect),
          feedback: o.feedback,
        })),
      };
      break;
    }
    case "truefalse":
      data = { type: "truefalse", answer: f.answer, feedbackTrue: f.feedbackTrue, feedbackFalse: f.feedbackFalse };
      break;
    case "numeric":
      data = {
        type: "numeric",
        unit: f.unit,
        answers: f.answers ?? (f.answer !== undefined ? [{ value: f.answer, tolerance: f.tolerance, weight: 1, feedback: f.feedbackCorrect }] : []),
        feedbackIncorrect: f.feedbackIncorrect,
      };
      break;
    case "matching":
      data = { type: "matching", pairs: f.pairs.map((p, i) => ({ id: optionId(i), ...p })), distractors: f.distractors, feedback: f.feedback };
      break;
    case "ordering":
      data = { type: "ordering", sequence: f.sequence.map((text, i) => ({ id: optionId(i), text })), feedback: f.feedback };
      break;
    case "short":
      data = {
        type: "short",
        answers: f.accept.map((a) => (typeof a === "string" ? { text: a, weight: 1, feedback: f.feedbackCorrect } : a)),
        caseSensitive: f.caseSensitive,
        feedbackIncorrect: f.feedbackIncorrect,
      };
      break;
  }
  return itemSchema.parse({
    key: f.key,
    stem: f.stem,
    stemFormat: f.stemFormat ?? "markdown",
    explanation: f.explanation,
    objective: f.objective,
    topic: f.topic,
    level: f.level,
    check: f.check,
    caseKey: f.case,
    step: f.step,
    data,
  });
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** The inverse of fileItemToItem, writing the simplest form that converts back to the same Item. */
export function itemToFileItem(item: Item): Record<string, unknown> {
  const head: Record<string, unknown> = { key: item.key, type: item.data.type };
  if (item.objective) head.objective = item.objective;
  if (item.topic) head.topic = item.topic;
  if (item.level) head.level = item.level;
  if (item.check) head.check = true;
  if (item.caseKey) head.case = item.caseKey;
  if (item.step !== undefined) head.step = item.step;
  head.stem = item.stem;
  if (item.stemFormat !== "markdown") head.stemFormat = item.stemFormat;
  head.explanation = item.explanation;
  const d = item.data;
  const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  switch (d.type) {
    case "single":
    case "multiple": {
      const nCorrect = d.options.filter((o) => o.weight > 0).length || 1;
      const derived = (w: number, correct: boolean) =>
        d.type === "single" ? (correct ? near(w, 1) : near(w, 0)) : correct ? near(w, 1 / nCorrect) : near(w, -1 / nCorrect);
      const simple = d.options.every((o) => derived(o.weight, o.weight > 0));
      return {
        ...head,
        options: d.options.map((o) => clean({ text: o.text, correct: o.weight > 0, weight: simple ? undefined : o.weight, feedback: o.feedback })),
      };
    }
    case "truefalse":
      return clean({ ...head, answer: d.answer, feedbackTrue: d.feedbackTrue, feedbackFalse: d.feedbackFalse });
    case "numeric":
      if (d.answers.length === 1 && d.answers[0].weight === 1)
        return clean({ ...head, answer: d.answers[0].value, tolerance: d.answers[0].tolerance, unit: d.unit, feedbackCorrect: d.answers[0].feedback, feedbackIncorrect: d.feedbackIncorrect });
      return clean({ ...head, answers: d.answers.map((a) => clean(a)), unit: d.unit, feedbackIncorrect: d.feedbackIncorrect });
    case "matching":
      return clean({ ...head, pairs: d.pairs.map((p) => ({ prompt: p.prompt, match: p.match })), distractors: d.distractors.length ? d.distractors : undefined, feedback: d.feedback });
    case "ordering":
      return clean({ ...head, sequence: d.sequence.map((s) => s.text), feedback: d.feedback });
    case "short": {
      const fb = d.answers[0]?.feedback;
      const simple = d.answers.every((a) => a.weight === 1 && a.feedback === fb);
      return clean({
        ...head,
        accept: simple ? d.answers.map((a) => a.text) : d.answers.map((a) => clean(a)),
        caseSensitive: d.caseSensitive ? true : undefined,
        feedbackCorrect: simple ? fb : undefined,
        feedbackIncorrect: d.feedbackIncorrect,
      });
    }
  }
}
