import { SimBudgetError, SimInputError, requireNumber } from "./errors";
import { effectiveCoefficients, type Transport } from "./params";
import { exchangePropagator } from "./reaction";
import {
  CONSTANT_SECRETION,
  nextSwitch,
  scheduleAverage,
  scheduleFactor,
  scheduleIntegral,
  validateSchedule,
  type SecretionSchedule,
} from "./schedule";
import { factorTridiag, solveFactored } from "./tridiag";

/**
 * Finite-volume solver for the planar (1-D) and the spherically symmetric
 * (3-D source cell) problems.
 *
 *   cap·∂C/∂t = (1/A) ∂/∂r (A D ∂C/∂r) − k_diff·C      A = 1 (planar) or r² (sphere)
 *   −D ∂C/∂r = s·g(t)  at r = r0 (source),   zero flux (or C = 0) at the outer face.
 *
 * cap = 1 + R and k_diff = kFree + R·kBound in the fast-equilibrium matrix
 * limit; with kinetic binding cap = 1, k_diff = kFree and the bound field B is
 * advanced by Strang splitting: exact 2×2 exchange for dt/2, implicit
 * diffusion for dt, exact exchange for dt/2.
 *
 * Time stepping: Crank–Nicolson when dt ≤ dt_mono (the largest step for which
 * CN is positivity-preserving and free of oscillations), otherwise backward
 * Euler (L-stable, unconditionally positivity-preserving). Both are
 * unconditionally stable; the automatic step policy keeps dt small relative
 * to the elapsed time since the last source switch and to the relaxation time.
 *
 * Conservation: the discrete operator is conservative, so with k = 0 and
 * zero-flux boundaries the total amount changes exactly by the secreted amount.
 *
 * Units: r µm, t s, C nM, s nM·µm/s. Amounts: planar nM·µm (per µm² of source
 * plane), spherical nM·µm³ (the factor 4π included).
 */
export type Geometry1D = "planar" | "spherical";
export type Scheme1D = "auto" | "crank-nicolson" | "backward-euler";

export interface Solver1DConfig {
  geometry: Geometry1D;
  /** Face positions (µm), increasing; faces[0] is the source boundary (0 or the cell radius). */
  faces: ArrayLike<number>;
  transport: Transport;
  /** Secretion flux density through the source boundary while on, nM·µm/s. */
  sourceFlux: number;
  schedule?: SecretionSchedule;
  outer?: "no-flux" | "absorbing";
  scheme?: Scheme1D;
  /** Initial free concentration per cell (nM); default 0. */
  initialFree?: ArrayLike<number>;
  /** Initial bound concentration per cell (nM, kinetic model only); default 0 (fast: R·C). */
  initialBound?: ArrayLike<number>;
  /** Total work allowed over the solver's life, in cell-steps (time steps × cells); default DEFAULT_WORK_BUDGET. */
  workBudget?: number;
}

/**
 * Adaptive step policy: dt = clamp(growth·(t − t_last switch), dtMin, cap), landing on events.
 * The cap is the smallest of
 *  - dtMax, always (sampling resolution, kinetic splitting accuracy);
 *  - dtMaxNearSwitch within `switchWindow` seconds after a source switch (resolves a pulse
 *    without holding the step at pulse/20 for the rest of the run);
 *  - dtRelax (τ/400, resolves relaxation at rate 1/τ) until `relaxAfter` seconds after the
 *    switch, then dtRelax·e^{(since − relaxAfter)/(2τ)}: the transient left decays like e^{−t/τ},
 *    so the step may grow as fast as the error it could make shrinks (BE and CN keep the discrete
 *    steady state exactly, so large steps at steady state cost no accuracy).
 */
export interface StepPolicy {
  dtMin: number;
  dtMax: number;
  growth: number;
  dtMaxNearSwitch?: number;
  switchWindow?: number;
  dtRelax?: number;
  relaxTime?: number;
  relaxAfter?: number;
}

/**
 * Default work budget of one run, in cell-steps (time steps × grid cells). One cell-step costs
 * ~25 ns in Node on the reference machine (docs/simulator.md §5.6), so the budget is ~1–2 s of work.
 * Counting work, not time, makes refusals reproducible on any machine.
 */
export const DEFAULT_WORK_BUDGET = 5e7;

