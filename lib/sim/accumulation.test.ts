// τ(x) = ∫₀^∞ (1 − C(x,t)/C_ss(x)) dt and profiles at a chosen time, against values computed
// independently: Laplace-domain solutions written out here (τ = lim (1 − p·C̄/C_ss)/p), time-stepped
// quadrature of the definition, and the exact 1-D transient.
import { describe, expect, it } from "vitest";
import { accumulationTime } from "./analytic";
import { simulateGradient } from "./gradient";
import { buildGrid } from "./grid";
import { effectiveCoefficients, resolveTransport, type MatrixSpec } from "./params";
import { Solver1D } from "./solver1d";
import { erfc } from "./special";

/** p·C̄(x,p)/C_ss(x) from the Laplace solutions, with κ(p) the removal seen by free ligand. */
function laplaceF(x: number, p: number, D: number, kappa: (p: number) => number, sphereRadius: number | null): number {
  const q = Math.sqrt((p + kappa(p)) / D);
  const q0 = Math.sqrt(kappa(0) / D);
  if (sphereRadius === null) return (Math.exp(-(q - q0) * x) * q0) / q; // planar: e^{−qx}/(p·q)
  const a = sphereRadius; // sphere: e^{−q(r−a)}/(p·r·(1 + a q))
  return (Math.exp(-(q - q0) * x) * (1 + a * q0)) / (1 + a * q);
}
/** τ = lim_{p→0} (1 − F(p))/p, by Richardson extrapolation of two small p. */
function tauLaplace(x: number, D: number, kappa: (p: number) => number, a: number | null, scale: number): number {
  const g = (p: number) => (1 - laplaceF(x, p, D, kappa, a)) / p;
  const h = 1e-4 * scale;
  return 2 * g(h / 2) - g(h);
}

const cases: Array<{ name: string; D: number; k: number; matrix: MatrixSpec | null; kappa: (p: number) => number }> = [
  { name: "no matrix", D: 1, k: 0.01, matrix: null, kappa: () => 0.01 },
  { name: "fast matrix R = 4, protected", D: 1, k: 0.01, matrix: { model: "fast", mode: "protected", ratio: 4 }, kappa: (p) => 4 * p + 0.01 },
  {
    name: "kinetic matrix, removed",
    D: 1,
    k: 0.01,
    matrix: { model: "kinetic", mode: "removed", kon: 0.02, koff: 0.05, bmax: 5 },
    // κ(p) = k + a(p + k_b)/(p + koff + k_b), a = kon·Bmax = 0.1, k_b = k
    kappa: (p) => 0.01 + (0.1 * (p + 0.01)) / (p + 0.05 + 0.01),
  },
];

describe("mean local accumulation time τ(x)", { timeout: 60_000 }, () => {
  it("1-D without matrix is (1 + x/λ)/(2k) (Berezhkovskii, Sample & Shvartsman 2010)", () => {
    const t = resolveTransport(0.1, 2.5e-4);
    for (const x of [0, 10, 20, 80]) expect(accumulationTime(x, t)).toBeCloseTo((1 + x / 20) / (2 * 2.5e-4), 8);
  });

  it.each(cases)("closed form equals −F′(0) of the Laplace solution, planar and sphere: $name", ({ D, k, matrix, kappa }) => {
    const t = resolveTransport(D, k, matrix);
    const tau = effectiveCoefficients(t).tau;
    for (const a of [null, 0.5, 5, 50]) {
      for (const x of [0, 3, 10, 40]) {
        const exact = tauLaplace(x, D, kappa, a, 1 / tau);
        const got = accumulationTime(x, t, a === null ? "planar" : "spherical", a ?? 0);
        expect(Math.abs(got / exact - 1), `a=${a} x=${x}`).toBeLessThan(1e-5);
      }
    }
  });

  it("sphere without removal of a point-like cell: τ → r/(2√(Dk)) (a → 0)", () => {
    const t = resolveTransport(2, 0.02);
    expect(accumulationTime(30, t, "spherical", 1e-9)).toBeCloseTo(30 / (2 * Math.sqrt(2 * 0.02)), 6);
  });

  it.each([
    ["planar", null],
    ["spherical a = 5 µm", 5],
  ] as const)("time-stepped quadrature of ∫(1 − C/C_ss) dt agrees within 1%: %s", (_n, a) => {
    for (const c of cases) {
      const t = resolveTransport(c.D, c.k, c.matrix);
      const e = effectiveCoefficients(t);
      const faces = buildGrid({ r0: a ?? 0, hFine: e.lambda / 40, fineLength: 12 * e.lambda, totalLength: 12 * e.lambda, hStart: a ? a / 160 : undefined });
      const sol = new Solver1D({ geometry: a ? "spherical" : "planar", faces, transport: t, sourceFlux: 1 });
      const xs = [0, 0.5 * e.lambda, 2 * e.lambda];
      const ts: number[] = [0];
      const cs: number[][] = [xs.map(() => 0)];
      sol.advance(60 * e.tau, sol.defaultPolicy(undefined, 2 * e.lambda), (s) => {
        ts.push(s.t);
        cs.push(xs.map((x) => s.valueAt(x)));
      });
      // C_ss = lim C(t): the late-time value of the run itself (for kinetic binding the Strang
      // splitting's fixed point differs from the exact steady state by ~μ·dt/2, a bias that would
      // otherwise be integrated over the whole tail).
      const css = cs[cs.length - 1];
      const integral = xs.map((_, j) => {
        let sum = 0;
        for (let i = 1; i < ts.length; i++) sum += 0.5 * (2 - cs[i][j] / css[j] - cs[i - 1][j] / css[j]) * (ts[i] - ts[i - 1]);
        return sum;
      });
      xs.forEach((x, j) => {
        const exact = accumulationTime(x, t, a ? "spherical" : "planar", a ?? 0);
        expect(Math.abs(integral[j] / exact - 1), `${c.name} x=${x}`).toBeLessThan(0.01);
      });
    }
  });

  it("simulateGradient reports τ(x) in 1-D and 3-D", () => {
    const r1 = simulateGradient({ D: 0.1, k: 2.5e-4, distances: [0, 20], numerics: { timeCourse: false } });
    expect(r1.timeToFraction!.accumulationTime).toEqual([2000, 4000].map((v) => expect.closeTo(v, 6)));
    const r3 = simulateGradient({ geometry: "3d", radius: 5, D: 0.1, k: 2.5e-4, distances: [0, 20], numerics: { timeCourse: false } });
    // (d/λ + a/(a + λ))/(2k) with λ = 20, a = 5
    expect(r3.timeToFraction!.accumulationTime).toEqual([0.2 / 5e-4, (1 + 0.2) / 5e-4].map((v) => expect.closeTo(v, 6)));
  });
});

