// The lab's parameter state, its controls (ranges, scales, units) and the mapping to the simulator's
// GradientInput. Pure: used by the client components, the worker and the tests alike.
import { PARAMETER_RANGES, type GradientInput, type MatrixMode, type Preset, type SecretionSchedule } from "@/lib/sim";

export type ScheduleKind = "constant" | "pulse" | "periodic";

export interface LabParams {
  presetId: string | null;
  geometry: "1d" | "3d";
  /** 3-D source-cell radius, µm. */
  radius: number;
  D: number;
  k: number;
  Kd: number;
  hill: number;
  secretion: number;
  matrixRatio: number;
  matrixMode: MatrixMode;
  threshold: number;
  inhibitorFactor: number;
  antibodyRate: number;
  bmaxFactor: number;
  schedule: ScheduleKind;
  /** Pulse duration, s. */
  pulseDuration: number;
  /** Period of repeated pulses, s. */
  pulsePeriod: number;
  /** Distances for the time to 90 % of steady state, µm; null = [0, λ/2, λ, 2λ, 4λ]. */
  distances: number[] | null;
}

export type NumericKey = "radius" | "D" | "k" | "Kd" | "hill" | "secretion" | "matrixRatio" | "threshold" | "inhibitorFactor" | "antibodyRate" | "bmaxFactor" | "pulseDuration" | "pulsePeriod";

export interface ControlSpec {
  key: NumericKey;
  label: string;
  /** Short symbol used in summaries ("k", "D"). */
  symbol: string;
  unit: string;
  min: number;
  max: number;
  /** Logarithmic slider (the range spans decades). With zeroAtMin the lowest slider position means 0. */
  scale: "log" | "linear";
  zeroAtMin?: boolean;
  /** Linear sliders: step of the slider. */
  step?: number;
  hint?: string;
}

const R = PARAMETER_RANGES;
export const CONTROLS: Record<NumericKey, ControlSpec> = {
  D: { key: "D", label: "Diffusion coefficient D", symbol: "D", unit: R.D.unit, min: R.D.min, max: R.D.max, scale: "log" },
  k: { key: "k", label: "Removal rate k", symbol: "k", unit: R.k.unit, min: R.k.min, max: R.k.max, scale: "log" },
  Kd: { key: "Kd", label: "Receptor Kd", symbol: "Kd", unit: R.Kd.unit, min: R.Kd.min, max: R.Kd.max, scale: "log" },
  hill: { key: "hill", label: "Hill coefficient n", symbol: "n", unit: "", min: R.hill.min, max: R.hill.max, scale: "linear", step: 0.1 },
  secretion: { key: "secretion", label: "Secretion flux s", symbol: "the secretion", unit: R.secretion.unit, min: R.secretion.min, max: R.secretion.max, scale: "log" },
  matrixRatio: {
    key: "matrixRatio",
    label: "Matrix binding ratio R (bound/free)",
    symbol: "R",
    unit: "",
    min: 0.01,
    max: R.matrixRatio.max,
    scale: "log",
    zeroAtMin: true,
    hint: "0 = no matrix binding",
  },
  radius: { key: "radius", label: "Source cell radius a", symbol: "the cell radius", unit: "µm", min: 1, max: 500, scale: "log" },
  threshold: { key: "threshold", label: "Occupancy threshold θ*", symbol: "θ*", unit: "", min: 0.01, max: 0.99, scale: "linear", step: 0.01, hint: "strictly between 0 and 1" },
  inhibitorFactor: {
    key: "inhibitorFactor",
    label: "Enzyme inhibitor: k multiplied by",
    symbol: "the inhibitor factor",
    unit: "",
    min: 0.01,
    max: 1,
    scale: "log",
    hint: "1 = no inhibitor",
  },
  antibodyRate: {
    key: "antibodyRate",
    label: "Neutralising antibody: extra removal k_ab",
    symbol: "k_ab",
    unit: "1/s",
    min: 1e-5,
    max: 10,
    scale: "log",
    zeroAtMin: true,
    hint: "0 = no antibody; acts on free ligand only",
  },
  bmaxFactor: {
    key: "bmaxFactor",
    label: "Heparanase / binding sites: R multiplied by",
    symbol: "the binding-site factor",
    unit: "",
    min: 0,
    max: 2,
    scale: "linear",
    step: 0.01,
    hint: "1 = unchanged; below 1 = sites destroyed (heparanase)",
  },
  pulseDuration: { key: "pulseDuration", label: "Pulse duration", symbol: "the pulse duration", unit: "s", min: 1e-4, max: 1e5, scale: "log" },
  pulsePeriod: { key: "pulsePeriod", label: "Pulse period", symbol: "the pulse period", unit: "s", min: 1e-3, max: 1e6, scale: "log" },
};

/** Number of positions of a slider (native range input from 0 to SLIDER_STEPS). */
export const SLIDER_STEPS = 1000;

/** Slider position (0…SLIDER_STEPS) of a value, and whether it lies outside the slider's range. */
export function toSlider(spec: ControlSpec, value: number): { position: number; outside: "below" | "above" | null } {
  if (!Number.isFinite(value)) return { position: 0, outside: "below" };
  if (spec.scale === "linear") {
    const p = ((value - spec.min) / (spec.max - spec.min)) * SLIDER_STEPS;
    if (p < -1e-9) return { position: 0, outside: "below" };
    if (p > SLIDER_STEPS + 1e-9) return { position: SLIDER_STEPS, outside: "above" };
    return { position: Math.round(p), outside: null };
  }
  if (spec.zeroAtMin && value === 0) return { position: 0, outside: null };
  if (value <= 0) return { position: 0, outside: "below" };
  // With zeroAtMin, position 1 is spec.min and 0 is zero; otherwise 0 is spec.min.
  const first = spec.zeroAtMin ? 1 : 0;
  const span = SLIDER_STEPS - first;
  const p = first + (Math.log(value / spec.min) / Math.log(spec.max / spec.min)) * span;
  if (value < spec.min * (1 - 1e-9)) return { position: spec.zeroAtMin ? first : 0, outside: "below" };
  if (value > spec.max * (1 + 1e-9)) return { position: SLIDER_STEPS, outside: "above" };
  return { position: Math.round(p), outside: null };
}

