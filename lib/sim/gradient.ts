import {
  accumulationTime,
  flux1DSchedule,
  freeLigandProblem,
  signallingRange1D,
  signallingRangeSphere,
  sphereSteady,
  timeToFraction1D,
} from "./analytic";
import { SimBudgetError, SimInputError, requireNumber } from "./errors";
import { buildGrid } from "./grid";
import {
  effectiveCoefficients,
  occupancy,
  resolveTransport,
  thresholdConcentration,
  type Interventions,
  type MatrixSpec,
  type Transport,
} from "./params";
import { CONSTANT_SECRETION, onIntervals, validateSchedule, type SecretionSchedule } from "./schedule";
import { DEFAULT_WORK_BUDGET, Solver1D, type Scheme1D, type StepPolicy } from "./solver1d";
import { UNITS, nmUm3ToMolecules } from "./units";

/**
 * High-level entry point of the gradient lab: one call returns a plain,
 * JSON-serialisable object with the steady-state profile, receptor
 * occupancy, decay length, time course, local time to a fraction of steady
 * state, and the signalling range. Non-finite values are reported as null.
 */
export interface GradientInput {
  /** "1d": flat source at x = 0. "3d": spherical source cell of radius `radius`. Default "1d". */
  geometry?: "1d" | "3d";
  /** Diffusion coefficient of free ligand, µm²/s. */
  D: number;
  /** First-order removal rate (degradation, uptake), 1/s. */
  k: number;
  /** Receptor dissociation constant, nM (default 1). */
  Kd?: number;
  /** Hill coefficient (default 1). */
  hill?: number;
  /**
   * Secretion flux density through the source surface while on, nM·µm/s
   * (default 1). In 3-D the total rate is Q = 4πa²·secretion.
   */
  secretion?: number;
  /** 3-D only: total secretion rate Q in nM·µm³/s (overrides `secretion`). */
  sourceRate?: number;
  /** 3-D source-cell radius a, µm (default 5). */
  radius?: number;
  matrix?: MatrixSpec | null;
  interventions?: Interventions;
  /** Occupancy threshold θ* for the signalling range (default 0.5). */
  threshold?: number;
  /** Fraction f of steady state for the local time to steady state (default 0.9). */
  fraction?: number;
  /** Distances from the source surface (µm) for the time course and t_f. Default [0, λ/2, λ, 2λ, 4λ]. */
  distances?: number[];
  schedule?: SecretionSchedule;
  /** Steady-state profile grid: distances 0…xMax (default max(5λ, 1.2·max distance)), `points` values (default 101). */
  profile?: { xMax?: number; points?: number };
  /** Sample times of the time course, s (default 101 equally spaced from 0 to tEnd). */
  times?: number[];
  /**
   * End of the time course, s. Default from the physics: constant secretion 1.5 × the time to 99 %
   * of steady state at the farthest distance; pulses the last switch-off plus
   * max(5 × the response time at the farthest distance, 10 × the pulse length), where the response
   * time is min(x²/2D_eff, τ(x)). When given, the run stops there (no search beyond it for t_f).
   */
  tEnd?: number;
  /** Times (s) at which to report the whole free-ligand profile on the profile grid (`snapshots`). */
  snapshotTimes?: number[];
  numerics?: {
    /** Run the time-stepping solver (default true). */
    timeCourse?: boolean;
    /** Grid cells per decay length (default 40). */
    cellsPerLambda?: number;
    scheme?: Scheme1D;
    outer?: "no-flux" | "absorbing";
    /** Override the automatic step policy. */
    policy?: Partial<StepPolicy>;
    /** Work budget of the run, cell-steps (time steps × grid cells); default DEFAULT_WORK_BUDGET. */
    workBudget?: number;
  };
}

/** Options that are not part of the (JSON-serialisable) input. */
export interface SimulateOptions {
  /** Called during time stepping with the fraction of the planned work done (0–1), at most ~50 times. */
  onProgress?: (fraction: number) => void;
}

