import { erfc, erfcx } from "./special";
import { onIntervals, type SecretionSchedule } from "./schedule";
import type { Transport } from "./params";
import { effectiveCoefficients } from "./params";

/**
 * Exact solutions used both by the lab (where they exist) and by the tests
 * that verify the time-stepping solvers.
 *
 * 1-D problem (free ligand C, fast-equilibrium form):
 *   ∂C/∂t = D ∂²C/∂x² − k C,  x > 0,   −D ∂C/∂x(0, t) = s,   C(x, 0) = 0.
 * Units: x µm, t s, D µm²/s, k 1/s, s nM·µm/s, C nM.
 */
export interface Flux1DParams {
  /** Diffusion coefficient, µm²/s. */
  D: number;
  /** First-order removal rate, 1/s. */
  k: number;
  /** Secretion flux density at x = 0, nM·µm/s. */
  s: number;
}

/**
 * Maps a Transport (with matrix binding in the fast-equilibrium limit) and a
 * secretion flux s to the equivalent single-field problem for FREE ligand:
 * (1+R)∂C/∂t = D C'' − kSteady C with −D C'(0) = s, i.e.
 * D_eff = D/(1+R), k_eff = kSteady/(1+R), s_eff = s/(1+R).
 * For a kinetic Transport this is its fast-equilibrium limit.
 */
export function freeLigandProblem(t: Transport, s: number): Flux1DParams {
  const e = effectiveCoefficients(t.binding.model === "kinetic" ? { ...t, binding: { model: "fast", R: t.binding.konB / t.binding.koff } } : t);
  return { D: e.Deff, k: e.keff, s: s / e.capacity };
}

/** Decay length λ = √(D/k), µm. */
export function decayLength(D: number, k: number): number {
  return k > 0 ? Math.sqrt(D / k) : Infinity;
}

/** Steady state on the half line: C(x) = s/√(Dk)·e^{−x/λ}. */
export function flux1DSteady(x: number, p: Flux1DParams): number {
  if (!(p.k > 0)) return Infinity;
  return (p.s / Math.sqrt(p.D * p.k)) * Math.exp(-x / Math.sqrt(p.D / p.k));
}

/**
 * Steady state on the finite domain [0, L]:
 *  no-flux at L:  C = s/√(Dk)·cosh((L−x)/λ)/sinh(L/λ)
 *  C = 0 at L:    C = s/√(Dk)·sinh((L−x)/λ)/cosh(L/λ)   (k = 0: s(L−x)/D)
 * evaluated in exponentially scaled form (no overflow for L ≫ λ).
 */
export function flux1DSteadyFinite(x: number, L: number, p: Flux1DParams, outer: "no-flux" | "absorbing" = "no-flux"): number {
  if (!(p.k > 0)) {
    if (outer === "absorbing") return (p.s * (L - x)) / p.D;
    return Infinity;
  }
  const lam = Math.sqrt(p.D / p.k);
  const c0 = p.s / Math.sqrt(p.D * p.k);
  const e2L = Math.exp(-2 * L / lam);
  const a = Math.exp(-x / lam);
  const b = Math.exp(-(2 * L - x) / lam);
  return outer === "no-flux" ? (c0 * (a + b)) / (1 - e2L) : (c0 * (a - b)) / (1 + e2L);
}

/**
 * Time-dependent solution with the flux switched on at t = 0 (semi-infinite domain):
 *   C(x,t) = s/(2√(Dk))·[e^{−x/λ} erfc(ξ − √(kt)) − e^{x/λ} erfc(ξ + √(kt))],  ξ = x/(2√(Dt)).
 * Using erfcx and the identity x/λ = 2ξ√(kt), e^{±x/λ}·erfc(ξ ± √(kt)) =
 * erfcx(ξ ± √(kt))·e^{−ξ² − kt}, so nothing overflows. k = 0 gives
 *   C = s·[2√(t/(πD))·e^{−ξ²} − (x/D)·erfc(ξ)].
 */
