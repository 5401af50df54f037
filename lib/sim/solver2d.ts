import { SimInputError, requireNumber } from "./errors";
import { effectiveCoefficients, occupancy, resolveTransport, type Interventions, type MatrixSpec, type Transport } from "./params";
import { exchangePropagator } from "./reaction";
import { CONSTANT_SECRETION, scheduleAverage, scheduleIntegral, validateSchedule, type SecretionSchedule } from "./schedule";

/**
 * 2-D tissue sheet (nx × ny square cells of side h µm, cell-centred finite
 * volumes, zero-flux edges) for the heat map.
 *
 *   cap·∂C/∂t = D ∇²C − k_diff·C + q(x, y)·g(t)
 *
 * Sources: point sources (source cells) add `rate` (nM·µm²/s per µm of sheet
 * thickness) to one grid cell, i.e. a production density rate/h² (nM/s); an
 * edge flux `flux` (nM·µm/s) along one side of the sheet models a line source
 * spanning the sheet (the 2-D analogue of the 1-D problem).
 *
 * Time stepping (alternating-direction implicit):
 *  - Peaceman–Rachford ADI (second order) when dt ≤ dt_mono = 1/(D_eff/h² + k_eff/4),
 *    the bound under which its explicit half-steps are positivity-preserving;
 *  - otherwise the locally one-dimensional backward-Euler splitting
 *    (I − dt·Lx)(I − dt·Ly), first order but unconditionally positivity-preserving.
 * First-order removal is split equally between the two directions; sources
 * enter each half-step. Kinetic matrix binding: Strang splitting with the
 * exact 2×2 exchange propagator. Each step is two sweeps of constant-coefficient
 * tridiagonal solves (rows contiguous, columns vectorised across the row), with
 * all work arrays preallocated: a step allocates nothing.
 */
export type Scheme2D = "auto" | "peaceman-rachford" | "lod-backward-euler";

export interface PointSource {
  /** Column index (x = (ix + ½)·h). */
  ix: number;
  /** Row index (y = (iy + ½)·h). */
  iy: number;
  /** Secretion rate of the cell, nM·µm²/s per µm of sheet thickness. */
  rate: number;
}

export interface EdgeSource {
  side: "left" | "right" | "bottom" | "top";
  /** Flux density into the sheet while on, nM·µm/s. */
  flux: number;
}

export interface Sheet2DConfig {
  nx: number;
  ny: number;
  /** Grid spacing, µm. */
  h: number;
  transport: Transport;
  sources?: PointSource[];
  edge?: EdgeSource | null;
  schedule?: SecretionSchedule;
  scheme?: Scheme2D;
  /** Initial free concentration (row-major, index iy·nx + ix), nM. */
  initialFree?: ArrayLike<number>;
}

export class Sheet2D {
  readonly nx: number;
  readonly ny: number;
  readonly h: number;
  readonly scheme: Scheme2D;
  /** Free ligand, nM, row-major (index iy·nx + ix). */
  readonly free: Float64Array;
  /** Bound ligand (kinetic model), nM; null otherwise. */
  readonly bound: Float64Array | null;
  t = 0;
  steps = 0;
  readonly schemeCounts = { "peaceman-rachford": 0, "lod-backward-euler": 0 };

  private transport!: Transport;
  private schedule: SecretionSchedule;
  private cap = 1;
  private kDiff = 0;
  /** Production density while on, nM/s (before division by cap). */
  private readonly q: Float64Array;
  private qTotal = 0; // Σ q·h², nM·µm²/s
  private secretedBefore = 0;
  private secretedSince = 0;
  private readonly tmp: Float64Array;
  private readonly cpx: Float64Array;
  private readonly invx: Float64Array;
  private readonly cpy: Float64Array;
  private readonly invy: Float64Array;
  private cachedKey = "";
  private offx = 0;
  private offy = 0;
  private readonly prop = new Float64Array(4);
  private propDt = NaN;

