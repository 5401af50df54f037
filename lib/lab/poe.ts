// Runs a predict–observe–explain activity with the same simulator as the lab: the preset, then the
// preset with the activity's one change, and reads the activity's measure from both. Pure.
import { getPreset, simulateGradient, SimInputError, type GradientInput, type GradientResult } from "@/lib/sim";
import type { LearnerActivity, PoeActivity } from "./activities";

type Change = PoeActivity["change"];
type Measure = PoeActivity["measure"];

export const MEASURE_LABELS: Record<Measure, { label: string; unit: string }> = {
  decayLength: { label: "Decay length λ", unit: "µm" },
  signallingRange: { label: "Signalling range", unit: "µm" },
  timeToSteadyState: { label: "Time to 90% of steady state at one decay length from the source", unit: "s" },
};

/** The preset input with one parameter multiplied by `factor` or set to `value`. */
export function applyChange(input: GradientInput, change: Change): GradientInput {
  const f = (v: number) => (change.value !== undefined ? change.value : v * (change.factor ?? 1));
  const iv = { ...(input.interventions ?? {}) };
  const out: GradientInput = { ...input, interventions: iv };
  switch (change.parameter) {
    case "D":
    case "k":
      out[change.parameter] = f(input[change.parameter]);
      break;
    case "Kd":
      out.Kd = f(input.Kd ?? 1);
      break;
    case "secretion":
      out.secretion = f(input.secretion ?? 1);
      break;
    case "matrixRatio": {
      const m = input.matrix && input.matrix.model === "fast" ? input.matrix : { model: "fast" as const, mode: "protected" as const, ratio: 0 };
      out.matrix = { ...m, ratio: f(m.ratio) };
      break;
    }
    case "inhibitorFactor":
      iv.inhibitorFactor = f(iv.inhibitorFactor ?? 1);
      break;
    case "antibodyRate":
      iv.antibodyRate = f(iv.antibodyRate ?? 0);
      break;
    case "bmaxFactor":
      iv.bmaxFactor = f(iv.bmaxFactor ?? 1);
      break;
  }
  return out;
}

/** The activity's measure from a result (null when undefined, e.g. no steady state). */
export function measureOf(input: GradientInput, measure: Measure): number | null {
  if (measure === "timeToSteadyState") {
    // Time to 90 % at x = λ: λ first (steady state only, cheap), then t90 at that one distance.
    const first = simulateGradient({ ...input, numerics: { timeCourse: false } });
    if (first.decayLength === null) return null;
    const needsSolver = (input.geometry ?? "1d") === "3d" || input.matrix?.model === "kinetic";
    const r = simulateGradient({ ...input, fraction: 0.9, distances: [first.decayLength], numerics: { timeCourse: needsSolver } });
    return r.timeToFraction?.time[0] ?? null;
  }
  const r: GradientResult = simulateGradient({ ...input, numerics: { timeCourse: false } });
  return measure === "decayLength" ? r.decayLength : (r.signallingRange?.range ?? null);
}

export interface PoeRun {
  measure: Measure;
  label: string;
  unit: string;
  before: number | null;
  after: number | null;
}

export function runPoe(activity: Pick<LearnerActivity, "preset" | "change" | "measure">): PoeRun {
  const preset = getPreset(activity.preset);
  if (!preset) throw new SimInputError(`unknown preset ${activity.preset}`);
  const changed = applyChange(preset.input, activity.change);
  const { label, unit } = MEASURE_LABELS[activity.measure];
  return { measure: activity.measure, label, unit, before: measureOf(preset.input, activity.measure), after: measureOf(changed, activity.measure) };
}

/** "k × 2", "k_ab = 0.03": the change in a few words, for the activity card. */
export function describePoeChange(change: Change): string {
  const names: Record<Change["parameter"], string> = {
    D: "diffusion coefficient D",
    k: "removal rate k",
    Kd: "receptor Kd",
    secretion: "secretion",
    matrixRatio: "matrix binding ratio R",
    inhibitorFactor: "enzyme inhibitor factor",
    antibodyRate: "antibody removal rate k_ab",
    bmaxFactor: "binding-site factor",
  };
  return change.value !== undefined ? `${names[change.parameter]} set to ${change.value}` : `${names[change.parameter]} multiplied by ${change.factor}`;
}