export function flux1DTransient(x: number, t: number, p: Flux1DParams): number {
  if (!(t > 0)) return 0;
  const sqrtDt = Math.sqrt(p.D * t);
  const xi = x / (2 * sqrtDt);
  const r = Math.sqrt(p.k * t);
  if (r < 1e-7) {
    // k·t < 1e-14: the k = 0 solution is exact to ~1e-14 relative.
    const e = Math.exp(-xi * xi);
    return p.s * ((2 * Math.sqrt(t / (Math.PI * p.D))) * e - (x / p.D) * erfc(xi));
  }
  const c0 = p.s / Math.sqrt(p.D * p.k);
  const common = Math.exp(-xi * xi - p.k * t);
  const u = xi - r;
  const term1 = u >= 0 ? erfcx(u) * common : Math.exp(-x / Math.sqrt(p.D / p.k)) * erfc(u);
  const term2 = erfcx(xi + r) * common;
  return Math.max(0, 0.5 * c0 * (term1 - term2));
}

/**
 * C(x,t)/C_ss(x) for the switched-on flux problem (k > 0), in the overflow-free
 * form ½[erfc(u) − erfcx(ξ+√(kt))·e^{−u²}], u = ξ − √(kt).
 */
export function flux1DFraction(x: number, t: number, p: Flux1DParams): number {
  if (!(t > 0)) return 0;
  const xi = x / (2 * Math.sqrt(p.D * t));
  const r = Math.sqrt(p.k * t);
  const u = xi - r;
  const e = Math.exp(-u * u);
  if (u >= 0) return 0.5 * e * (erfcx(u) - erfcx(xi + r));
  return 0.5 * (erfc(u) - erfcx(xi + r) * e);
}

/**
 * Exact local time (s) at which C(x,t) reaches the fraction f of its
 * steady-state value (1-D, semi-infinite, flux switched on at t = 0).
 * Root of flux1DFraction(x, t) = f by bisection in log t (relative tolerance 1e-12).
 * At x = 0 it is t_f = [erf⁻¹(f)]²/k.
 */
