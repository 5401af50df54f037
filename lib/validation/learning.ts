import { z } from "zod";

export const idSchema = z.string().trim().min(1, "Missing id.").max(64);

export const enrollSchema = z.object({ courseId: idSchema });
export const joinCohortSchema = z.object({ code: z.string().trim().min(4, "Enter the join code.").max(32).transform((s) => s.toUpperCase()) });
export const progressSchema = z.object({
  lessonId: idSchema,
  position: z.coerce.number().min(0).max(1),
  anchor: z.string().max(200).optional().nullable(),
  /** Seconds read since the last report; capped so a tab left open cannot inflate time spent. */
  seconds: z.coerce.number().int().min(0).max(300),
});
/** Time credited by the first report of a lesson (one reporting interval and a margin). */
export const FIRST_REPORT_MAX_SECONDS = 30;
export const completeLessonSchema = z.object({ lessonId: idSchema });
export const retentionSchema = z.object({ desiredRetention: z.coerce.number().min(0.8, "At least 0.80.").max(0.97, "At most 0.97.") });