  constructor(cfg: Sheet2DConfig) {
    this.nx = requireNumber("nx", cfg.nx, { min: 1, max: 4096, integer: true });
    this.ny = requireNumber("ny", cfg.ny, { min: 1, max: 4096, integer: true });
    this.h = requireNumber("grid spacing h", cfg.h, { positive: true });
    this.scheme = cfg.scheme ?? "auto";
    this.schedule = validateSchedule(cfg.schedule ?? CONSTANT_SECRETION);
    const N = this.nx * this.ny;
    this.free = new Float64Array(N);
    this.tmp = new Float64Array(N);
    this.q = new Float64Array(N);
    this.bound = cfg.transport.binding.model === "kinetic" ? new Float64Array(N) : null;
    this.cpx = new Float64Array(this.nx);
    this.invx = new Float64Array(this.nx);
    this.cpy = new Float64Array(this.ny);
    this.invy = new Float64Array(this.ny);
    this.setTransport(cfg.transport, false);
    this.setSources(cfg.sources ?? [], cfg.edge ?? null);
    if (cfg.initialFree) {
      if (cfg.initialFree.length !== N) throw new SimInputError("initialFree has the wrong length");
      for (let i = 0; i < N; i++) this.free[i] = cfg.initialFree[i];
    }
  }

  getTransport(): Transport {
    return this.transport;
  }

  /** Changes coefficients mid-run (interventions); fast-equilibrium totals are conserved. */
  setTransport(t: Transport, conserveTotal = true): void {
    requireNumber("D", t.D, { positive: true });
    requireNumber("kFree", t.kFree, { min: 0 });
    requireNumber("kBound", t.kBound, { min: 0 });
    if (this.transport && (this.transport.binding.model === "kinetic") !== (t.binding.model === "kinetic")) {
      throw new SimInputError("cannot switch between kinetic and equilibrium binding mid-run");
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
      for (let i = 0; i < this.free.length; i++) this.free[i] *= f;
    }
    this.cachedKey = "";
    this.propDt = NaN;
  }

  /** Replaces the sources (effective from the current time). */
  setSources(sources: PointSource[], edge: EdgeSource | null = null): void {
    this.secretedBefore = this.totalSecreted();
    this.secretedSince = this.t;
    this.q.fill(0);
    const { nx, ny, h } = this;
    for (const s of sources) {
      requireNumber("source ix", s.ix, { min: 0, max: nx - 1, integer: true });
      requireNumber("source iy", s.iy, { min: 0, max: ny - 1, integer: true });
      requireNumber("source rate", s.rate, { min: 0 });
      this.q[s.iy * nx + s.ix] += s.rate / (h * h);
    }
    if (edge) {
      requireNumber("edge flux", edge.flux, { min: 0 });
      const add = edge.flux / h;
      if (edge.side === "left" || edge.side === "right") {
        const ix = edge.side === "left" ? 0 : nx - 1;
        for (let j = 0; j < ny; j++) this.q[j * nx + ix] += add;
      } else if (edge.side === "bottom" || edge.side === "top") {
        const iy = edge.side === "bottom" ? 0 : ny - 1;
        for (let i = 0; i < nx; i++) this.q[iy * nx + i] += add;
      } else {
        throw new SimInputError(`edge side must be left, right, bottom or top`);
      }
    }
    let total = 0;
    for (let i = 0; i < this.q.length; i++) total += this.q[i];
    this.qTotal = total * h * h;
  }

  setSchedule(schedule: SecretionSchedule): void {
    this.secretedBefore = this.totalSecreted();
    this.secretedSince = this.t;
    this.schedule = validateSchedule(schedule);
  }

  /** Effective diffusion and removal of the single-field (free) equation, and the capacity. */
  private coeffs(): { Dd: number; kd: number } {
    return { Dd: this.transport.D / this.cap, kd: this.kDiff / this.cap };
  }

  /** Largest dt for which Peaceman–Rachford is positivity-preserving, s. */
  dtMonotone(): number {
    const { Dd, kd } = this.coeffs();
    return 1 / (Dd / (this.h * this.h) + kd / 4);
  }

  /** A time step resolving the relaxation time (τ/200) and, if given, tEnd/100. */
  suggestDt(tEnd?: number): number {
    const e = effectiveCoefficients(this.transport);
    let tau = e.keff > 0 ? e.tau : (this.h * this.h * this.nx * this.ny) / e.Deff;
    if (this.bound) {
      const mu = this.transport.kFree + e.kSteady;
      if (mu > 0) tau = Math.min(tau, 2 / mu);
    }
    let dt = tau / 200;
    if (tEnd !== undefined) dt = Math.min(dt, tEnd / 100);
    return dt;
  }