// Exact switched-on 1-D solution (docs/simulator.md §3.1), written out here.
function fluxOn(x: number, t: number, D: number, k: number): number {
  if (t <= 0) return 0;
  const lam = Math.sqrt(D / k);
  const xi = x / (2 * Math.sqrt(D * t));
  const r = Math.sqrt(k * t);
  return (1 / (2 * Math.sqrt(D * k))) * (Math.exp(-x / lam) * erfc(xi - r) - Math.exp(x / lam) * erfc(xi + r));
}

describe("profile at a chosen time (snapshotTimes, --t)", { timeout: 60_000 }, () => {
  it("constant secretion: the whole profile at t = 200 s and 2000 s within 1% of the exact transient", () => {
    const r = simulateGradient({ D: 1, k: 0.01, snapshotTimes: [200, 2000] });
    expect(r.snapshots).toHaveLength(2);
    for (const sn of r.snapshots!) {
      const c0 = fluxOn(0, sn.time, 1, 0.01);
      let checked = 0;
      sn.distance.forEach((x, i) => {
        const ex = fluxOn(x, sn.time, 1, 0.01);
        if (ex < 1e-3 * c0) return;
        checked++;
        expect(Math.abs(sn.concentration[i] / ex - 1), `t=${sn.time} x=${x}`).toBeLessThan(0.01);
      });
      expect(checked).toBeGreaterThan(20);
    }
  });

  it("a pulse: the profile 30 s after a 10 s pulse within 1% of the exact superposition", () => {
    const r = simulateGradient({ D: 1, k: 0.01, schedule: { kind: "pulse", duration: 10 }, snapshotTimes: [40] });
    const sn = r.snapshots![0];
    const exact = (x: number) => fluxOn(x, 40, 1, 0.01) - fluxOn(x, 30, 1, 0.01);
    let checked = 0;
    sn.distance.forEach((x, i) => {
      if (exact(x) < 1e-2 * exact(0)) return; // the far front (< 1 % of the source value) is resolved to ~2 %
      checked++;
      expect(Math.abs(sn.concentration[i] / exact(x) - 1), `x=${x}`).toBeLessThan(0.01);
    });
    expect(checked).toBeGreaterThan(5);
  });

  it("warns when the requested time is too early for the grid to resolve", () => {
    const r = simulateGradient({ D: 1, k: 0.01, snapshotTimes: [1e-4] });
    expect(r.warnings.join(" ")).toMatch(/profile at t = 1e-4 s is not resolved/);
  });
});

describe("validity warnings", () => {
  it("kinetic matrix binding warns where free ligand saturates the (linear) sites, and not otherwise", () => {
    const m = (kon: number): MatrixSpec => ({ model: "kinetic", mode: "protected", kon, koff: 0.1, bmax: 10 });
    const hot = simulateGradient({ D: 1, k: 0.01, secretion: 10, matrix: m(1), numerics: { timeCourse: false } }); // C0 = 100 nM ≫ Kd = 0.1 nM
    expect(hot.warnings.join(" ")).toMatch(/above 10 % of the matrix Kd = koff\/kon = 0.1 nM/);
    const cold = simulateGradient({ D: 1, k: 0.01, secretion: 0.001, matrix: m(0.001), numerics: { timeCourse: false } }); // C0 = 0.01 nM ≪ 100 nM
    expect(cold.warnings.join(" ")).not.toMatch(/matrix Kd/);
  });
});
