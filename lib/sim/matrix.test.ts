import { describe, expect, it } from "vitest";
import { flux1DTransient } from "./analytic";
import { buildGrid } from "./grid";
import { effectiveCoefficients, resolveTransport, type Interventions, type MatrixSpec } from "./params";
import { Solver1D } from "./solver1d";

const rel = (a: number, b: number) => Math.abs(a / b - 1);
// [erf⁻¹(0.9)]² (mpmath): the exact time to 90 % at the source is this / k_eff
const ERFINV09_SQ = 1.1630871536766740867 ** 2;

function solverFor(D: number, k: number, matrix: MatrixSpec | null, s = 1, iv: Interventions = {}, lamGrid?: number) {
  const t = resolveTransport(D, k, matrix, iv);
  const lam = lamGrid ?? effectiveCoefficients(t).lambda;
  const L = 14 * lam;
  const faces = buildGrid({ r0: 0, hFine: lam / 40, fineLength: L, totalLength: L });
  return new Solver1D({ geometry: "planar", faces, transport: t, sourceFlux: s });
}

/** Runs to (numerical) steady state by time stepping and measures λ from the log-slope between x1 and x2. */
function measuredLambda(sol: Solver1D, x1: number, x2: number, tEnd: number): { lambda: number; c0: number } {
  sol.advance(tEnd, sol.defaultPolicy());
  return { lambda: (x2 - x1) / Math.log(sol.valueAt(x1) / sol.valueAt(x2)), c0: sol.valueAt(0) };
}

describe("matrix binding, fast-equilibrium limit", () => {
  const D = 1, k = 0.01, s = 1, lam0 = 10;
  for (const R of [1, 9, 99]) {
    it(`protected (R = ${R}): λ and C0 unchanged, approach to steady state slowed by 1 + R`, () => {
      const sol = solverFor(D, k, { model: "fast", mode: "protected", ratio: R });
      let t90 = NaN;
      let prev = 0;
      let prevT = 0;
      const target = 0.9 * (s / Math.sqrt(D * k));
      sol.advance(40 * (1 + R) / k, sol.defaultPolicy(), (x) => {
        const v = x.valueAt(0);
        if (Number.isNaN(t90) && v >= target) t90 = prevT + ((target - prev) / (v - prev)) * (x.t - prevT);
        prev = v;
        prevT = x.t;
      });
      const lambda = (3 * lam0 - lam0) / Math.log(sol.valueAt(lam0) / sol.valueAt(3 * lam0));
      expect(rel(lambda, lam0)).toBeLessThan(0.01);
      expect(rel(sol.valueAt(0), s / Math.sqrt(D * k))).toBeLessThan(0.01);
      expect(rel(t90, ((1 + R) * ERFINV09_SQ) / k)).toBeLessThan(0.01);
    });
    it(`removed (R = ${R}): λ shrinks by √(1+R), C0 = s/√(Dk(1+R))`, () => {
      const lamR = lam0 / Math.sqrt(1 + R);
      const sol = solverFor(D, k, { model: "fast", mode: "removed", ratio: R });
      const m = measuredLambda(sol, lamR, 3 * lamR, 40 / k);
      expect(rel(m.lambda, lamR)).toBeLessThan(0.01);
      expect(rel(m.c0, s / Math.sqrt(D * k * (1 + R)))).toBeLessThan(0.01);
    });
  }
});