export interface ProfileTable {
  /** Distance from the source surface, µm. */
  distance: number[];
  /** Free ligand, nM. */
  concentration: number[];
  /** Matrix-bound ligand, nM. */
  bound: number[];
  /** Receptor occupancy (0–1), from free ligand. */
  occupancy: number[];
}

export interface GradientResult {
  units: typeof RESULT_UNITS;
  geometry: "1d" | "3d";
  parameters: {
    D: number;
    k: number;
    Kd: number;
    hill: number;
    secretion: number;
    sourceRate: number | null;
    sourceRateMolecules: number | null;
    radius: number | null;
    threshold: number;
    fraction: number;
    matrix: MatrixSpec | null;
    interventions: Interventions;
    schedule: SecretionSchedule;
  };
  matrix: {
    model: "none" | "fast-equilibrium" | "kinetic";
    mode: "none" | "protected" | "removed";
    /** Bound/free ratio at steady state (R in the fast limit, after interventions). */
    boundFreeRatio: number;
  };
  effective: {
    /** Free-ligand removal after interventions (k·inhibitor + k_ab), 1/s. */
    kFree: number;
    /** Removal rate that shapes the steady state, 1/s. */
    kSteady: number;
    /** D/(1+R), µm²/s. */
    Deff: number;
    /** kSteady/(1+R), 1/s. */
    keff: number;
    /** 1/keff, s. */
    timeScale: number | null;
  };
  /** λ = √(D/kSteady), µm. */
  decayLength: number | null;
  /** 3-D: distance from the cell surface over which C falls by a factor e (shorter than λ because of the 1/r factor). */
  apparentDecayLength: number | null;
  /** Free ligand at the source surface at steady state, nM. */
  sourceConcentration: number | null;
  steadyState: (ProfileTable & { method: string }) | null;
  /** The discrete steady state of the numerical solver on the same grid, and its largest relative deviation from the exact one. */
  numericalSteadyState: (ProfileTable & { maxRelativeDeviation: number | null }) | null;
  timeCourse: {
    times: number[];
    distance: number[];
    /** concentration[i][j]: free ligand at times[i], distance[j], nM (numerical solver). */
    concentration: number[][];
    occupancy: number[][];
    /** Exact values (1-D, equilibrium matrix only), else null. */
    exact: number[][] | null;
  } | null;
  timeToFraction: {
    fraction: number;
    distance: number[];
    /** Best available value (exact in 1-D with equilibrium binding, else numerical), s; null if not reached. */
    time: Array<number | null>;
    method: "exact-1d" | "numerical";
    numerical: Array<number | null> | null;
    exact: Array<number | null> | null;
    /**
     * Mean local accumulation time τ(x) = ∫₀^∞ (1 − C/C_ss) dt, s: (1 + x/λ)/(2k_eff) in 1-D,
     * closed forms for the 3-D cell and for kinetic binding (see accumulationTime).
     */
    accumulationTime: Array<number | null> | null;
  } | null;
  /** Free-ligand profiles at the requested snapshot times (numerical, and exact where it exists). */
  snapshots: Array<{
    time: number;
    distance: number[];
    concentration: number[];
    occupancy: number[];
    /** Exact values (1-D, equilibrium matrix only), else null. */
    exact: number[] | null;
  }> | null;
  signallingRange: {
    threshold: number;
    /** C* = Kd·(θt/(1−θt))^(1/n) for the threshold θt, nM. */
    thresholdConcentration: number | null;
    /** Distance from the source surface at which occupancy falls below θ*, µm. */
    range: number | null;
    method: "closed-form-1d" | "exact-profile-root-3d";
  } | null;
  pulses: {
    distance: number[];
    peakConcentration: number[];
    peakTime: number[];
    peakOccupancy: number[];
  } | null;
  numerics: {
    solver: string;
    cells: number;
    domainLength: number;
    minSpacing: number;
    outerBoundary: "no-flux" | "absorbing";
    dtMin: number;
    dtMax: number;
    steps: number;
    /** Steps planned before the run (the budget check), cell-steps done, and the budget. */
    plannedSteps: number;
    work: number;
    workBudget: number;
    stepsCrankNicolson: number;
    stepsBackwardEuler: number;
    endTime: number;
  } | null;
  warnings: string[];
}

