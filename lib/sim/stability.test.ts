import { describe, expect, it } from "vitest";
import { simulateGradient } from "./gradient";
import { buildGrid } from "./grid";
import { PARAMETER_RANGES, effectiveCoefficients, resolveTransport, type MatrixSpec } from "./params";
import { Solver1D } from "./solver1d";
import { Sheet2D } from "./solver2d";

const R = PARAMETER_RANGES;
const Ds = [R.D.min, R.D.max];
const ks = [R.k.min, R.k.max];
const ratios = [R.matrixRatio.min, R.matrixRatio.max];

/** Checks a field for NaN/Infinity and for negative undershoot below −1e-9 of its maximum. */
function assertClean(field: ArrayLike<number>, label: string): void {
  let max = 0;
  let min = Infinity;
  for (let i = 0; i < field.length; i++) {
    const v = field[i];
    if (!Number.isFinite(v)) throw new Error(`${label}: non-finite value ${v} at ${i}`);
    max = Math.max(max, v);
    min = Math.min(min, v);
  }
  expect(min, label).toBeGreaterThanOrEqual(-1e-9 * max);
}

describe("stability at the corners of the UI parameter ranges", () => {
  it("1-D and 3-D time stepping: finite and non-negative at every step (16 corners × 2 geometries, pulsed source)", () => {
    let runs = 0;
    for (const D of Ds) {
      for (const k of ks) {
        for (const ratio of ratios) {
          for (const mode of ["protected", "removed"] as const) {
            for (const geometry of ["planar", "spherical"] as const) {
              const matrix: MatrixSpec | null = ratio > 0 ? { model: "fast", mode, ratio } : null;
              const t = resolveTransport(D, k, matrix);
              const e = effectiveCoefficients(t);
              const lam = e.lambda;
              const a = 5;
              const L = 12 * lam;
              const faces = buildGrid({ r0: geometry === "spherical" ? a : 0, hFine: lam / 40, fineLength: L, totalLength: L, hStart: geometry === "spherical" ? Math.min(a / 20, lam / 40) : lam / 40 });
              const s = runs % 2 ? R.secretion.max : R.secretion.min;
              const sol = new Solver1D({ geometry, faces, transport: t, sourceFlux: s, schedule: { kind: "pulse", duration: 2 * e.tau } });
              const label = `${geometry} D=${D} k=${k} R=${ratio} ${mode}`;
              let worst = 0;
              sol.advance(6 * e.tau, sol.defaultPolicy(), (x) => {
                let max = 0;
                for (let i = 0; i < x.n; i++) max = Math.max(max, x.free[i]);
                const min = x.minValue();
                if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`${label}: non-finite`);
                if (max > 0) worst = Math.min(worst, min / max);
              });
              expect(worst, label).toBeGreaterThanOrEqual(-1e-9);
              assertClean(sol.free, label);
              runs++;
            }
          }
        }
      }
    }
    expect(runs).toBe(32);
  }, 60_000);

  it("simulateGradient: every output finite, concentrations ≥ 0, occupancies in [0, 1] at the corners", () => {
    let i = 0;
    for (const D of Ds) {
      for (const k of ks) {
        for (const ratio of ratios) {
          for (const geometry of ["1d", "3d"] as const) {
            const hill = i % 2 ? R.hill.max : R.hill.min;
            const Kd = i % 3 ? R.Kd.max : R.Kd.min;
            const secretion = i % 2 ? R.secretion.min : R.secretion.max;
            const r = simulateGradient({
              geometry,
              D,
              k,
              Kd,
              hill,
              secretion,
              matrix: ratio > 0 ? { model: "fast", mode: i % 2 ? "removed" : "protected", ratio } : null,
              distances: [0, 10, 20, 40],
              profile: { points: 11 },
            });
            const label = `${geometry} D=${D} k=${k} R=${ratio}`;
            const numbers = [
              ...r.steadyState!.concentration,
              ...r.steadyState!.occupancy,
              ...r.numericalSteadyState!.concentration,
              ...r.timeCourse!.concentration.flat(),
              ...r.timeCourse!.occupancy.flat(),
            ];
            for (const v of numbers) {
              expect(Number.isFinite(v), label).toBe(true);
              expect(v, label).toBeGreaterThanOrEqual(0);
            }
            for (const o of r.steadyState!.occupancy) expect(o).toBeLessThanOrEqual(1);
            expect(Number.isFinite(r.decayLength!), label).toBe(true);
            expect(r.signallingRange!.range!, label).toBeGreaterThanOrEqual(0);
            for (const t of r.timeToFraction!.time) if (t !== null) expect(t).toBeGreaterThan(0);
            expect(JSON.stringify(r)).not.toMatch(/NaN/);
            i++;
          }
        }
      }
    }
  }, 60_000);

  it("kinetic matrix binding with very slow and very fast exchange stays finite and non-negative", () => {
    for (const koff of [1e-4, 1e4]) {
      for (const mode of ["protected", "removed"] as const) {
        const t = resolveTransport(1, 0.01, { model: "kinetic", mode, kon: koff, koff, bmax: 10 });
        const faces = buildGrid({ r0: 0, hFine: 0.1, fineLength: 40, totalLength: 40 });
        const sol = new Solver1D({ geometry: "planar", faces, transport: t, sourceFlux: R.secretion.max });
        sol.advance(300, { dtMin: 1e-3, dtMax: 1, growth: 0.01 }, (x) => {
          assertClean(x.free, `kinetic koff=${koff} ${mode} free`);
          assertClean(x.bound!, `kinetic koff=${koff} ${mode} bound`);
        });
      }
    }
  }, 60_000);

  it("2-D sheet: finite and non-negative for tiny, suggested and huge time steps", () => {
    for (const D of Ds) {
      for (const k of ks) {
        for (const ratio of ratios) {
          const sheet = new Sheet2D({
            nx: 40,
            ny: 30,
            h: 1,
            transport: resolveTransport(D, k, ratio ? { model: "fast", mode: "removed", ratio } : null),
            sources: [{ ix: 3, iy: 4, rate: R.secretion.max }, { ix: 30, iy: 20, rate: R.secretion.min }],
            schedule: { kind: "periodic", period: 1, duration: 0.3 },
          });
          const dts = [1e-6, sheet.suggestDt(), 1e4 * sheet.suggestDt()];
          for (const dt of dts) {
            for (let n = 0; n < 15; n++) {
              sheet.step(dt);
              assertClean(sheet.free, `2-D D=${D} k=${k} R=${ratio} dt=${dt}`);
            }
          }
        }
      }
    }
  }, 60_000);

  it("the undershoot check is meaningful: Crank–Nicolson forced far beyond its monotone step does undershoot", () => {
    const faces = buildGrid({ r0: 0, hFine: 0.05, fineLength: 20, totalLength: 20 });
    const spike = new Float64Array(faces.length - 1);
    spike[200] = 1;
    const make = (scheme: "crank-nicolson" | "auto") =>
      new Solver1D({ geometry: "planar", faces, transport: resolveTransport(1000, 0.01), sourceFlux: 0, scheme, initialFree: spike });
    const cn = make("crank-nicolson");
    cn.step(1000 * cn.dtMonotone());
    let max = 0;
    for (let i = 0; i < cn.n; i++) max = Math.max(max, cn.free[i]);
    expect(cn.minValue()).toBeLessThan(-1e-9 * max);
    // the automatic scheme selection avoids it
    const safe = make("auto");
    safe.step(1000 * safe.dtMonotone());
    expect(safe.minValue()).toBeGreaterThanOrEqual(0);
  });
});
