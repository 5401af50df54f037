import { SimInputError, requireNumber } from "./errors";

/**
 * Parameter types shared by every solver, and the reduction of the physical
 * parameters (diffusion, removal, matrix binding, interventions) to the few
 * coefficients the solvers need.
 *
 * Units: D µm²/s; k, kAb, koff 1/s; kon 1/(nM·s); Bmax, Kd nM.
 */

/**
 * Matrix (ECM) regime.
 *  - "protected": ligand bound to matrix sites is not removed (e.g. heparan
 *    sulfate shielding FGF from proteases).
 *  - "removed": bound ligand is removed at the same first-order rate k as free
 *    ligand (e.g. uptake of ligand–proteoglycan complexes).
 */
export type MatrixMode = "protected" | "removed";

/**
 * Matrix binding. Binding is linear (sites far from saturation, C ≪ Kd_matrix).
 *  - fast: binding equilibrium is instantaneous; `ratio` R = Bmax/Kd_matrix
 *    (bound/free at equilibrium).
 *  - kinetic: free C and bound B are separate fields exchanging with
 *    dB/dt = kon·Bmax·C − koff·B (− k·B in "removed" mode).
 */
export type MatrixSpec =
  | { model: "fast"; mode: MatrixMode; ratio: number }
  | { model: "kinetic"; mode: MatrixMode; kon: number; koff: number; bmax: number };

/** Interventions applied on top of the baseline parameters. */
export interface Interventions {
  /** Enzyme inhibitor: k is multiplied by this factor (0 < f ≤ 1 normally; any f ≥ 0 accepted). */
  inhibitorFactor?: number;
  /** Neutralising antibody: extra first-order removal of FREE ligand, 1/s. */
  antibodyRate?: number;
  /** Matrix binding-site change: Bmax (hence R) multiplied by this factor (heparanase < 1). */
  bmaxFactor?: number;
}

/** Receptor occupancy parameters. */
export interface ReceptorParams {
  /** Dissociation constant, nM. */
  Kd: number;
  /** Hill coefficient n (dimensionless). */
  hill: number;
}

/** Coefficients consumed by the solvers (all interventions already applied). */
export interface Transport {
  /** Diffusion coefficient of free ligand, µm²/s. */
  D: number;
  /** First-order removal of free ligand, 1/s (k·inhibitor + kAb). */
  kFree: number;
  /** First-order removal of matrix-bound ligand, 1/s (k·inhibitor in "removed" mode, else 0). */
  kBound: number;
  binding:
    | { model: "none" }
    | { model: "fast"; R: number }
    | { model: "kinetic"; konB: number; koff: number };
  mode: MatrixMode | "none";
}

/** Long-time (steady-state) effective coefficients of a Transport. */
export interface EffectiveCoefficients {
  /** Removal rate that shapes the steady state of FREE ligand: D C'' = kSteady C. 1/s. */
  kSteady: number;
  /** Total/free ligand ratio at steady state (1 + R in the fast limit). */
  capacity: number;
  /** Effective diffusion coefficient D/capacity, µm²/s. */
  Deff: number;
  /** Effective removal kSteady/capacity, 1/s (sets the time to steady state). */
  keff: number;
  /** Steady-state decay length √(D/kSteady), µm (Infinity when kSteady = 0). */
  lambda: number;
  /** Relaxation time 1/keff, s (Infinity when keff = 0). */
  tau: number;
  /** Bound/free ratio at steady state. */
  boundRatio: number;
}

/**
 * Slider ranges of the lab UI. The solvers are stable for every value in
 * these ranges (and beyond — presets such as acetylcholine lie outside them);
 * they are exported so the UI and the tests use the same numbers.
 */
export const PARAMETER_RANGES = {
  D: { min: 0.01, max: 1000, unit: "µm²/s" },
  k: { min: 1e-6, max: 10, unit: "1/s" },
  Kd: { min: 0.001, max: 1000, unit: "nM" },
  hill: { min: 0.5, max: 4, unit: "dimensionless" },
  secretion: { min: 1e-3, max: 1e3, unit: "nM·µm/s" },
  matrixRatio: { min: 0, max: 1000, unit: "dimensionless" },
} as const;