describe("kinetic matrix binding (two fields, Strang splitting with exact exchange)", () => {
  const D = 1, k = 0.01, s = 1, R = 4, bmax = 10;
  for (const mode of ["protected", "removed"] as const) {
    it(`${mode}: converges to the fast-equilibrium exact solution when kon, koff are large`, () => {
      const koff = 100; // 10⁴ × k
      const sol = solverFor(D, k, { model: "kinetic", mode, kon: (R * koff) / bmax, koff, bmax }, s);
      // exact fast-equilibrium problem for free ligand: D/(1+R), k_eff, s/(1+R)
      const keff = mode === "protected" ? k / (1 + R) : k;
      const p = { D: D / (1 + R), k: keff, s: s / (1 + R) };
      const lam = Math.sqrt(p.D / p.k);
      const pol = sol.defaultPolicy();
      for (const T of [1 / keff, 3 / keff]) {
        sol.advance(T, pol);
        for (const x of [0, 0.5 * lam, lam]) {
          expect(rel(sol.valueAt(x), flux1DTransient(x, T, p)), `t=${T} x=${x}`).toBeLessThan(0.01);
        }
      }
      // bound/free → R
      expect(rel(sol.bound![5] / sol.free[5], mode === "protected" ? R : (R * koff) / (koff + k))).toBeLessThan(0.01);
    });
  }
  it("removed mode with slow exchange deviates from the fast limit but matches its own exact steady state", () => {
    const koff = 0.01; // = k: not in the fast limit
    const kon = (R * koff) / bmax;
    const sol = solverFor(D, k, { model: "kinetic", mode: "removed", kon, koff, bmax }, s, {}, 5);
    // exact kinetic steady state: D C'' = [k + kon·Bmax·k/(koff + k)]·C
    const kss = k + (kon * bmax * k) / (koff + k);
    const lamK = Math.sqrt(D / kss);
    const lamFast = Math.sqrt(D / (k * (1 + R)));
    const m = measuredLambda(sol, lamK, 3 * lamK, 60 / k);
    expect(rel(m.lambda, lamK)).toBeLessThan(0.01);
    expect(rel(m.lambda, lamFast)).toBeGreaterThan(0.1);
  });
});

describe("interventions", () => {
  const D = 1, k = 0.01, lam0 = 10;
  it("enzyme inhibitor (k × f) lengthens λ by 1/√f", () => {
    const m = measuredLambda(solverFor(D, k, null, 1, { inhibitorFactor: 0.25 }), 20, 60, 40 / (0.25 * k));
    expect(rel(m.lambda, lam0 / Math.sqrt(0.25))).toBeLessThan(0.01);
  });
  it("neutralising antibody (k + k_ab on free ligand) shortens λ to √(D/(k + k_ab)), also when matrix-bound ligand is protected", () => {
    const kab = 0.03;
    const m = measuredLambda(solverFor(D, k, null, 1, { antibodyRate: kab }), 5, 15, 40 / (k + kab));
    expect(rel(m.lambda, Math.sqrt(D / (k + kab)))).toBeLessThan(0.01);
    const mp = measuredLambda(solverFor(D, k, { model: "fast", mode: "protected", ratio: 3 }, 1, { antibodyRate: kab }), 5, 15, (40 * 4) / (k + kab));
    expect(rel(mp.lambda, Math.sqrt(D / (k + kab)))).toBeLessThan(0.01);
  });
  it("fewer binding sites (heparanase, Bmax × f) lengthen λ in the removed regime: λ = λ0/√(1 + fR)", () => {
    const R = 15, f = 0.2;
    const lam = lam0 / Math.sqrt(1 + f * R);
    const m = measuredLambda(solverFor(D, k, { model: "fast", mode: "removed", ratio: R }, 1, { bmaxFactor: f }), lam, 3 * lam, 40 / k);
    expect(rel(m.lambda, lam)).toBeLessThan(0.01);
  });
  it("changing R mid-run conserves the total ligand (re-partitioning)", () => {
    const sol = solverFor(D, 0.01, { model: "fast", mode: "protected", ratio: 5 }, 1);
    sol.advance(300, sol.defaultPolicy());
    const before = sol.totalAmount();
    sol.setTransport(resolveTransport(D, 0.01, { model: "fast", mode: "protected", ratio: 5 }, { bmaxFactor: 0.1 }));
    expect(rel(sol.totalAmount(), before)).toBeLessThan(1e-12);
  });
});
