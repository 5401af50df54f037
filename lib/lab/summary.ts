// Describes in words what changed between two lab runs, for the aria-live summary under the plots:
// "Doubling k shortened the decay length from 19.9 µm to 14.1 µm (−29%), …". Pure.
import { getPreset, type GradientResult } from "@/lib/sim";
import { formatNumber, formatPercentChange, formatQuantity } from "./format";
import { CONTROLS, type LabParams, type NumericKey } from "./params";

export interface Run {
  params: LabParams;
  result: Pick<GradientResult, "decayLength" | "sourceConcentration" | "signallingRange" | "geometry">;
}

const NUMERIC_KEYS = Object.keys(CONTROLS) as NumericKey[];
/** Relative changes smaller than this count as "unchanged" (rounding of displayed figures). */
const SAME = 0.005;

function near(r: number, target: number) {
  return Math.abs(r / target - 1) < 0.01;
}

function describeNumericChange(key: NumericKey, before: number, after: number): string {
  const spec = CONTROLS[key];
  const sym = spec.symbol;
  const q = (v: number) => formatQuantity(v, spec.unit);
  if (before === 0) return `Setting ${sym} to ${q(after)}`;
  if (after === 0) return `Setting ${sym} to 0`;
  const r = after / before;
  if (near(r, 2)) return `Doubling ${sym}`;
  if (near(r, 0.5)) return `Halving ${sym}`;
  if (near(r, 3)) return `Tripling ${sym}`;
  if (near(r, 4)) return `Quadrupling ${sym}`;
  if (near(r, 10)) return `Raising ${sym} tenfold`;
  if (near(r, 0.1)) return `Cutting ${sym} tenfold`;
  return `${r > 1 ? "Raising" : "Lowering"} ${sym} from ${q(before)} to ${q(after)}`;
}

/** What the learner changed, as the subject of the sentence ("Doubling k"). */
export function describeCause(prev: LabParams, next: LabParams): string | null {
  if (next.presetId && next.presetId !== prev.presetId) {
    const title = getPreset(next.presetId)?.title ?? next.presetId;
    return `Switching to the preset “${title}”`;
  }
  const causes: string[] = [];
  const numeric = NUMERIC_KEYS.filter((k) => prev[k] !== next[k]);
  if (prev.geometry !== next.geometry) causes.push(next.geometry === "3d" ? "Switching to a small source cell (3-D)" : "Switching to a flat source (1-D)");
  if (prev.matrixMode !== next.matrixMode)
    causes.push(next.matrixMode === "removed" ? "Letting matrix-bound ligand be removed like free ligand" : "Protecting matrix-bound ligand from removal");
  if (prev.schedule !== next.schedule)
    causes.push(next.schedule === "constant" ? "Switching to constant secretion" : next.schedule === "pulse" ? "Switching to a single pulse of secretion" : "Switching to repeated pulses of secretion");
  if (JSON.stringify(prev.distances) !== JSON.stringify(next.distances)) causes.push("Changing the distances");
  if (numeric.length === 1 && causes.length === 0) return describeNumericChange(numeric[0], prev[numeric[0]], next[numeric[0]]);
  if (numeric.length) causes.push(`Changing ${listWords(numeric.map((k) => CONTROLS[k].symbol))}`);
  if (!causes.length) return null;
  const [first, ...rest] = causes;
  return rest.length ? `${first} and ${rest.map((c) => c[0].toLowerCase() + c.slice(1)).join(" and ")}` : first;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

function effect(name: string, unit: string, before: number | null, after: number | null, verbs: [up: string, down: string]): string {
  const q = (v: number) => formatQuantity(v, unit);
  if (before === null && after === null) return `left the ${name} undefined`;
  if (before === null) return `gave a ${name} of ${q(after!)}`;
  if (after === null) return `left no ${name} (no steady state)`;
  if (Math.abs(after - before) <= SAME * Math.max(Math.abs(before), Math.abs(after))) return `left the ${name} unchanged at ${q(after)}`;
  return `${after > before ? verbs[0] : verbs[1]} the ${name} from ${q(before)} to ${q(after)} (${formatPercentChange(before, after)})`;
}

/** One sentence on what changed between two runs; null when nothing the learner controls changed. */
export function describeChange(prev: Run, next: Run): string | null {
  const cause = describeCause(prev.params, next.params);
  if (!cause) return null;
  const a = prev.result;
  const b = next.result;
  const effects = [
    effect("decay length", "µm", a.decayLength, b.decayLength, ["lengthened", "shortened"]),
    effect("signalling range", "µm", a.signallingRange?.range ?? null, b.signallingRange?.range ?? null, ["extended", "shortened"]),
    effect("source concentration", "nM", a.sourceConcentration, b.sourceConcentration, ["raised", "lowered"]),
  ];
  return `${cause} ${listWords(effects)}.`;
}

/** The figures stated in the first run's announcement. */
export function describeFirstRun(run: Run): string {
  const r = run.result;
  return `Decay length ${formatQuantity(r.decayLength, "µm")}, signalling range ${formatQuantity(r.signallingRange?.range ?? null, "µm")}, source concentration ${formatQuantity(r.sourceConcentration, "nM")}.`;
}

export { formatNumber };
