import { SimInputError, requireNumber } from "./errors";

/**
 * Secretion schedule: a factor g(t) ∈ {0, 1} that multiplies the secretion
 * rate. Time in s; the source is off before `start`.
 *  - constant: on for all t ≥ 0.
 *  - pulse: on during [start, start + duration).
 *  - periodic: on during [start + j·period, start + j·period + duration) for
 *    j = 0 … count − 1 (count defaults to unlimited).
 */
export type SecretionSchedule =
  | { kind: "constant" }
  | { kind: "pulse"; start?: number; duration: number }
  | { kind: "periodic"; start?: number; period: number; duration: number; count?: number };

export const CONSTANT_SECRETION: SecretionSchedule = { kind: "constant" };

export function validateSchedule(s: SecretionSchedule): SecretionSchedule {
  if (s.kind === "constant") return s;
  if (s.kind === "pulse") {
    requireNumber("pulse start", s.start ?? 0, { min: 0 });
    requireNumber("pulse duration", s.duration, { positive: true });
    return s;
  }
  if (s.kind === "periodic") {
    requireNumber("pulse start", s.start ?? 0, { min: 0 });
    requireNumber("pulse period", s.period, { positive: true });
    requireNumber("pulse duration", s.duration, { positive: true });
    if (s.duration > s.period) throw new SimInputError("pulse duration must not exceed the period");
    if (s.count !== undefined) requireNumber("pulse count", s.count, { min: 1, integer: true });
    return s;
  }
  throw new SimInputError(`unknown schedule kind ${(s as { kind: string }).kind}`);
}

/** g(t): 1 while secreting, else 0. */
export function scheduleFactor(s: SecretionSchedule, t: number): number {
  if (s.kind === "constant") return t >= 0 ? 1 : 0;
  const start = s.start ?? 0;
  if (t < start) return 0;
  if (s.kind === "pulse") return t < start + s.duration ? 1 : 0;
  const j = Math.floor((t - start) / s.period);
  if (s.count !== undefined && j >= s.count) return 0;
  return t - start - j * s.period < s.duration ? 1 : 0;
}

/** ∫₀ᵗ g(t′) dt′ in s (exact). */
export function scheduleIntegral(s: SecretionSchedule, t: number): number {
  if (t <= 0) return 0;
  if (s.kind === "constant") return t;
  const start = s.start ?? 0;
  if (t <= start) return 0;
  const tau = t - start;
  if (s.kind === "pulse") return Math.min(tau, s.duration);
  const j = Math.floor(tau / s.period);
  const count = s.count ?? Infinity;
  if (j >= count) return count * s.duration;
  return j * s.duration + Math.min(Math.max(tau - j * s.period, 0), s.duration);
}

/** Mean of g over [t0, t1] (t1 > t0). */
export function scheduleAverage(s: SecretionSchedule, t0: number, t1: number): number {
  if (s.kind === "constant") return t0 >= 0 ? 1 : 0;
  return (scheduleIntegral(s, t1) - scheduleIntegral(s, t0)) / (t1 - t0);
}

/** The first time strictly after t at which g switches (on↔off), or Infinity. */
export function nextSwitch(s: SecretionSchedule, t: number): number {
  if (s.kind === "constant") return t < 0 ? 0 : Infinity;
  const start = s.start ?? 0;
  if (t < start) return start;
  if (s.kind === "pulse") return t < start + s.duration ? start + s.duration : Infinity;
  const count = s.count ?? Infinity;
  const j = Math.floor((t - start) / s.period);
  if (j >= count) return Infinity;
  const on = start + j * s.period;
  const off = on + s.duration;
  if (t < off) return off;
  return j + 1 < count ? on + s.period : Infinity;
}

/** The on-intervals [tOn, tOff) that start before tEnd (tOff may be Infinity). */
export function onIntervals(s: SecretionSchedule, tEnd: number): Array<[number, number]> {
  if (s.kind === "constant") return [[0, Infinity]];
  const start = s.start ?? 0;
  if (s.kind === "pulse") return start < tEnd ? [[start, start + s.duration]] : [];
  const out: Array<[number, number]> = [];
  const count = s.count ?? Infinity;
  for (let j = 0; j < count; j++) {
    const on = start + j * s.period;
    if (on >= tEnd) break;
    out.push([on, on + s.duration]);
    if (out.length > 1e6) throw new SimInputError("too many pulses before the end time");
  }
  return out;
}

/** True when the secretion never switches off. */
export function isConstant(s: SecretionSchedule): boolean {
  return s.kind === "constant";
}