  /** Factorises the implicit 1-D operator: off-diagonal −r, diagonal 1 + kk + r·(neighbours). */
  private factor(r: number, kk: number, n: number, cp: Float64Array, inv: Float64Array): void {
    // constant off-diagonal −r; diagonal 1 + kk + r·(number of neighbours)
    if (n === 1) {
      inv[0] = 1 / (1 + kk);
      cp[0] = 0;
      return;
    }
    let den = 1 + kk + r;
    inv[0] = 1 / den;
    cp[0] = -r * inv[0];
    for (let i = 1; i < n; i++) {
      const diag = 1 + kk + (i === n - 1 ? r : 2 * r);
      den = diag + r * cp[i - 1];
      inv[i] = 1 / den;
      cp[i] = -r * inv[i];
    }
  }

  private prepare(dt: number, pr: boolean, Dd: number, kd: number): void {
    const key = `${dt}|${pr}|${Dd}|${kd}`;
    if (key === this.cachedKey) return;
    const tau = pr ? 0.5 * dt : dt;
    const r = (Dd * tau) / (this.h * this.h);
    const kk = (kd * tau) / 2;
    this.factor(r, kk, this.nx, this.cpx, this.invx);
    this.factor(r, kk, this.ny, this.cpy, this.invy);
    this.offx = r;
    this.offy = r;
    this.cachedKey = key;
  }

  /** Row solves (x-direction) in place on a. */
  private solveRows(a: Float64Array): void {
    const { nx, ny } = this;
    const cp = this.cpx;
    const inv = this.invx;
    const r = this.offx;
    for (let j = 0; j < ny; j++) {
      const o = j * nx;
      a[o] *= inv[0];
      for (let i = 1; i < nx; i++) a[o + i] = (a[o + i] + r * a[o + i - 1]) * inv[i];
      for (let i = nx - 2; i >= 0; i--) a[o + i] -= cp[i] * a[o + i + 1];
    }
  }

  /** Column solves (y-direction) in place on a, vectorised across each row. */
  private solveCols(a: Float64Array): void {
    const { nx, ny } = this;
    const cp = this.cpy;
    const inv = this.invy;
    const r = this.offy;
    const i0 = inv[0];
    for (let i = 0; i < nx; i++) a[i] *= i0;
    for (let j = 1; j < ny; j++) {
      const o = j * nx;
      const p = o - nx;
      const ij = inv[j];
      for (let i = 0; i < nx; i++) a[o + i] = (a[o + i] + r * a[p + i]) * ij;
    }
    for (let j = ny - 2; j >= 0; j--) {
      const o = j * nx;
      const nxt = o + nx;
      const c = cp[j];
      for (let i = 0; i < nx; i++) a[o + i] -= c * a[nxt + i];
    }
  }

  /** out = (I + τ·Ly)·u + src·q  (explicit y half-step). */
  private explicitY(u: Float64Array, out: Float64Array, r: number, kk: number, src: number): void {
    const { nx, ny } = this;
    const q = this.q;
    for (let j = 0; j < ny; j++) {
      const o = j * nx;
      const hasDown = j > 0;
      const hasUp = j < ny - 1;
      const nb = (hasDown ? 1 : 0) + (hasUp ? 1 : 0);
      const cdiag = 1 - kk - nb * r;
      for (let i = 0; i < nx; i++) {
        const k = o + i;
        let v = cdiag * u[k];
        if (hasDown) v += r * u[k - nx];
        if (hasUp) v += r * u[k + nx];
        out[k] = v + src * q[k];
      }
    }
  }

  /** out = (I + τ·Lx)·u + src·q  (explicit x half-step). */
  private explicitX(u: Float64Array, out: Float64Array, r: number, kk: number, src: number): void {
    const { nx, ny } = this;
    const q = this.q;
    const cInner = 1 - kk - 2 * r;
    const cEdge = 1 - kk - r;
    for (let j = 0; j < ny; j++) {
      const o = j * nx;
      if (nx === 1) {
        out[o] = (1 - kk) * u[o] + src * q[o];
        continue;
      }
      out[o] = cEdge * u[o] + r * u[o + 1] + src * q[o];
      for (let i = 1; i < nx - 1; i++) {
        const k = o + i;
        out[k] = cInner * u[k] + r * (u[k - 1] + u[k + 1]) + src * q[k];
      }
      const e = o + nx - 1;
      out[e] = cEdge * u[e] + r * u[e - 1] + src * q[e];
    }
  }