/** Value at a slider position, rounded to 3 significant figures (log) or the step (linear). */
export function fromSlider(spec: ControlSpec, position: number): number {
  const p = Math.max(0, Math.min(SLIDER_STEPS, Math.round(position)));
  if (spec.scale === "linear") {
    const step = spec.step ?? (spec.max - spec.min) / SLIDER_STEPS;
    const v = spec.min + (p / SLIDER_STEPS) * (spec.max - spec.min);
    const snapped = Math.round(v / step) * step;
    return Number(Math.min(spec.max, Math.max(spec.min, snapped)).toPrecision(12));
  }
  if (spec.zeroAtMin && p === 0) return 0;
  const first = spec.zeroAtMin ? 1 : 0;
  const v = spec.min * Math.pow(spec.max / spec.min, (p - first) / (SLIDER_STEPS - first));
  const e = Math.floor(Math.log10(v));
  const f = Math.pow(10, 2 - e);
  return Number((Math.round(v * f) / f).toPrecision(3));
}

/** The valid slider range in words, for the label hint: "0.01–1,000 µm²/s". */
export function rangeText(spec: ControlSpec, fmt: (v: number) => string): string {
  const lo = spec.zeroAtMin ? "0" : fmt(spec.min);
  return `${lo}–${fmt(spec.max)}${spec.unit ? ` ${spec.unit}` : ""}${spec.scale === "log" ? ", log scale" : ""}`;
}

export const DEFAULT_PARAMS: LabParams = {
  presetId: null,
  geometry: "1d",
  radius: 5,
  D: 0.1,
  k: 2.52e-4,
  Kd: 1,
  hill: 1,
  secretion: 0.05,
  matrixRatio: 0,
  matrixMode: "protected",
  threshold: 0.5,
  inhibitorFactor: 1,
  antibodyRate: 0,
  bmaxFactor: 1,
  schedule: "constant",
  pulseDuration: 600,
  pulsePeriod: 3600,
  distances: null,
};

/** The lab state for a preset: every value taken as it is (never clamped to the slider ranges). */
export function paramsFromPreset(preset: Preset): LabParams {
  const i = preset.input;
  const m = i.matrix && i.matrix.model === "fast" ? i.matrix : null;
  const s = i.schedule;
  return {
    ...DEFAULT_PARAMS,
    presetId: preset.id,
    geometry: i.geometry ?? "1d",
    radius: i.radius ?? DEFAULT_PARAMS.radius,
    D: i.D,
    k: i.k,
    Kd: i.Kd ?? 1,
    hill: i.hill ?? 1,
    secretion: i.secretion ?? 1,
    matrixRatio: m?.ratio ?? 0,
    matrixMode: i.matrix?.mode ?? "protected",
    threshold: i.threshold ?? 0.5,
    inhibitorFactor: i.interventions?.inhibitorFactor ?? 1,
    antibodyRate: i.interventions?.antibodyRate ?? 0,
    bmaxFactor: i.interventions?.bmaxFactor ?? 1,
    schedule: s?.kind ?? "constant",
    pulseDuration: s && s.kind !== "constant" ? s.duration : DEFAULT_PARAMS.pulseDuration,
    pulsePeriod: s && s.kind === "periodic" ? s.period : DEFAULT_PARAMS.pulsePeriod,
    distances: i.distances ? [...i.distances] : null,
  };
}

export function scheduleOf(p: LabParams): SecretionSchedule {
  if (p.schedule === "pulse") return { kind: "pulse", duration: p.pulseDuration };
  if (p.schedule === "periodic") return { kind: "periodic", period: p.pulsePeriod, duration: p.pulseDuration };
  return { kind: "constant" };
}

/** The simulator input for the lab state (fast-equilibrium matrix binding, as the docs advise for the lab). */
export function toGradientInput(p: LabParams): GradientInput {
  return {
    geometry: p.geometry,
    ...(p.geometry === "3d" ? { radius: p.radius } : {}),
    D: p.D,
    k: p.k,
    Kd: p.Kd,
    hill: p.hill,
    secretion: p.secretion,
    matrix: p.matrixRatio > 0 ? { model: "fast", mode: p.matrixMode, ratio: p.matrixRatio } : null,
    interventions: { inhibitorFactor: p.inhibitorFactor, antibodyRate: p.antibodyRate, bmaxFactor: p.bmaxFactor },
    threshold: p.threshold,
    ...(p.distances ? { distances: p.distances } : {}),
    schedule: scheduleOf(p),
  };
}

/** Parses "0, 10, 20.5" into distances (µm); null when any entry is not a non-negative number. */
// Plain decimal or scientific numbers only: Number() would also take "0x10" (16), "0b1" or "Infinity".
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseDistances(text: string): number[] | null {
  const parts = text.split(/[;,\s]+/).filter(Boolean);
  if (!parts.length || parts.length > 8) return null;
  const out = parts.map((p) => (PLAIN_NUMBER.test(p) ? Number(p) : NaN));
  return out.every((v) => Number.isFinite(v) && v >= 0) ? out : null;
}