export function timeToFraction1D(x: number, f: number, p: Flux1DParams): number {
  if (!(p.k > 0)) return Infinity;
  if (!(f > 0 && f < 1)) throw new RangeError("fraction must lie in (0, 1)");
  const lam = Math.sqrt(p.D / p.k);
  let hi = (1 + x / lam) / p.k;
  let guard = 0;
  while (flux1DFraction(x, hi, p) < f) {
    hi *= 2;
    if (++guard > 2000) return Infinity;
  }
  let lo = hi / 2;
  guard = 0;
  while (flux1DFraction(x, lo, p) >= f) {
    lo /= 2;
    if (++guard > 2000) return 0;
  }
  for (let i = 0; i < 200 && hi / lo - 1 > 1e-13; i++) {
    const mid = Math.sqrt(lo * hi);
    if (flux1DFraction(x, mid, p) < f) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/**
 * Local accumulation time (mean time to steady state) in 1-D:
 * τ(x) = ∫₀^∞ [1 − C(x,t)/C_ss(x)] dt = (1 + x/λ)/(2k)
 * (Berezhkovskii, Sample & Shvartsman 2010).
 */
export function accumulationTime1D(x: number, p: Flux1DParams): number {
  if (!(p.k > 0)) return Infinity;
  return (1 + x / Math.sqrt(p.D / p.k)) / (2 * p.k);
}

/**
 * Local accumulation time τ(x) = ∫₀^∞ [1 − C(x,t)/C_ss(x)] dt of FREE ligand after a constant
 * source is switched on at t = 0, for any Transport (no matrix, fast-equilibrium or kinetic
 * binding) in the planar (x from the source plane) or spherical geometry (x = r − a from the
 * surface of a source cell of radius a).
 *
 * Derivation (docs/simulator.md §3.5): with F(p) = p·C̄(x,p)/C_ss(x), τ = −F′(0). The Laplace
 * transforms are C̄ ∝ e^{−q x}/(p·q) (planar) and e^{−q x}/(p·r·(1 + a q)) (sphere) with
 * q(p)² = (p + κ(p))/D, where κ(p) is the removal seen by free ligand at frequency p:
 * k_free + a_b(p + k_bound)/(p + koff + k_bound) for kinetic binding (a_b = kon·Bmax),
 * k_free + R·k_bound + R·p for the fast limit. Then q′(0) = m·λ/(2D) with m = 1 + κ′(0) and
 *   planar: τ(x) = m·λ·(x + λ)/(2D)              = (1 + x/λ)/(2 k_eff) without kinetics
 *   sphere: τ(x) = m·λ·(x + aλ/(a + λ))/(2D)      → (x/λ + a/(a + λ))/(2k) without matrix.
 * Infinity when there is no steady state.
 */
export function accumulationTime(x: number, t: Transport, geometry: "planar" | "spherical" = "planar", radius = 0): number {
  const e = effectiveCoefficients(t);
  if (!(e.kSteady > 0)) return Infinity;
  const lambda = e.lambda;
  let m = 1;
  const b = t.binding;
  if (b.model === "fast") m = 1 + b.R;
  else if (b.model === "kinetic") {
    const d = b.koff + t.kBound;
    m = d > 0 ? 1 + (b.konB * b.koff) / (d * d) : 1;
  }
  const g = geometry === "spherical" ? x + (radius * lambda) / (radius + lambda) : x + lambda;
  return (m * lambda * g) / (2 * t.D);
}

/**
 * Solution for an arbitrary on/off secretion schedule by superposition:
 * C(x,t) = Σ_on-intervals [C_on(x, t − t_on) − C_on(x, t − t_off)].
 */
export function flux1DSchedule(x: number, t: number, p: Flux1DParams, schedule: SecretionSchedule): number {
  let sum = 0;
  for (const [on, off] of onIntervals(schedule, t)) {
    sum += flux1DTransient(x, t - on, p);
    if (off < t) sum -= flux1DTransient(x, t - off, p);
  }
  return Math.max(0, sum);
}

/**
 * 3-D: a sphere of radius a secreting a total rate Q (nM·µm³/s, i.e. a flux
 * density Q/(4πa²) through its surface) into an unbounded medium. Steady state
 * of D(1/r²)(r²C′)′ = kC with −D C′(a) = Q/(4πa²), C → 0 as r → ∞:
 *   C(r) = Q/(4πD r) · e^{−(r−a)/λ} / (1 + a/λ)        (r ≥ a).
 * Derivation: the decaying solution is A e^{−r/λ}/r; the flux condition gives
 * A e^{−a/λ} = Q/(4πD(1 + a/λ)). With k = 0 it reduces to Q/(4πDr).
 */
export function sphereSteady(r: number, p: { D: number; k: number; Q: number; a: number }): number {
  const base = p.Q / (4 * Math.PI * p.D * r);
  if (!(p.k > 0)) return base;
  const lam = Math.sqrt(p.D / p.k);
  return (base * Math.exp(-(r - p.a) / lam)) / (1 + p.a / lam);
}

/** Free-diffusion Green's functions (with optional first-order decay e^{−kt}); M in nM·µm^d. */
export function green1D(x: number, t: number, D: number, M = 1, k = 0): number {
  return (M / Math.sqrt(4 * Math.PI * D * t)) * Math.exp(-(x * x) / (4 * D * t) - k * t);
}
export function green2D(r: number, t: number, D: number, M = 1, k = 0): number {
  return (M / (4 * Math.PI * D * t)) * Math.exp(-(r * r) / (4 * D * t) - k * t);
}
export function green3D(r: number, t: number, D: number, M = 1, k = 0): number {
  return (M / Math.pow(4 * Math.PI * D * t, 1.5)) * Math.exp(-(r * r) / (4 * D * t) - k * t);
}

/**
 * 1-D signalling range at steady state: the distance at which C falls to C*
 * (occupancy θ*): x* = λ·ln(C0/C*) if C0 > C*, else 0.
 */
export function signallingRange1D(C0: number, lambda: number, Cstar: number): number {
  if (!(C0 > Cstar)) return 0;
  if (!(Cstar > 0)) return Infinity;
  return lambda * Math.log(C0 / Cstar);
}

/**
 * Distance from the sphere surface (r − a) at which the exact 3-D steady state
 * falls to C*, by bisection (the profile decreases monotonically). 0 if C(a) ≤ C*.
 */
export function signallingRangeSphere(p: { D: number; k: number; Q: number; a: number }, Cstar: number): number {
  if (!(sphereSteady(p.a, p) > Cstar)) return 0;
  if (!(Cstar > 0)) return Infinity;
  let hi = p.a;
  let guard = 0;
  while (sphereSteady(p.a + hi, p) > Cstar) {
    hi *= 2;
    if (++guard > 2000) return Infinity;
  }
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (sphereSteady(p.a + mid, p) > Cstar) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
