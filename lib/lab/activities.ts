// Predict–observe–explain activities embedded in lessons: the learner predicts how a measure of the
// gradient changes when one parameter changes, runs the simulator, then reads the explanation. Pure.
import { z } from "zod";

export const POE_PARAMETERS = ["D", "k", "Kd", "secretion", "matrixRatio", "inhibitorFactor", "antibodyRate", "bmaxFactor"] as const;
export const POE_MEASURES = ["decayLength", "signallingRange", "timeToSteadyState"] as const;

export const poeActivitySchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case key"),
  type: z.literal("poe"),
  objective: z.string().min(1),
  /** A preset id from lib/sim/presets.ts, the starting point of the simulation. */
  preset: z.string().min(1),
  /** The one change the learner predicts the effect of: the parameter is multiplied by `factor` or set to `value`. */
  change: z
    .object({ parameter: z.enum(POE_PARAMETERS), factor: z.number().positive().optional(), value: z.number().min(0).optional() })
    .refine((c) => (c.factor === undefined) !== (c.value === undefined), { message: "give either factor or value" }),
  /** What the learner compares before and after. */
  measure: z.enum(POE_MEASURES),
  prompt: z.string().trim().min(1),
  choices: z.array(z.string().trim().min(1)).min(2).max(6),
  /** Index of the correct choice. */
  answer: z.number().int().min(0),
  explanation: z.string().trim().min(1),
}).refine((a) => a.answer < a.choices.length, { message: "answer must index one of the choices", path: ["answer"] });

export type PoeActivity = z.infer<typeof poeActivitySchema>;
export const activitiesSchema = z.array(poeActivitySchema).default([]);

/** What the browser may see before predicting: everything but the answer and the explanation. */
export function activityForLearner(a: PoeActivity) {
  return { key: a.key, preset: a.preset, change: a.change, measure: a.measure, prompt: a.prompt, choices: a.choices };
}
export type LearnerActivity = ReturnType<typeof activityForLearner>;