  private react(dt: number): void {
    const b = this.bound;
    const bind = this.transport.binding;
    if (!b || bind.model !== "kinetic") return;
    if (dt !== this.propDt) {
      exchangePropagator(bind.konB, bind.koff, bind.konB, bind.koff + this.transport.kBound, dt, this.prop);
      this.propDt = dt;
    }
    const [p11, p12, p21, p22] = [this.prop[0], this.prop[1], this.prop[2], this.prop[3]];
    const c = this.free;
    for (let i = 0; i < c.length; i++) {
      const ci = c[i];
      const bi = b[i];
      c[i] = p11 * ci + p12 * bi;
      b[i] = p21 * ci + p22 * bi;
    }
  }

  /** Scheme used for a step of size dt. */
  schemeFor(dt: number): "peaceman-rachford" | "lod-backward-euler" {
    if (this.scheme === "peaceman-rachford" || this.scheme === "lod-backward-euler") return this.scheme;
    return dt <= this.dtMonotone() ? "peaceman-rachford" : "lod-backward-euler";
  }

  /** One step of size dt (s). Allocation-free. */
  step(dt: number): void {
    if (!(dt > 0) || !Number.isFinite(dt)) throw new SimInputError(`time step must be positive and finite (got ${dt})`);
    const g = scheduleAverage(this.schedule, this.t, this.t + dt);
    const { Dd, kd } = this.coeffs();
    const scheme = this.schemeFor(dt);
    const pr = scheme === "peaceman-rachford";
    if (this.bound) this.react(0.5 * dt);
    this.prepare(dt, pr, Dd, kd);
    const u = this.free;
    const w = this.tmp;
    const srcScale = g / this.cap;
    if (pr) {
      const r = this.offx;
      const kk = (kd * 0.5 * dt) / 2;
      this.explicitY(u, w, r, kk, 0.5 * dt * srcScale);
      this.solveRows(w);
      this.explicitX(w, u, r, kk, 0.5 * dt * srcScale);
      this.solveCols(u);
    } else {
      const src = dt * srcScale;
      const q = this.q;
      for (let i = 0; i < u.length; i++) w[i] = u[i] + src * q[i];
      this.solveRows(w);
      u.set(w);
      this.solveCols(u);
    }
    if (this.bound) this.react(0.5 * dt);
    this.t += dt;
    this.steps++;
    this.schemeCounts[scheme]++;
  }

  /**
   * Accuracy check for a caller-chosen dt: returns a one-line warning when
   * dt exceeds τ/20 (τ = relaxation time 1/k_eff; the time course is then
   * visibly smeared) or when the backward-Euler splitting would be used with
   * k_eff·dt > 0.05 (its steady state is then off by more than ~2 %), else null.
   * advance() records these warnings in `warnings`.
   */
  checkDt(dt: number): string | null {
    const e = effectiveCoefficients(this.transport);
    if (e.keff > 0 && dt > e.tau / 20) {
      return `time step ${dt.toPrecision(3)} s exceeds τ/20 = ${(e.tau / 20).toPrecision(3)} s: the time course is inaccurate (use suggestDt())`;
    }
    if (this.schemeFor(dt) === "lod-backward-euler" && e.keff * dt > 0.05) {
      return `time step ${dt.toPrecision(3)} s: the backward-Euler ADI steady state is off by ~${(50 * e.keff * dt).toFixed(0)} % (use steadyState() for the exact one)`;
    }
    return null;
  }

  /** Warnings collected by advance() (accuracy of caller-chosen time steps). */
  readonly warnings = new Set<string>();

  /** Steps of size dt (default suggestDt()) until tTarget; the last step is shortened to land on it. */
  advance(tTarget: number, dt = this.suggestDt()): void {
    requireNumber("dt", dt, { positive: true });
    const w = this.checkDt(dt);
    if (w) this.warnings.add(w);
    while (this.t < tTarget) {
      const remaining = tTarget - this.t;
      if (remaining <= dt * 1.000001) {
        this.step(remaining);
        this.t = tTarget;
      } else {
        this.step(dt);
      }
    }
  }