export const RESULT_UNITS = {
  distance: UNITS.distance,
  time: UNITS.time,
  concentration: UNITS.concentration,
  D: UNITS.diffusion,
  k: UNITS.rate,
  Kd: UNITS.concentration,
  secretion: UNITS.secretionFlux,
  sourceRate: UNITS.secretionRate3D,
  sourceRateMolecules: "molecules/s",
  occupancy: UNITS.occupancy,
  decayLength: UNITS.distance,
  kon: UNITS.kon,
  bmax: UNITS.concentration,
} as const;

const fin = (v: number): number | null => (Number.isFinite(v) ? v : null);

const YEAR = 365.25 * 24 * 3600;
const CROSSING_DISTANCE = 10; // µm, about one cell diameter
/** Smallest D accepted: crossing 10 µm takes one year. */
export const MIN_D = (CROSSING_DISTANCE * CROSSING_DISTANCE) / (2 * YEAR);

/** Two significant figures, exponent form for very large or small values: 1600, 5e+7, 1.6e-6. */
function sig2(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1).replace(/\.0(?=e)/, "");
  return Number(v.toPrecision(2)).toString();
}

function round3(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const p = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
  return Math.round(v * p) / p;
}

export function simulateGradient(input: GradientInput, options: SimulateOptions = {}): GradientResult {
  const warnings: string[] = [];
  const geometry = input.geometry ?? "1d";
  if (geometry !== "1d" && geometry !== "3d") throw new SimInputError(`geometry must be "1d" or "3d"`);
  const D = requireNumber("D", input.D, { positive: true });
  // Below this, diffusion across a cell takes more than a year: numerically it only produces
  // sub-nanometre decay lengths and step sizes that underflow, so say what it means instead.
  const crossTime = (CROSSING_DISTANCE * CROSSING_DISTANCE) / (2 * D);
  if (crossTime > YEAR) {
    throw new SimInputError(
      `D = ${D} µm²/s: the signal would take ~${sig2(crossTime / YEAR)} years to cross ${CROSSING_DISTANCE} µm (x²/2D); diffusion this slow is outside what the model describes (use D ≥ ${sig2(MIN_D)} µm²/s)`,
      "unphysical",
    );
  }
  const k = requireNumber("k", input.k, { min: 0 });
  const Kd = requireNumber("Kd", input.Kd ?? 1, { positive: true });
  const hill = requireNumber("Hill coefficient", input.hill ?? 1, { positive: true });
  const threshold = requireNumber("threshold", input.threshold ?? 0.5, { min: 0, max: 1 });
  if (threshold === 0 || threshold === 1) throw new SimInputError("threshold must lie strictly between 0 and 1");
  const fraction = requireNumber("fraction", input.fraction ?? 0.9, { min: 0, max: 1 });
  if (fraction === 0 || fraction === 1) throw new SimInputError("fraction must lie strictly between 0 and 1");
  const schedule = validateSchedule(input.schedule ?? CONSTANT_SECRETION);
  const radius = geometry === "3d" ? requireNumber("radius", input.radius ?? 5, { positive: true }) : null;
  let secretion = requireNumber("secretion", input.secretion ?? 1, { min: 0 });
  let sourceRate: number | null = null;
  if (geometry === "3d" && radius !== null) {
    if (input.sourceRate !== undefined) {
      sourceRate = requireNumber("source rate", input.sourceRate, { min: 0 });
      secretion = sourceRate / (4 * Math.PI * radius * radius);
    } else {
      sourceRate = 4 * Math.PI * radius * radius * secretion;
    }
  } else if (input.sourceRate !== undefined) {
    throw new SimInputError("sourceRate applies to the 3-D geometry only; use secretion (nM·µm/s) in 1-D");
  }
  const interventions = input.interventions ?? {};
  const transport = resolveTransport(D, k, input.matrix ?? null, interventions);
  const eff = effectiveCoefficients(transport);
  const lambda = eff.lambda;
  const constant = schedule.kind === "constant";

  const distances = (input.distances ?? (Number.isFinite(lambda) ? [0, 0.5, 1, 2, 4].map((m) => round3(m * lambda)) : [0])).map((x, i) =>
    requireNumber(`distance #${i + 1}`, x, { min: 0 }),
  );
  const xMaxWanted = distances.length ? Math.max(...distances) : 0;

  // ---- exact steady state ----------------------------------------------
  const Cstar = thresholdConcentration(threshold, Kd, hill);
  const hasSteady = eff.kSteady > 0;
  let C0 = NaN;
  let profileFn: ((x: number) => number) | null = null;
  if (hasSteady) {
    if (geometry === "1d") {
      C0 = secretion / Math.sqrt(D * eff.kSteady);
      profileFn = (x) => C0 * Math.exp(-x / lambda);
    } else {
      const a = radius as number;
      const p = { D, k: eff.kSteady, Q: sourceRate as number, a };
      C0 = sphereSteady(a, p);
      profileFn = (x) => sphereSteady(a + x, p);
    }
  } else {
    warnings.push("no steady state: the ligand is never removed (k = 0 after interventions)");
  }
  const xMaxProfile = input.profile?.xMax ?? (Number.isFinite(lambda) ? Math.max(5 * lambda, 1.2 * xMaxWanted) : Math.max(1.2 * xMaxWanted, 1));
  requireNumber("profile xMax", xMaxProfile, { positive: true });
  const points = requireNumber("profile points", input.profile?.points ?? 101, { min: 2, max: 100000, integer: true });
  const gridX = Array.from({ length: points }, (_, i) => (xMaxProfile * i) / (points - 1));
  const boundOf = (c: number) => eff.boundRatio * c;
  const table = (xs: number[], f: (x: number) => number): ProfileTable => {
    const conc = xs.map(f);
    return { distance: xs, concentration: conc, bound: conc.map(boundOf), occupancy: conc.map((c) => occupancy(c, Kd, hill)) };
  };
  const steadyState = profileFn ? { ...table(gridX, profileFn), method: geometry === "1d" ? "exact: C0·exp(−x/λ)" : "exact: Q/(4πDr)·exp(−(r−a)/λ)/(1+a/λ)" } : null;

  let apparentDecayLength: number | null = null;
  if (geometry === "3d" && profileFn && hasSteady) {
    const target = C0 / Math.E;
    let lo = 0;
    let hi = Math.min(lambda, radius as number);
    while (profileFn(hi) > target) hi *= 2;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (profileFn(mid) > target) lo = mid;
      else hi = mid;
    }
    apparentDecayLength = 0.5 * (lo + hi);
  }

  let signallingRange: GradientResult["signallingRange"] = null;
  if (hasSteady) {
    const range =
      geometry === "1d"
        ? signallingRange1D(C0, lambda, Cstar)
        : signallingRangeSphere({ D, k: eff.kSteady, Q: sourceRate as number, a: radius as number }, Cstar);
    signallingRange = {
      threshold,
      thresholdConcentration: fin(Cstar),
      range: fin(range),
      method: geometry === "1d" ? "closed-form-1d" : "exact-profile-root-3d",
    };
  }

  // ---- exact time to fraction (1-D, equilibrium binding) ----------------
  const kinetic = transport.binding.model === "kinetic";
  const exact1D = geometry === "1d" && !kinetic;
  const fp = freeLigandProblem(transport, secretion);
  const exactTf = exact1D && hasSteady && constant ? distances.map((x) => fin(timeToFraction1D(x, fraction, fp))) : null;
  const accumulation =
    hasSteady && constant ? distances.map((x) => fin(accumulationTime(x, transport, geometry === "1d" ? "planar" : "spherical", radius ?? 0))) : null;

  // ---- time stepping -----------------------------------------------------
  const runSolver = input.numerics?.timeCourse ?? true;
  let timeCourse: GradientResult["timeCourse"] = null;
  let numericalSteadyState: GradientResult["numericalSteadyState"] = null;
  let numerics: GradientResult["numerics"] = null;
  let numericTf: Array<number | null> | null = null;
  let pulses: GradientResult["pulses"] = null;

  // End time of the time course.
  const estimateTf = (x: number): number => {
    if (!hasSteady) return NaN;
    const t1 = timeToFraction1D(Math.min(x, 40 * lambda), Math.max(fraction, 0.99), { D: eff.Deff, k: eff.keff, s: 1 });
    return t1;
  };
  const userEnd = input.tEnd !== undefined;
  let tEnd = input.tEnd;
  if (tEnd !== undefined) requireNumber("tEnd", tEnd, { positive: true });
  const snapshotTimes = (input.snapshotTimes ?? []).map((t, i) => requireNumber(`snapshot time #${i + 1}`, t, { min: 0 }));
  if (tEnd === undefined) {
    const tss = estimateTf(xMaxWanted);
    if (constant) {
      if (!Number.isFinite(tss)) throw new SimInputError("tEnd is required when the ligand is never removed (k = 0)");
      tEnd = 1.5 * tss;
    } else {
      const periodicForever = schedule.kind === "periodic" && schedule.count === undefined;
      const xFar = Number.isFinite(lambda) ? Math.min(xMaxWanted, 40 * lambda) : xMaxWanted;
      const tDiff = (xFar * xFar) / (2 * eff.Deff);
      const response = eff.keff > 0 ? Math.min(tDiff, accumulationTime(xFar, transport, geometry === "1d" ? "planar" : "spherical", radius ?? 0)) : tDiff;
      // Repeated pulses without a count: long enough for the periodic regime to settle at the
      // farthest distance (5 response times), at least 3 and at most 10 periods.
      const periods = schedule.kind === "periodic" ? Math.min(10, Math.max(3, Math.ceil((5 * response) / schedule.period))) : 0;
      const horizon = periodicForever ? (schedule.start ?? 0) + periods * schedule.period : Infinity;
      const intervals = onIntervals(schedule, horizon);
      const lastOff = intervals.length ? intervals[intervals.length - 1][1] : 0;
      const longest = intervals.reduce((m, [on, off]) => Math.max(m, off - on), 0);
      // After the last pulse the signal at x peaks within the response time: the diffusion time
      // x²/2D_eff without removal, earlier with it (τ(x) bounds the time scale of the response).
      const relax = Math.max(5 * response, 10 * longest);
      tEnd = periodicForever ? horizon : lastOff + relax;
    }
    if (snapshotTimes.length) tEnd = Math.max(tEnd, ...snapshotTimes);
  }
  const times = (input.times ?? Array.from({ length: 101 }, (_, i) => ((tEnd as number) * i) / 100)).map((t, i) =>
    requireNumber(`time #${i + 1}`, t, { min: 0 }),
  );
  for (let i = 1; i < times.length; i++) if (!(times[i] > times[i - 1])) throw new SimInputError("times must be strictly increasing");

  let snapshots: GradientResult["snapshots"] = null;
  if (runSolver) {
    const cellsPerLambda = requireNumber("cells per decay length", input.numerics?.cellsPerLambda ?? 40, { min: 4, max: 10000 });
    const outer = input.numerics?.outer ?? "no-flux";
    const budget = requireNumber("work budget", input.numerics?.workBudget ?? DEFAULT_WORK_BUDGET, { positive: true });
    // Every time the solver must land on: the samples and the snapshots, in order.
    const targets = Array.from(new Set([...times, ...snapshotTimes])).sort((x, y) => x - y);
    const tLast = Math.max(targets.length ? targets[targets.length - 1] : 0, tEnd as number);
    let length: number;
    let hFine: number;
    if (Number.isFinite(lambda)) {
      length = Math.min(Math.max(12 * lambda, 1.25 * Math.max(xMaxWanted, xMaxProfile)), 40 * lambda);
      hFine = lambda / cellsPerLambda;
    } else {
      length = Math.max(1.25 * Math.max(xMaxWanted, xMaxProfile), 10 * Math.sqrt(eff.Deff * tLast));
      hFine = length / 1000;
    }
    hFine = Math.max(hFine, length / 20000);
    const a = radius ?? 0;
    let hStart = geometry === "3d" ? Math.min(a / 20, hFine) : hFine;
    // A short pulse spreads only √(D_eff·duration) before it stops: cells start that fine next to
    // the source and grow by 4 % per cell, so a point at x is resolved by ~x/25 cells whatever λ is.
    const phase = schedule.kind === "pulse" ? schedule.duration : schedule.kind === "periodic" ? Math.min(schedule.duration, schedule.period - schedule.duration || schedule.duration) : Infinity;
    if (Number.isFinite(phase)) hStart = Math.min(hStart, Math.sqrt(eff.Deff * phase) / 20);
    const faces = buildGrid({ r0: a, hFine, fineLength: length, totalLength: length, hStart, growth: 1.04 });
    const solver = new Solver1D({
      geometry: geometry === "1d" ? "planar" : "spherical",
      faces,
      transport,
      sourceFlux: secretion,
      schedule,
      outer,
      scheme: input.numerics?.scheme ?? "auto",
      workBudget: budget,
    });
    const beyond = distances.filter((x) => x > length);
    if (beyond.length) {
      warnings.push(
        `distances beyond ${round3(length)} µm (40 decay lengths) are outside the numerical domain; their numerical values are reported as 0 (the concentration there is below e^-40 of the source value)`,
      );
    }
    const valueAt = (x: number, field?: ArrayLike<number>, flux?: number) => (x > length ? 0 : solver.valueAt(x, field, flux));

    // Discrete steady state.
    const ssField = hasSteady ? solver.steadyState() : null;
    if (ssField) {
      const ss = ssField;
      const t = table(gridX, (x) => valueAt(x, ss, secretion));
      let maxDev = 0;
      if (profileFn) {
        const floor = 1e-6 * C0;
        for (let i = 0; i < gridX.length; i++) {
          const ex = profileFn(gridX[i]);
          if (ex > floor && gridX[i] <= length) maxDev = Math.max(maxDev, Math.abs(t.concentration[i] / ex - 1));
        }
      }
      numericalSteadyState = { ...t, maxRelativeDeviation: fin(maxDev) };
    }
    const ssAtDistances = ssField ? distances.map((x) => valueAt(x, ssField, secretion)) : null;

    const outputDistance = Math.min(length, Math.max(xMaxWanted, snapshotTimes.length ? xMaxProfile : 0));
    const base = solver.defaultPolicy(tLast, outputDistance);
    const override = input.numerics?.policy ?? {};
    const policy: StepPolicy = { ...base, ...override };
    requireNumber("dtMin", policy.dtMin, { positive: true });
    if (!(policy.dtMax > 0)) throw new SimInputError(`dtMax must be > 0 (got ${policy.dtMax})`);
    if (override.dtMax !== undefined && override.dtRelax === undefined) delete policy.dtRelax; // the caller's cap rules
    if (Number.isFinite(eff.tau) && override.dtMax !== undefined && policy.dtMax > eff.tau / 20) {
      warnings.push(`maximum time step ${round3(policy.dtMax)} s exceeds τ/20 = ${round3(eff.tau / 20)} s: the time course and t_f are inaccurate`);
    }

    // Refuse before the work when the planned steps already exceed the budget.
    const plannedSteps = solver.planSteps(targets, policy);
    const plannedWork = plannedSteps * solver.n;
    if (!(plannedWork <= budget)) {
      const needs = Number.isFinite(plannedSteps) ? `~${sig2(plannedSteps)} time steps` : "more than 5 million time steps";
      throw new SimBudgetError(
        `this run needs ${needs} on ${solver.n} grid cells, more than the budget of ${sig2(budget)} cell-steps (${sig2(budget / solver.n)} steps); shorten t-end (now ${sig2(tLast)} s)${
          kinetic ? ", use the fast-equilibrium matrix model (its exact limit when exchange is fast)" : ""
        } or raise the work budget`,
        Number.isFinite(plannedWork) ? plannedWork : null,
        budget,
      );
    }

    // Crossing / peak trackers.
    const nd = distances.length;
    const prevVal = new Float64Array(nd);
    let prevT = 0;
    const crossing: Array<number | null> = new Array(nd).fill(null);
    const peakC = new Float64Array(nd);
    const peakT = new Float64Array(nd);
    const track = constant && ssAtDistances !== null;
    const onProgress = options.onProgress;
    const progressStep = Math.max(plannedWork, solver.n) / 50;
    let nextProgress = progressStep;
    const onStep = (s: Solver1D) => {
      for (let j = 0; j < nd; j++) {
        const v = valueAt(distances[j]);
        if (track && crossing[j] === null && ssAtDistances && ssAtDistances[j] > 0) {
          const target = fraction * ssAtDistances[j];
          if (v >= target) {
            const w = v > prevVal[j] ? (target - prevVal[j]) / (v - prevVal[j]) : 1;
            crossing[j] = prevT + Math.min(1, Math.max(0, w)) * (s.t - prevT);
          }
        }
        if (v > peakC[j]) {
          peakC[j] = v;
          peakT[j] = s.t;
        }
        prevVal[j] = v;
      }
      prevT = s.t;
      if (onProgress && s.work >= nextProgress) {
        nextProgress = s.work + progressStep;
        onProgress(Math.min(0.99, s.work / Math.max(plannedWork, 1)));
      }
    };

    const sampleSet = new Set(times);
    const snapshotSet = new Set(snapshotTimes);
    const conc: number[][] = [];
    const snaps = new Map<number, number[]>();
    for (const t of targets) {
      if (t > solver.t) solver.advance(t, policy, onStep);
      if (sampleSet.has(t)) conc.push(distances.map((x) => valueAt(x)));
      if (snapshotSet.has(t)) snaps.set(t, gridX.map((x) => valueAt(x)));
    }
    // Keep going (without sampling) until every distance has reached the fraction, unless the
    // caller fixed the end time.
    if (track && ssAtDistances && !userEnd) {
      const reachable = distances.map((x, j) => x <= length && ssAtDistances[j] > 0);
      const est = Math.max(...distances.map((x) => estimateTf(x)).filter(Number.isFinite), tEnd as number);
      const limit = Math.max(solver.t, 0) + 50 * est;
      try {
        while (crossing.some((c, j) => c === null && reachable[j]) && solver.t < limit) {
          solver.advance(Math.min(limit, solver.t + Math.max(est, solver.t)), policy, onStep);
        }
      } catch (e) {
        // The sampled run is complete; only the search for late crossings ran out of budget.
        if (!(e instanceof SimBudgetError)) throw e;
      }
    }
    if (track && ssAtDistances) {
      if (crossing.some((c, j) => c === null && distances[j] <= length && ssAtDistances[j] > 0)) {
        warnings.push("the fraction of steady state was not reached at some distances within the simulated time");
      }
      numericTf = crossing;
    }
    const exactCourse = exact1D
      ? times.map((t) => distances.map((x) => flux1DSchedule(x, t, fp, schedule)))
      : null;
    timeCourse = {
      times,
      distance: distances,
      concentration: conc,
      occupancy: conc.map((row) => row.map((c) => occupancy(c, Kd, hill))),
      exact: exactCourse,
    };
    if (snapshotTimes.length) {
      const hMin = solver.minSpacing();
      snapshots = snapshotTimes.map((t) => {
        const c = snaps.get(t) ?? gridX.map(() => 0);
        if (t > 0 && Math.sqrt(2 * eff.Deff * t) < 2 * hMin) {
          warnings.push(
            `the profile at t = ${sig2(t)} s is not resolved: the diffusion length √(2D_eff·t) = ${sig2(Math.sqrt(2 * eff.Deff * t))} µm is shorter than two grid cells (${sig2(2 * hMin)} µm)`,
          );
        }
        return {
          time: t,
          distance: gridX,
          concentration: c,
          occupancy: c.map((v) => occupancy(v, Kd, hill)),
          exact: exact1D ? gridX.map((x) => flux1DSchedule(x, t, fp, schedule)) : null,
        };
      });
      if (gridX.some((x) => x > length)) {
        warnings.push(`profile points beyond ${round3(length)} µm are outside the numerical domain and reported as 0`);
      }
    }
    if (!constant) {
      pulses = {
        distance: distances,
        peakConcentration: Array.from(peakC),
        peakTime: Array.from(peakT),
        peakOccupancy: Array.from(peakC, (c) => occupancy(c, Kd, hill)),
      };
    }
    numerics = {
      solver: `finite-volume ${geometry === "1d" ? "planar" : "spherical"} grid; Crank–Nicolson when monotone, else backward Euler${kinetic ? "; Strang splitting with exact 2×2 exchange for matrix binding" : ""}`,
      cells: solver.n,
      domainLength: length,
      minSpacing: solver.minSpacing(),
      outerBoundary: outer,
      dtMin: policy.dtMin,
      dtMax: Math.min(policy.dtMax, policy.dtRelax ?? Infinity),
      steps: solver.steps,
      plannedSteps,
      work: solver.work,
      workBudget: budget,
      stepsCrankNicolson: solver.schemeCounts["crank-nicolson"],
      stepsBackwardEuler: solver.schemeCounts["backward-euler"],
      endTime: solver.t,
    };
    if (solver.minValue() < 0) warnings.push("the numerical solution went negative (should not happen; please report)");
    onProgress?.(1);
  }

  // The matrix model is linear: it holds while free ligand stays well below the matrix Kd.
  const m = input.matrix;
  if (m && m.model === "kinetic" && m.kon > 0) {
    const KdMatrix = m.koff / m.kon;
    const peaks = pulses ? pulses.peakConcentration : [];
    const cMax = Math.max(constant && hasSteady ? C0 : 0, ...peaks);
    if (cMax > 0.1 * KdMatrix) {
      warnings.push(
        `free ligand reaches ${sig2(cMax)} nM, above 10 % of the matrix Kd = koff/kon = ${sig2(KdMatrix)} nM: the linear matrix model assumes unsaturated sites, so it overstates binding here`,
      );
    }
  }

  let timeToFraction: GradientResult["timeToFraction"] = null;
  if (constant && hasSteady) {
    const useExact = exactTf !== null;
    const best = useExact ? exactTf : numericTf;
    // τ(x) is exact even when t_f is not computed (no time stepping in 3-D or kinetic).
    if (best || accumulation) {
      timeToFraction = {
        fraction,
        distance: distances,
        time: best ?? distances.map(() => null),
        method: useExact ? "exact-1d" : "numerical",
        numerical: numericTf,
        exact: exactTf,
        accumulationTime: accumulation,
      };
    }
  }

  const matrixModel = transport.binding.model === "none" ? "none" : transport.binding.model === "fast" ? "fast-equilibrium" : "kinetic";
  return {
    units: RESULT_UNITS,
    geometry,
    parameters: {
      D,
      k,
      Kd,
      hill,
      secretion,
      sourceRate,
      sourceRateMolecules: sourceRate === null ? null : nmUm3ToMolecules(sourceRate),
      radius,
      threshold,
      fraction,
      matrix: input.matrix ?? null,
      interventions,
      schedule,
    },
    matrix: { model: matrixModel, mode: transport.mode, boundFreeRatio: eff.boundRatio },
    effective: { kFree: transport.kFree, kSteady: eff.kSteady, Deff: eff.Deff, keff: eff.keff, timeScale: fin(eff.tau) },
    decayLength: fin(lambda),
    apparentDecayLength,
    sourceConcentration: fin(C0),
    steadyState,
    numericalSteadyState,
    timeCourse,
    timeToFraction,
    signallingRange,
    pulses,
    snapshots,
    numerics,
    warnings,
  };
}

/** Convenience: the Transport a GradientInput resolves to. */
export function transportOf(input: Pick<GradientInput, "D" | "k" | "matrix" | "interventions">): Transport {
  return resolveTransport(input.D, input.k, input.matrix ?? null, input.interventions ?? {});
}
