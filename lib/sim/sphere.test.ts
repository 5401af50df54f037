import { describe, expect, it } from "vitest";
import { buildGrid } from "./grid";
import { resolveTransport } from "./params";
import { Solver1D } from "./solver1d";

const rel = (a: number, b: number) => Math.abs(a / b - 1);

/** Exact steady state written out independently of lib/sim/analytic.ts. */
function exactSphere(r: number, D: number, k: number, Q: number, a: number): number {
  const lam = Math.sqrt(D / k);
  return (Q / (4 * Math.PI * D * r)) * Math.exp(-(r - a) / lam) / (1 + a / lam);
}

function sphereSolver(D: number, k: number, s: number, a: number) {
  const lam = Math.sqrt(D / k);
  const L = 12 * lam;
  const faces = buildGrid({ r0: a, hFine: lam / 40, fineLength: L, totalLength: L, hStart: Math.min(a / 20, lam / 40) });
  return new Solver1D({ geometry: "spherical", faces, transport: resolveTransport(D, k), sourceFlux: s });
}

describe("3-D spherical source cell", () => {
  it("time-stepped to steady state matches Q/(4πDr)·e^{−(r−a)/λ}/(1+a/λ) within 1%", () => {
    for (const [D, k, a, s] of [
      [0.1, 2.5e-4, 5, 1],
      [10, 1, 5, 2],
      [1000, 1e-6, 5, 0.01],
      [0.01, 10, 5, 100],
      [50, 1e-3, 100, 1],
    ]) {
      const lam = Math.sqrt(D / k);
      const sol = sphereSolver(D, k, s, a);
      sol.advance(40 / k, sol.defaultPolicy());
      const Q = 4 * Math.PI * a * a * s;
      for (const d of [0, 0.5 * a, a, lam, 3 * lam, 6 * lam].filter((x) => x <= 10 * lam)) {
        expect(rel(sol.valueAt(d), exactSphere(a + d, D, k, Q, a)), `D=${D} k=${k} d=${d}`).toBeLessThan(0.01);
      }
      expect(sol.minValue()).toBeGreaterThanOrEqual(0);
    }
  });
  it("the profile falls faster than a single exponential (1/r factor)", () => {
    const D = 0.1, k = 2.5e-4, a = 5, lam = 20;
    const sol = sphereSolver(D, k, 1, a);
    const ss = sol.steadyState();
    const c0 = sol.valueAt(0, ss, 1);
    for (const d of [5, 20, 40]) {
      const ratio = sol.valueAt(d, ss, 1) / c0;
      expect(ratio).toBeLessThan(Math.exp(-d / lam));
      expect(rel(ratio, (a / (a + d)) * Math.exp(-d / lam))).toBeLessThan(0.01);
    }
  });
  it("without removal and with an absorbing outer boundary at R: C = Q/(4πD)·(1/r − 1/R)", () => {
    const D = 3, a = 2, R = 60, s = 1.5;
    const faces = buildGrid({ r0: a, hFine: 0.25, fineLength: R - a, totalLength: R - a, hStart: 0.05 });
    const sol = new Solver1D({ geometry: "spherical", faces, transport: resolveTransport(D, 0), sourceFlux: s, outer: "absorbing" });
    const ss = sol.steadyState();
    const Q = 4 * Math.PI * a * a * s;
    for (const r of [a, 4, 10, 30]) expect(rel(sol.valueAt(r - a, ss, s), (Q / (4 * Math.PI * D)) * (1 / r - 1 / R))).toBeLessThan(0.01);
  });
});
