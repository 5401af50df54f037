// The contract for question items, shared by the database (Item.data as JSON text), the course
// importer/exporter, the GIFT importer, grading and the quiz player. Pure: imports only zod.
import { z } from "zod";

export const ITEM_TYPES = ["single", "multiple", "truefalse", "numeric", "matching", "ordering", "short"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const TOPICS = [
  "foundations",
  "mechanism",
  "regulation",
  "physiology",
  "cancer",
  "inflammation",
  "regenerative",
] as const;
export type Topic = (typeof TOPICS)[number];

export const LEVELS = ["remember", "understand", "apply", "analyse", "evaluate"] as const;
export type Level = (typeof LEVELS)[number];

const text = z.string().trim().min(1, "must not be empty");
const optionalText = z.string().trim().optional();
const id = z.string().trim().min(1).max(40);
/** A weight is the share of the item's credit an answer earns: 1 full, 0 none, negative a penalty. */
const weight = z.number().min(-1).max(1);

export const choiceOptionSchema = z.object({
  id,
  text,
  weight,
  feedback: optionalText,
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

function uniqueIds<T extends { id: string }>(list: T[], ctx: z.RefinementCtx, path: string) {
  const seen = new Set<string>();
  for (const [i, x] of list.entries()) {
    if (seen.has(x.id)) ctx.addIssue({ code: "custom", message: `duplicate id "${x.id}"`, path: [path, i, "id"] });
    seen.add(x.id);
  }
}

export const singleDataSchema = z
  .object({ type: z.literal("single"), options: z.array(choiceOptionSchema).min(2).max(12) })
  .superRefine((d, ctx) => {
    uniqueIds(d.options, ctx, "options");
    if (!d.options.some((o) => o.weight === 1))
      ctx.addIssue({ code: "custom", message: "one option must be fully correct (weight 1)", path: ["options"] });
  });

export const multipleDataSchema = z
  .object({ type: z.literal("multiple"), options: z.array(choiceOptionSchema).min(2).max(12) })
  .superRefine((d, ctx) => {
    uniqueIds(d.options, ctx, "options");
    const positive = d.options.filter((o) => o.weight > 0).reduce((s, o) => s + o.weight, 0);
    if (Math.abs(positive - 1) > 0.011)
      ctx.addIssue({
        code: "custom",
        message: `the positive weights must add up to 100% (they add up to ${Math.round(positive * 100)}%)`,
        path: ["options"],
      });
  });

export const trueFalseDataSchema = z.object({
  type: z.literal("truefalse"),
  answer: z.boolean(),
  feedbackTrue: optionalText,
  feedbackFalse: optionalText,
});

export const numericAnswerSchema = z.object({
  value: z.number().finite(),
  tolerance: z.number().finite().min(0),
  weight: z.number().min(0).max(1),
  feedback: optionalText,
});
export const numericDataSchema = z
  .object({
    type: z.literal("numeric"),
    unit: z.string().trim().max(20).optional(),
    answers: z.array(numericAnswerSchema).min(1).max(10),
    feedbackIncorrect: optionalText,
  })
  .refine((d) => d.answers.some((a) => a.weight === 1), { message: "one answer must be fully correct", path: ["answers"] });

export const matchingDataSchema = z
  .object({
    type: z.literal("matching"),
    pairs: z.array(z.object({ id, prompt: text, match: text })).min(2).max(12),
    distractors: z.array(text).max(8).default([]),
    feedback: optionalText,
  })
  .superRefine((d, ctx) => uniqueIds(d.pairs, ctx, "pairs"));

export const orderingDataSchema = z
  .object({
    type: z.literal("ordering"),
    sequence: z.array(z.object({ id, text })).min(2).max(10),
    feedback: optionalText,
  })
  .superRefine((d, ctx) => uniqueIds(d.sequence, ctx, "sequence"));

export const shortDataSchema = z
  .object({
    type: z.literal("short"),
    answers: z.array(z.object({ text, weight: z.number().min(0).max(1), feedback: optionalText })).min(1).max(20),
    caseSensitive: z.boolean().default(false),
    feedbackIncorrect: optionalText,
  })
  .refine((d) => d.answers.some((a) => a.weight === 1), { message: "one answer must be fully correct", path: ["answers"] });

export const itemDataSchema = z.discriminatedUnion("type", [
  singleDataSchema,
  multipleDataSchema,
  trueFalseDataSchema,
  numericDataSchema,
  matchingDataSchema,
  orderingDataSchema,
  shortDataSchema,
]);
export type ItemData = z.infer<typeof itemDataSchema>;
export type ItemDataOf<T extends ItemType> = Extract<ItemData, { type: T }>;

/** An item as authored: the data plus its text and tags. */
export const itemSchema = z.object({
  key: z.string().trim().min(1).max(80).regex(/^[A-Za-z0-9._:-]+$/, "letters, digits, . _ : - only"),
  stem: text.max(20_000),
  /** Markdown unless imported from GIFT [html]; rendered through the sanitiser either way. */
  stemFormat: z.enum(["markdown", "html", "plain"]).default("markdown"),
  explanation: z.string().trim().max(20_000).default(""),
  objective: z.string().trim().min(1).optional(),
  topic: z.enum(TOPICS).optional(),
  level: z.enum(LEVELS).optional(),
  check: z.boolean().default(false),
  caseKey: z.string().trim().min(1).optional(),
  step: z.number().int().min(1).optional(),
  data: itemDataSchema,
});
export type Item = z.infer<typeof itemSchema>;

/** What a learner submits for one item. */
export const responseSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), optionId: id }),
  z.object({ type: z.literal("multiple"), optionIds: z.array(id).max(12) }),
  z.object({ type: z.literal("truefalse"), value: z.boolean() }),
  z.object({ type: z.literal("numeric"), value: z.number().finite() }),
  z.object({ type: z.literal("matching"), matches: z.record(id, z.string().max(500)) }),
  z.object({ type: z.literal("ordering"), order: z.array(id).max(10) }),
  z.object({ type: z.literal("short"), text: z.string().max(500) }),
]);
export type ItemResponse = z.infer<typeof responseSchema>;