/** Builds the solver coefficients from physical parameters and interventions. */
export function resolveTransport(D: number, k: number, matrix?: MatrixSpec | null, iv: Interventions = {}): Transport {
  requireNumber("D", D, { positive: true });
  requireNumber("k", k, { min: 0 });
  const inhibitor = requireNumber("inhibitor factor", iv.inhibitorFactor ?? 1, { min: 0 });
  const kAb = requireNumber("antibody removal rate", iv.antibodyRate ?? 0, { min: 0 });
  const bmaxFactor = requireNumber("Bmax factor", iv.bmaxFactor ?? 1, { min: 0 });
  const kk = k * inhibitor;
  const kFree = kk + kAb;
  if (!matrix) return { D, kFree, kBound: 0, binding: { model: "none" }, mode: "none" };
  if (matrix.mode !== "protected" && matrix.mode !== "removed") {
    throw new SimInputError(`matrix mode must be "protected" or "removed" (got ${String(matrix.mode)})`);
  }
  const kBound = matrix.mode === "removed" ? kk : 0;
  if (matrix.model === "fast") {
    const R = requireNumber("matrix binding ratio R", matrix.ratio, { min: 0 }) * bmaxFactor;
    return { D, kFree, kBound, binding: { model: "fast", R }, mode: matrix.mode };
  }
  if (matrix.model === "kinetic") {
    const kon = requireNumber("kon", matrix.kon, { min: 0 });
    const koff = requireNumber("koff", matrix.koff, { positive: true });
    const bmax = requireNumber("Bmax", matrix.bmax, { min: 0 });
    return { D, kFree, kBound, binding: { model: "kinetic", konB: kon * bmax * bmaxFactor, koff }, mode: matrix.mode };
  }
  throw new SimInputError(`unknown matrix model ${String((matrix as { model: unknown }).model)}`);
}

/** Steady-state / long-time effective coefficients (exact for the linear model). */
export function effectiveCoefficients(t: Transport): EffectiveCoefficients {
  let boundRatio = 0;
  if (t.binding.model === "fast") boundRatio = t.binding.R;
  else if (t.binding.model === "kinetic") boundRatio = t.binding.konB / (t.binding.koff + t.kBound);
  const capacity = 1 + boundRatio;
  const kSteady = t.kFree + boundRatio * t.kBound;
  const Deff = t.D / capacity;
  const keff = kSteady / capacity;
  return {
    kSteady,
    capacity,
    Deff,
    keff,
    lambda: kSteady > 0 ? Math.sqrt(t.D / kSteady) : Infinity,
    tau: keff > 0 ? 1 / keff : Infinity,
    boundRatio,
  };
}

/** Fast-equilibrium limit of a kinetic Transport (R = kon·Bmax/koff). */
export function fastLimit(t: Transport): Transport {
  if (t.binding.model !== "kinetic") return t;
  return { ...t, binding: { model: "fast", R: t.binding.konB / t.binding.koff } };
}

/** Receptor occupancy θ = Cⁿ/(Cⁿ + Kdⁿ), computed without overflow. */
export function occupancy(C: number, Kd: number, hill: number): number {
  if (!(C > 0)) return 0;
  const r = Math.pow(Kd / C, hill);
  return 1 / (1 + r);
}

/** Concentration at which occupancy equals the threshold θt: C* = Kd·(θt/(1 − θt))^(1/n). */
export function thresholdConcentration(threshold: number, Kd: number, hill: number): number {
  requireNumber("threshold", threshold, { min: 0, max: 1 });
  if (threshold <= 0) return 0;
  if (threshold >= 1) return Infinity;
  return Kd * Math.pow(threshold / (1 - threshold), 1 / hill);
}

export function validateReceptor(r: ReceptorParams): ReceptorParams {
  requireNumber("Kd", r.Kd, { positive: true });
  requireNumber("Hill coefficient", r.hill, { positive: true });
  return r;
}