  /**
   * Exact discrete steady state (source on), by Peaceman–Rachford ADI
   * iteration with a cycle of 8 geometrically spaced parameters spanning the
   * spectrum of the 1-D operators; converged to a relative change < tol.
   * The fixed point of every PR iteration is the exact solution of the
   * discrete steady-state equations. Kinetic binding: uses the steady-state
   * removal kSteady. Does not modify the current state.
   */
  steadyState(tol = 1e-11, maxCycles = 5000): Float64Array {
    const e = effectiveCoefficients(this.transport);
    const Dd = this.transport.D;
    const kd = e.kSteady;
    if (!(kd > 0)) throw new SimInputError("no steady state: ligand is never removed (k = 0) and the sheet is closed");
    const saveFree = Float64Array.from(this.free);
    const prev = new Float64Array(this.free.length);
    const u = this.free;
    const w = this.tmp;
    const h2 = this.h * this.h;
    const muMin = kd / 2;
    const muMax = kd / 2 + (4 * Dd) / h2;
    const M = 8;
    try {
      u.fill(0);
      for (let cycle = 0; cycle < maxCycles; cycle++) {
        prev.set(u);
        for (let m = 0; m < M; m++) {
          const p = muMin * Math.pow(muMax / muMin, (m + 0.5) / M);
          const dt = 2 / p;
          this.prepare(dt, true, Dd, kd);
          const r = this.offx;
          const kk = (kd * 0.5 * dt) / 2;
          this.explicitY(u, w, r, kk, 0.5 * dt);
          this.solveRows(w);
          this.explicitX(w, u, r, kk, 0.5 * dt);
          this.solveCols(u);
        }
        let maxChange = 0;
        let maxVal = 0;
        for (let i = 0; i < u.length; i++) {
          maxChange = Math.max(maxChange, Math.abs(u[i] - prev[i]));
          maxVal = Math.max(maxVal, Math.abs(u[i]));
        }
        if (maxChange <= tol * maxVal) return Float64Array.from(u);
      }
      throw new SimInputError("2-D steady-state iteration did not converge");
    } finally {
      this.free.set(saveFree);
      this.cachedKey = "";
    }
  }

  /** Receptor occupancy of the free field (or of `field`), written into out. */
  occupancy(Kd: number, hill: number, out = new Float64Array(this.free.length), field: Float64Array = this.free): Float64Array {
    for (let i = 0; i < field.length; i++) out[i] = occupancy(field[i], Kd, hill);
    return out;
  }

  /** Bound ligand field (fast: R·C; kinetic: B), nM. */
  boundField(out = new Float64Array(this.free.length)): Float64Array {
    if (this.bound) out.set(this.bound);
    else {
      const R = this.transport.binding.model === "fast" ? this.transport.binding.R : 0;
      for (let i = 0; i < out.length; i++) out[i] = R * this.free[i];
    }
    return out;
  }

  /** Total ligand (free + bound), nM·µm² per µm of sheet thickness. */
  totalAmount(): number {
    let s = 0;
    for (let i = 0; i < this.free.length; i++) s += this.cap * this.free[i] + (this.bound ? this.bound[i] : 0);
    return s * this.h * this.h;
  }

  /** Total secreted since t = 0, nM·µm² per µm of thickness. */
  totalSecreted(): number {
    const during = scheduleIntegral(this.schedule, this.t) - scheduleIntegral(this.schedule, this.secretedSince);
    return this.secretedBefore + this.qTotal * during;
  }

  /** Value at cell (ix, iy), nM. */
  at(ix: number, iy: number, field: Float64Array = this.free): number {
    return field[iy * this.nx + ix];
  }

  minValue(): number {
    let m = Infinity;
    for (let i = 0; i < this.free.length; i++) m = Math.min(m, this.free[i]);
    if (this.bound) for (let i = 0; i < this.bound.length; i++) m = Math.min(m, this.bound[i]);
    return m;
  }

  maxValue(): number {
    let m = -Infinity;
    for (let i = 0; i < this.free.length; i++) m = Math.max(m, this.free[i]);
    return m;
  }
}

/** Physical parameters of a sheet (interventions and matrix resolved for you). */
export interface SheetInput {
  D: number;
  k: number;
  matrix?: MatrixSpec | null;
  interventions?: Interventions;
  nx: number;
  ny: number;
  h: number;
  sources?: PointSource[];
  edge?: EdgeSource | null;
  schedule?: SecretionSchedule;
  scheme?: Scheme2D;
}

/** Convenience constructor from physical parameters. */
export function createSheet(input: SheetInput): Sheet2D {
  return new Sheet2D({
    nx: input.nx,
    ny: input.ny,
    h: input.h,
    transport: resolveTransport(input.D, input.k, input.matrix ?? null, input.interventions ?? {}),
    sources: input.sources,
    edge: input.edge,
    schedule: input.schedule,
    scheme: input.scheme,
  });
}