/** The cap at `since` seconds after the last switch, and the last `since` up to which it stays the same. */
function stepCap(policy: StepPolicy, since: number): { cap: number; constantUntil: number } {
  let cap = policy.dtMax;
  let until = Infinity;
  if (policy.dtMaxNearSwitch !== undefined) {
    const w = policy.switchWindow ?? Infinity;
    if (since < w) {
      cap = Math.min(cap, policy.dtMaxNearSwitch);
      until = w;
    }
  }
  if (policy.dtRelax !== undefined) {
    const after = policy.relaxAfter ?? Infinity;
    if (since < after) {
      cap = Math.min(cap, policy.dtRelax);
      until = Math.min(until, after);
    } else {
      const tau = policy.relaxTime ?? Infinity;
      const grown = policy.dtRelax * Math.exp(Math.min(700, (since - after) / (2 * tau)));
      if (grown < cap) {
        cap = grown;
        until = since; // growing: not constant
      }
    }
  }
  return { cap, constantUntil: until };
}

/** The step the policy takes at time t towards the next event, and whether it lands on the event. */
export function policyStep(policy: StepPolicy, t: number, lastSwitch: number, event: number): { dt: number; landed: boolean } {
  const dt = Math.min(stepCap(policy, t - lastSwitch).cap, Math.max(policy.dtMin, policy.growth * (t - lastSwitch)));
  const remaining = event - t;
  if (remaining <= dt * 1.000001) return { dt: remaining, landed: true };
  if (remaining < 2 * dt) return { dt: 0.5 * remaining, landed: false }; // avoid a sliver step before the event
  return { dt, landed: false };
}

/**
 * Number of steps `Solver1D.advance` takes to visit every target time in turn (from t0, last source
 * switch at lastSwitch), without solving anything. Stretches at the constant cap are counted in one
 * division, so the cost is logarithmic in the number of steps (a run of 10²¹ steps is counted in
 * microseconds). Agrees with the real count to a few steps per event (floating-point landing).
 */
export function planSteps(schedule: SecretionSchedule, policy: StepPolicy, targets: ArrayLike<number>, t0 = 0, lastSwitch0 = 0): number {
  let t = t0;
  let ls = lastSwitch0;
  let count = 0;
  let iterations = 0;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    while (t < target) {
      if (++iterations > 5e6) return Infinity;
      const sw = nextSwitch(schedule, t);
      const event = Math.min(target, sw);
      const { dt, landed } = policyStep(policy, t, ls, event);
      if (!(dt > 0)) break;
      const { cap, constantUntil } = stepCap(policy, t - ls);
      if (!landed && dt === cap && constantUntil > t - ls) {
        // At a constant cap the step stays the same until the event or until the cap changes.
        const m = Math.floor((Math.min(event, ls + constantUntil) - t) / dt) - 2;
        if (m > 0) {
          t += m * dt;
          count += m;
          continue;
        }
      }
      t += dt;
      count++;
      if (landed) {
        t = event;
        if (event === sw) ls = event;
      }
    }
  }
  return count;
}

export class Solver1D {
  readonly geometry: Geometry1D;
  readonly n: number;
  readonly faces: Float64Array;
  readonly centers: Float64Array;
  readonly volumes: Float64Array;
  readonly outer: "no-flux" | "absorbing";
  readonly scheme: Scheme1D;
  /** Free ligand concentration per cell, nM. */
  readonly free: Float64Array;
  /** Bound ligand per cell, nM (kinetic model; null otherwise — use boundAt/R·C). */
  readonly bound: Float64Array | null;
  /** Current time, s. */
  t = 0;
  /** Steps taken so far. */
  steps = 0;
  /** Work done so far, cell-steps (steps × cells), over the solver's whole life. */
  work = 0;
  /** Work allowed over the solver's whole life, cell-steps. */
  readonly workBudget: number;
  /** Number of steps taken with each scheme (diagnostics). */
  readonly schemeCounts = { "crank-nicolson": 0, "backward-euler": 0 };

  private transport!: Transport;
  private sourceFlux: number;
  private schedule: SecretionSchedule;
  private cap = 1;
  private kDiff = 0;
  private readonly sourceArea: number;
  private readonly amountFactor: number;
  private readonly trans: Float64Array; // interface transmissibilities (n−1)
  private transOut = 0;
  private readonly lo: Float64Array;
  private readonly di: Float64Array;
  private readonly up: Float64Array;
  private readonly cp: Float64Array;
  private readonly inv: Float64Array;
  private readonly rhs: Float64Array;
  private cachedDt = NaN;
  private cachedTheta = NaN;
  private readonly prop = new Float64Array(4);
  private propDt = NaN;
  private lastSwitch = 0;
  private lastG = 0; // schedule average of the last step (sets the boundary slope used by valueAt)
  private secretedBefore = 0; // amount secreted under earlier source settings (nM·µm or nM·µm³)
  private secretedSince = 0; // time origin of the current source setting

