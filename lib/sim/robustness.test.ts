// Runs that used to never finish, the work budget, the physics-based end time and a seeded
// property test. Work is counted (steps × cells), never timed, so no test depends on the machine.
import { describe, expect, it } from "vitest";
import { SimBudgetError, SimInputError } from "./errors";
import { simulateGradient, type GradientInput } from "./gradient";
import { uniformGrid } from "./grid";
import { resolveTransport } from "./params";
import { DEFAULT_WORK_BUDGET, Solver1D, planSteps } from "./solver1d";
import { erfc } from "./special";

// Exact 1-D flux switched on at t = 0 (docs/simulator.md §3.1), written out independently here.
function fluxOn(x: number, t: number, D: number, k: number, s = 1): number {
  if (t <= 0) return 0;
  const xi = x / (2 * Math.sqrt(D * t));
  if (k === 0) return s * (2 * Math.sqrt(t / (Math.PI * D)) * Math.exp(-xi * xi) - (x / D) * erfc(xi));
  const lam = Math.sqrt(D / k);
  const r = Math.sqrt(k * t);
  return (s / (2 * Math.sqrt(D * k))) * (Math.exp(-x / lam) * erfc(xi - r) - Math.exp(x / lam) * erfc(xi + r));
}
const pulseExact = (x: number, t: number, D: number, k: number, P: number) => fluxOn(x, t, D, k) - fluxOn(x, t - P, D, k);

/** Peak of the exact pulse response at x: golden-section search on log t after the pulse. */
function exactPeak(x: number, D: number, k: number, P: number): { t: number; c: number } {
  let best = { t: P, c: pulseExact(x, P, D, k, P) };
  // coarse scan, then refine
  for (let i = 0; i <= 4000; i++) {
    const t = P * Math.pow(10, (12 * i) / 4000);
    const c = pulseExact(x, t, D, k, P);
    if (c > best.c) best = { t, c };
  }
  let lo = best.t / 1.01;
  let hi = best.t * 1.01;
  for (let i = 0; i < 100; i++) {
    const m1 = lo + (hi - lo) * 0.382;
    const m2 = lo + (hi - lo) * 0.618;
    if (pulseExact(x, m1, D, k, P) > pulseExact(x, m2, D, k, P)) hi = m2;
    else lo = m1;
  }
  const t = 0.5 * (lo + hi);
  return { t: Math.max(t, P), c: Math.max(best.c, pulseExact(x, t, D, k, P)) };
}

