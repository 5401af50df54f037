import { z } from "zod";
import { responseSchema } from "@/lib/items/schema";
import { idSchema } from "./learning";

export const startAttemptSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("CHECK"), lessonId: idSchema }),
  z.object({ kind: z.literal("QUIZ"), moduleId: idSchema }),
]);
export type StartAttemptInput = z.infer<typeof startAttemptSchema>;

export const answerItemSchema = z.object({
  attemptId: idSchema,
  itemId: idSchema,
  response: responseSchema,
  /** Time from the item being shown to the answer; capped so a forgotten tab does not skew analytics. */
  timeMs: z.coerce.number().int().min(0).max(3_600_000).default(0),
});
export type AnswerItemInput = z.infer<typeof answerItemSchema>;

export const submitAttemptSchema = z.object({ attemptId: idSchema });

export const reviewCardSchema = z.object({
  cardId: idSchema,
  rating: z.coerce.number().int().min(1, "Choose Again, Hard, Good or Easy.").max(4, "Choose Again, Hard, Good or Easy."),
  /** The card's review count the learner saw; a mismatch means this rating was already applied. */
  reps: z.coerce.number().int().min(0).optional(),
});
export type ReviewCardInput = z.infer<typeof reviewCardSchema>;

export const revealReviewSchema = z.object({ cardId: idSchema, response: responseSchema.optional() });

export const deleteAccountSchema = z.object({ confirm: z.literal("DELETE", { message: 'Type DELETE to confirm.' }) });