  constructor(cfg: Solver1DConfig) {
    if (cfg.geometry !== "planar" && cfg.geometry !== "spherical") {
      throw new SimInputError(`geometry must be "planar" or "spherical"`);
    }
    this.geometry = cfg.geometry;
    this.faces = Float64Array.from(cfg.faces);
    const n = this.faces.length - 1;
    if (n < 2) throw new SimInputError("grid needs at least 2 cells");
    for (let i = 0; i < n; i++) {
      if (!(this.faces[i + 1] > this.faces[i])) throw new SimInputError("grid faces must be strictly increasing");
    }
    if (this.geometry === "spherical" && !(this.faces[0] > 0)) throw new SimInputError("spherical grid must start at r = a > 0");
    this.n = n;
    this.outer = cfg.outer ?? "no-flux";
    this.scheme = cfg.scheme ?? "auto";
    this.workBudget = requireNumber("work budget", cfg.workBudget ?? DEFAULT_WORK_BUDGET, { positive: true });
    this.schedule = validateSchedule(cfg.schedule ?? CONSTANT_SECRETION);
    this.sourceFlux = requireNumber("secretion", cfg.sourceFlux, { min: 0 });
    this.centers = new Float64Array(n);
    this.volumes = new Float64Array(n);
    const sph = this.geometry === "spherical";
    for (let i = 0; i < n; i++) {
      const a = this.faces[i];
      const b = this.faces[i + 1];
      this.centers[i] = 0.5 * (a + b);
      this.volumes[i] = sph ? (b * b * b - a * a * a) / 3 : b - a;
    }
    this.sourceArea = this.area(this.faces[0]);
    this.amountFactor = sph ? 4 * Math.PI : 1;
    this.trans = new Float64Array(Math.max(n - 1, 1));
    this.lo = new Float64Array(n);
    this.di = new Float64Array(n);
    this.up = new Float64Array(n);
    this.cp = new Float64Array(n);
    this.inv = new Float64Array(n);
    this.rhs = new Float64Array(n);
    this.free = new Float64Array(n);
    this.bound = cfg.transport.binding.model === "kinetic" ? new Float64Array(n) : null;
    this.setTransport(cfg.transport, false);
    if (cfg.initialFree) {
      if (cfg.initialFree.length !== n) throw new SimInputError("initialFree has the wrong length");
      for (let i = 0; i < n; i++) this.free[i] = cfg.initialFree[i];
    }
    if (cfg.initialBound && this.bound) {
      if (cfg.initialBound.length !== n) throw new SimInputError("initialBound has the wrong length");
      for (let i = 0; i < n; i++) this.bound[i] = cfg.initialBound[i];
    }
  }

  private area(r: number): number {
    return this.geometry === "spherical" ? r * r : 1;
  }

  /** Current solver coefficients. */
  getTransport(): Transport {
    return this.transport;
  }

  /**
   * Changes D, removal or matrix parameters mid-run (an intervention).
   * In the fast-equilibrium model the total ligand per cell is conserved and
   * re-partitioned with the new R. The binding model (none/fast/kinetic) must not change.
   */
  setTransport(t: Transport, conserveTotal = true): void {
    requireNumber("D", t.D, { positive: true });
    requireNumber("kFree", t.kFree, { min: 0 });
    requireNumber("kBound", t.kBound, { min: 0 });
    if (this.transport) {
      const was = this.transport.binding.model === "kinetic";
      const is = t.binding.model === "kinetic";
      if (was !== is) throw new SimInputError("cannot switch between kinetic and equilibrium binding mid-run");
    }
    const oldCap = this.cap;
    this.transport = t;
    if (t.binding.model === "fast") {
      this.cap = 1 + t.binding.R;
      this.kDiff = t.kFree + t.binding.R * t.kBound;
    } else {
      this.cap = 1;
      this.kDiff = t.kFree;
    }
    if (conserveTotal && oldCap !== this.cap) {
      const f = oldCap / this.cap;
      for (let i = 0; i < this.n; i++) this.free[i] *= f;
    }
    const D = t.D;
    for (let i = 0; i < this.n - 1; i++) {
      this.trans[i] = (D * this.area(this.faces[i + 1])) / (this.centers[i + 1] - this.centers[i]);
    }
    this.transOut = this.outer === "absorbing" ? (D * this.area(this.faces[this.n])) / (this.faces[this.n] - this.centers[this.n - 1]) : 0;
    this.cachedDt = NaN;
    this.propDt = NaN;
  }