describe("runs that never finished now finish, within the work budget, with exact physics", { timeout: 60_000 }, () => {
  it.each([
    ["--D 0.1 --k 1e-6 --pulse 1", { D: 0.1, k: 1e-6 }],
    ["--D 0.1 --k 1e-6 --pulse 1 --x 10,20", { D: 0.1, k: 1e-6, distances: [10, 20] }],
    ["--D 0.1 --k 1e-7 --pulse 1 --x 10,20", { D: 0.1, k: 1e-7, distances: [10, 20] }],
  ] as Array<[string, GradientInput]>)("%s", (_label, base) => {
    const input: GradientInput = { ...base, schedule: { kind: "pulse", duration: 1 } };
    const r = simulateGradient(input);
    const n = r.numerics!;
    // Before the fix: ~1.3e8 steps (the step stayed at pulse/20 for the whole run).
    expect(n.steps).toBeLessThan(20_000);
    expect(n.work).toBeLessThanOrEqual(DEFAULT_WORK_BUDGET);
    expect(n.work).toBe(n.steps * n.cells);
    expect(Math.abs(n.plannedSteps - n.steps)).toBeLessThanOrEqual(2);
    r.pulses!.distance.forEach((x, j) => {
      if (x > 600) return; // far points: peak C < 1e-3 of the source value, checked below for x ≤ 2λ
      const ex = exactPeak(x, input.D, input.k, 1);
      expect(Math.abs(r.pulses!.peakConcentration[j] / ex.c - 1), `peak C at ${x} µm`).toBeLessThan(0.01);
      if (x > 0) expect(Math.abs(r.pulses!.peakTime[j] / ex.t - 1), `peak time at ${x} µm`).toBeLessThan(0.02);
    });
  });

  it("--kon 1 --koff 1e-9 --bmax 1e9 refuses before the work, saying how many steps it needs", () => {
    let err: unknown;
    try {
      simulateGradient({ D: 0.1, k: 2.5e-4, matrix: { model: "kinetic", mode: "protected", kon: 1, koff: 1e-9, bmax: 1e9 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimBudgetError);
    const e = err as SimBudgetError;
    expect(e.code).toBe("over-budget");
    // planned, not discovered by running: the estimate is known and far above the budget
    expect(e.neededWork).not.toBeNull();
    expect(e.neededWork!).toBeGreaterThan(1e6 * e.budget);
    expect(e.message).toMatch(/^this run needs ~\S+ time steps on \d+ grid cells, more than the budget of 5e\+7 cell-steps \(1e\+5 steps\); shorten t-end/);
    expect(e.message).toMatch(/fast-equilibrium matrix model/);
  });

  it("--D 400 --k 0 --pulse 1e-8 --x 0.05: the run lasts until the peak (x²/2D ≈ 3.1 µs), not 11 pulse lengths", () => {
    const r = simulateGradient({ D: 400, k: 0, schedule: { kind: "pulse", duration: 1e-8 }, distances: [0.05, 0.02] });
    expect(r.numerics!.endTime).toBeGreaterThan(3 * 3.125e-6);
    r.pulses!.distance.forEach((x, j) => {
      const ex = exactPeak(x, 400, 0, 1e-8);
      expect(Math.abs(r.pulses!.peakTime[j] / ex.t - 1), `peak time at ${x} µm`).toBeLessThan(0.02);
      expect(Math.abs(r.pulses!.peakConcentration[j] / ex.c - 1), `peak C at ${x} µm`).toBeLessThan(0.01);
    });
    expect(Math.abs(r.pulses!.peakTime[0] / 3.125e-6 - 1)).toBeLessThan(0.02);
  });

  it("a tiny D gets a physical message, not a numerical one", () => {
    expect(() => simulateGradient({ D: 1e-9, k: 1e-3 })).toThrow(/^D = 1e-9 µm²\/s: the signal would take ~1600 years to cross 10 µm/);
    try {
      simulateGradient({ D: 1e-9, k: 1e-3 });
    } catch (e) {
      expect((e as SimInputError).code).toBe("unphysical");
    }
  });
});

describe("work budget", { timeout: 60_000 }, () => {
  const transport = resolveTransport(1, 0.01);

  it("counts work over the whole run, not per output time (the old counter reset at every output)", () => {
    const sol = new Solver1D({ geometry: "planar", faces: uniformGrid(100, 50), transport, sourceFlux: 1, workBudget: 1000 * 50 });
    const policy = { dtMin: 1e-3, dtMax: 1e-3, growth: 0.005 };
    // 2000 output times, each needing 1 step: under a per-call limit this would never stop.
    expect(() => {
      for (let i = 1; i <= 2000; i++) sol.advance(i * 1e-3, policy);
    }).toThrow(SimBudgetError);
    expect(sol.steps).toBe(1000);
    expect(sol.work).toBe(1000 * 50);
  });

  it("planSteps counts the steps advance takes (constant, pulse, periodic schedules)", () => {
    for (const schedule of [
      { kind: "constant" } as const,
      { kind: "pulse", duration: 2 } as const,
      { kind: "periodic", duration: 3, period: 50 } as const,
    ]) {
      const sol = new Solver1D({ geometry: "planar", faces: uniformGrid(200, 200), transport, sourceFlux: 1, schedule });
      const policy = sol.defaultPolicy(2000, 50);
      const targets = [1, 10, 100, 700, 2000];
      const planned = planSteps(schedule, policy, targets);
      for (const t of targets) sol.advance(t, policy);
      expect(Math.abs(planned - sol.steps), schedule.kind).toBeLessThanOrEqual(2 * targets.length);
    }
  });

  it("after a pulse the step grows past pulse/20 (the cap applies near switches only)", () => {
    const sol = new Solver1D({ geometry: "planar", faces: uniformGrid(2000, 400), transport: resolveTransport(0.1, 1e-6), sourceFlux: 1, schedule: { kind: "pulse", duration: 1 } });
    const policy = sol.defaultPolicy(1e6, 20);
    let maxDt = 0;
    let last = 0;
    sol.advance(1e6, policy, (s) => {
      maxDt = Math.max(maxDt, s.t - last);
      last = s.t;
    });
    expect(maxDt).toBeGreaterThan(100 * (1 / 20));
    expect(sol.steps).toBeLessThan(10_000);
  });

  it("the caller can lower the budget; the refusal comes before any step is taken", () => {
    expect(() => simulateGradient({ D: 0.1, k: 2.5e-4, numerics: { workBudget: 1e5 } })).toThrow(SimBudgetError);
  });
});

// Seeded generator (mulberry32): the same cases on every run.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("property: random valid lab parameters always finish within the budget", () => {
  it("24 seeded random cases across the slider ranges, all schedules, both geometries", { timeout: 300_000 }, () => {
    const rnd = mulberry32(20261202);
    const logU = (a: number, b: number) => a * Math.pow(b / a, rnd());
    for (let i = 0; i < 24; i++) {
      const kind = (["constant", "pulse", "periodic"] as const)[Math.floor(rnd() * 3)];
      const duration = logU(1e-4, 1e5);
      const period = Math.min(1e6, duration * logU(1.01, 1e4));
      const R = rnd() < 0.4 ? 0 : logU(0.01, 1000);
      const geometry = rnd() < 0.5 ? "1d" : "3d";
      const input: GradientInput = {
        geometry,
        ...(geometry === "3d" ? { radius: logU(1, 500) } : {}),
        D: logU(0.01, 1000),
        k: logU(1e-6, 10),
        Kd: logU(1e-3, 1e3),
        secretion: logU(1e-3, 1e3),
        matrix: R > 0 ? { model: "fast", mode: rnd() < 0.5 ? "protected" : "removed", ratio: R } : null,
        interventions: { inhibitorFactor: logU(0.01, 1), antibodyRate: rnd() < 0.5 ? 0 : logU(1e-5, 10) },
        schedule: kind === "constant" ? { kind } : kind === "pulse" || period <= duration ? { kind: "pulse", duration } : { kind, duration, period },
      };
      const r = simulateGradient(input);
      const n = r.numerics!;
      const label = JSON.stringify(input);
      expect(n.work, label).toBeLessThanOrEqual(DEFAULT_WORK_BUDGET);
      expect(Math.abs(n.plannedSteps - n.steps), label).toBeLessThanOrEqual(0.01 * n.steps + 10);
      expect(r.warnings.filter((w) => /negative|exceeds τ/.test(w)), label).toEqual([]);
    }
  });
});

describe("property: random kinetic-binding runs finish within the budget or are refused before the work", () => {
  it("16 seeded random cases (kinetic matrix, all schedules, both geometries, budget 1e7)", { timeout: 300_000 }, () => {
    const rnd = mulberry32(7);
    const logU = (a: number, b: number) => a * Math.pow(b / a, rnd());
    const budget = 1e7;
    let finished = 0;
    let refused = 0;
    for (let i = 0; i < 16; i++) {
      const kind = (["constant", "pulse", "periodic"] as const)[Math.floor(rnd() * 3)];
      const duration = logU(1e-4, 1e5);
      const period = Math.min(1e6, duration * logU(1.01, 1e4));
      const input: GradientInput = {
        geometry: rnd() < 0.5 ? "1d" : "3d",
        D: logU(0.01, 1000),
        k: logU(1e-6, 10),
        matrix: { model: "kinetic", mode: rnd() < 0.5 ? "protected" : "removed", kon: logU(1e-4, 1), koff: logU(1e-4, 10), bmax: logU(1, 1000) },
        schedule: kind === "constant" ? { kind } : kind === "pulse" || period <= duration ? { kind: "pulse", duration } : { kind, duration, period },
        numerics: { workBudget: budget },
      };
      const label = JSON.stringify(input);
      try {
        const r = simulateGradient(input);
        expect(r.numerics!.work, label).toBeLessThanOrEqual(budget);
        finished++;
      } catch (e) {
        expect(e, label).toBeInstanceOf(SimBudgetError);
        // refused from the plan, before any step: the need is known and above the budget
        expect((e as SimBudgetError).neededWork, label).toBeGreaterThan(budget);
        refused++;
      }
    }
    // the generator exercises both outcomes
    expect(finished).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