  /** Changes the secretion flux (nM·µm/s) and/or schedule from the current time on. */
  setSource(sourceFlux: number, schedule?: SecretionSchedule): void {
    requireNumber("secretion", sourceFlux, { min: 0 });
    this.secretedBefore = this.totalSecreted();
    this.secretedSince = this.t;
    this.sourceFlux = sourceFlux;
    if (schedule) this.schedule = validateSchedule(schedule);
    this.lastSwitch = this.t;
  }

  /** Largest dt for which Crank–Nicolson is monotone (positivity-preserving). */
  dtMonotone(): number {
    let best = Infinity;
    for (let i = 0; i < this.n; i++) {
      const tl = i > 0 ? this.trans[i - 1] : 0;
      const tr = i < this.n - 1 ? this.trans[i] : this.transOut;
      const den = tl + tr + this.kDiff * this.volumes[i];
      if (den > 0) best = Math.min(best, (2 * this.cap * this.volumes[i]) / den);
    }
    return best;
  }

  /** Smallest cell width, µm. */
  minSpacing(): number {
    let h = Infinity;
    for (let i = 0; i < this.n; i++) h = Math.min(h, this.faces[i + 1] - this.faces[i]);
    return h;
  }

  private thetaFor(dt: number): number {
    if (this.scheme === "crank-nicolson") return 0.5;
    if (this.scheme === "backward-euler") return 1;
    return dt <= this.dtMonotone() ? 0.5 : 1;
  }

  private assemble(dt: number, theta: number): void {
    if (dt === this.cachedDt && theta === this.cachedTheta) return;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const tl = i > 0 ? this.trans[i - 1] : 0;
      const tr = i < n - 1 ? this.trans[i] : this.transOut;
      this.lo[i] = -theta * dt * tl;
      this.up[i] = -theta * dt * tr;
      this.di[i] = this.cap * this.volumes[i] + theta * dt * (tl + tr + this.kDiff * this.volumes[i]);
    }
    this.up[n - 1] = 0;
    this.lo[0] = 0;
    factorTridiag(n, this.lo, this.di, this.up, this.cp, this.inv);
    this.cachedDt = dt;
    this.cachedTheta = theta;
  }

  private react(dt: number): void {
    const b = this.bound;
    const bind = this.transport.binding;
    if (!b || bind.model !== "kinetic") return;
    if (dt !== this.propDt) {
      exchangePropagator(bind.konB, bind.koff, bind.konB, bind.koff + this.transport.kBound, dt, this.prop);
      this.propDt = dt;
    }
    const p11 = this.prop[0];
    const p12 = this.prop[1];
    const p21 = this.prop[2];
    const p22 = this.prop[3];
    const c = this.free;
    for (let i = 0; i < this.n; i++) {
      const ci = c[i];
      const bi = b[i];
      c[i] = p11 * ci + p12 * bi;
      b[i] = p21 * ci + p22 * bi;
    }
  }

  /** Advances by one step of size dt (s). Allocation-free. */
  step(dt: number): void {
    if (!(dt > 0) || !Number.isFinite(dt)) throw new SimInputError(`time step must be positive and finite (got ${dt})`);
    if (this.work + this.n > this.workBudget) {
      throw new SimBudgetError(
        `this run needs more than the work budget of ${this.workBudget.toPrecision(2)} cell-steps (${this.steps} steps × ${this.n} cells done at t = ${this.t.toPrecision(3)} s); shorten the simulated time or use the fast-equilibrium matrix model`,
        null,
        this.workBudget,
      );
    }
    this.work += this.n;
    const theta = this.thetaFor(dt);
    const g = scheduleAverage(this.schedule, this.t, this.t + dt);
    this.lastG = g;
    const kinetic = this.bound !== null;
    if (kinetic) this.react(0.5 * dt);
    this.assemble(dt, theta);
    const n = this.n;
    const c = this.free;
    const ex = (1 - theta) * dt;
    const rhs = this.rhs;
    for (let i = 0; i < n; i++) {
      let v = this.cap * this.volumes[i] * c[i];
      if (ex > 0) {
        const tl = i > 0 ? this.trans[i - 1] : 0;
        const tr = i < n - 1 ? this.trans[i] : this.transOut;
        let flux = -(tl + tr + this.kDiff * this.volumes[i]) * c[i];
        if (i > 0) flux += tl * c[i - 1];
        if (i < n - 1) flux += tr * c[i + 1];
        v += ex * flux;
      }
      rhs[i] = v;
    }
    rhs[0] += dt * this.sourceFlux * g * this.sourceArea;
    solveFactored(n, this.lo, this.cp, this.inv, rhs);
    c.set(rhs);
    if (kinetic) this.react(0.5 * dt);
    this.t += dt;
    this.steps++;
    this.schemeCounts[theta === 0.5 ? "crank-nicolson" : "backward-euler"]++;
  }

  /**
   * Advances to tTarget with the adaptive policy, landing exactly on source
   * switch times and on tTarget. Calls onStep after every step.
   */
  advance(tTarget: number, policy: StepPolicy, onStep?: (s: Solver1D) => void): void {
    while (this.t < tTarget) {
      const sw = nextSwitch(this.schedule, this.t);
      const event = Math.min(tTarget, sw);
      const { dt, landed } = policyStep(policy, this.t, this.lastSwitch, event);
      if (!(dt > 0)) break;
      this.step(dt);
      if (landed) {
        this.t = event;
        if (event === sw) this.lastSwitch = event;
      }
      onStep?.(this);
    }
  }

  /** Steps that advance() would take to visit each of `targets` in turn from now (see planSteps). */
  planSteps(targets: ArrayLike<number>, policy: StepPolicy): number {
    return planSteps(this.schedule, policy, targets, this.t, this.lastSwitch);
  }

  /**
   * Default step policy from the physical time scales:
   * dtMax = min(kinetic limit, tEnd/50, and the diffusion time across the domain/400 when
   * k_eff = 0); dtRelax = τ/400 (τ = 1/k_eff) until the signal has arrived and relaxed at the
   * farthest output distance (2 + x/λ time scales after a switch), growing after that; for
   * pulsed secretion the step is also capped at the shortest
   * pulse phase/20, but only within 20 phases of a switch (dtMaxNearSwitch, switchWindow): after
   * that the step grows with the time since the switch, so a 1 s pulse followed by days of decay
   * takes thousands of steps, not 10⁸.
   * dtMin = 0.1·h_min²/D_eff (the first step after a switch resolves the boundary layer at the
   * source); growth 0.005 (dt ≤ 0.5 % of the time since the last switch, which keeps the
   * backward-Euler error below ~0.3 %).
   */
  defaultPolicy(tEnd?: number, outputDistance?: number): StepPolicy {
    const e = effectiveCoefficients(this.transport);
    const L = this.faces[this.n] - this.faces[0];
    const Dstep = this.transport.D / this.cap;
    const finiteEnd = tEnd !== undefined && Number.isFinite(tEnd);
    let dtMax = Infinity;
    let relax: { dtRelax: number; relaxTime: number; relaxAfter: number } | null = null;
    if (e.keff > 0) {
      // Relaxation is complete to e^{-s} at every output point s time scales after the signal
      // arrives there (front at x/(2√(Dk)) = (x/2λ)·τ); only then may the step grow past τ/400.
      const x = Math.min(outputDistance ?? L, L);
      relax = { dtRelax: e.tau / 400, relaxTime: e.tau, relaxAfter: (2 + x / e.lambda) * e.tau };
    } else {
      dtMax = (L * L) / e.Deff / 400;
    }
    if (finiteEnd) dtMax = Math.min(dtMax, (tEnd as number) / 50);
    if (this.bound) {
      // Strang splitting error ≈ μ·dt/2 also at steady state: this cap never lifts.
      const mu = this.transport.kFree + e.kSteady;
      if (mu > 0) dtMax = Math.min(dtMax, 0.005 / mu);
    }
    const s = this.schedule;
    let phase = Infinity;
    if (s.kind === "pulse") phase = s.duration;
    if (s.kind === "periodic") phase = Math.min(s.duration, s.period - s.duration || s.duration);
    const h = this.minSpacing();
    const firstCap = Math.min(dtMax, relax ? relax.dtRelax : Infinity, phase / 20);
    const dtMin = Math.min(firstCap, (0.1 * h * h) / Dstep);
    const policy: StepPolicy = { dtMin, dtMax, growth: 0.005 };
    if (relax) Object.assign(policy, relax);
    if (Number.isFinite(phase)) {
      policy.dtMaxNearSwitch = phase / 20;
      policy.switchWindow = 20 * phase;
    }
    return policy;
  }

  /**
   * Exact discrete steady state with the source on (one tridiagonal solve).
   * Kinetic binding: uses the steady-state removal kFree + konB·kBound/(koff + kBound).
   * Throws when no steady state exists (no removal and a reflecting outer boundary).
   */
  steadyState(): Float64Array {
    const n = this.n;
    const e = effectiveCoefficients(this.transport);
    const kss = e.kSteady;
    if (!(kss > 0) && this.outer !== "absorbing") {
      throw new SimInputError("no steady state: ligand is never removed (k = 0) and the domain is closed");
    }
    const lo = new Float64Array(n);
    const di = new Float64Array(n);
    const up = new Float64Array(n);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const tl = i > 0 ? this.trans[i - 1] : 0;
      const tr = i < n - 1 ? this.trans[i] : this.transOut;
      lo[i] = i > 0 ? -tl : 0;
      up[i] = i < n - 1 ? -tr : 0;
      di[i] = tl + tr + kss * this.volumes[i];
    }
    x[0] = this.sourceFlux * this.sourceArea;
    const cp = new Float64Array(n);
    const inv = new Float64Array(n);
    factorTridiag(n, lo, di, up, cp, inv);
    solveFactored(n, lo, cp, inv, x);
    return x;
  }

  /** Bound concentration in cell i, nM. */
  boundAt(i: number): number {
    if (this.bound) return this.bound[i];
    const b = this.transport.binding;
    return b.model === "fast" ? b.R * this.free[i] : 0;
  }

  /**
   * Free concentration (nM) at distance x (µm) from the source boundary,
   * by linear interpolation between cell centres; between the source face
   * and the first centre the boundary value is extrapolated from the imposed
   * flux (that of the last step, unless `flux` is given). `field` defaults to
   * the current free concentration.
   */
  valueAt(x: number, field: ArrayLike<number> = this.free, flux?: number): number {
    const q = flux ?? this.sourceFlux * (this.steps > 0 ? this.lastG : scheduleFactor(this.schedule, this.t));
    const r = this.faces[0] + x;
    const c = this.centers;
    const n = this.n;
    if (r <= c[0]) {
      const boundary = field[0] + ((c[0] - this.faces[0]) * q) / this.transport.D;
      const w = (r - this.faces[0]) / (c[0] - this.faces[0]);
      return Math.max(0, boundary + w * (field[0] - boundary));
    }
    if (r >= c[n - 1]) {
      if (this.outer === "absorbing") {
        const w = (r - c[n - 1]) / (this.faces[n] - c[n - 1]);
        return Math.max(0, field[n - 1] * (1 - Math.min(1, w)));
      }
      return field[n - 1];
    }
    // binary search for the interval c[j] ≤ r < c[j+1]
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (c[mid] <= r) lo = mid;
      else hi = mid;
    }
    const w = (r - c[lo]) / (c[hi] - c[lo]);
    return field[lo] + w * (field[hi] - field[lo]);
  }

  /** Total ligand (free + bound) in the domain: nM·µm (planar, per µm²) or nM·µm³ (sphere). */
  totalAmount(): number {
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      sum += this.volumes[i] * (this.cap * this.free[i] + (this.bound ? this.bound[i] : 0));
    }
    return sum * this.amountFactor;
  }

  /** Total ligand secreted since t = 0, same units as totalAmount(). */
  totalSecreted(): number {
    const during = scheduleIntegral(this.schedule, this.t) - scheduleIntegral(this.schedule, this.secretedSince);
    return this.secretedBefore + this.sourceFlux * during * this.sourceArea * this.amountFactor;
  }

  /** Smallest value of the free (and bound) field (diagnostics for positivity). */
  minValue(): number {
    let m = Infinity;
    for (let i = 0; i < this.n; i++) m = Math.min(m, this.free[i]);
    if (this.bound) for (let i = 0; i < this.n; i++) m = Math.min(m, this.bound[i]);
    return m;
  }
}
