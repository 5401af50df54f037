import { describe, expect, it } from "vitest";
import { simulateGradient } from "./gradient";

const rel = (a: number, b: number) => Math.abs(a / b - 1);

/** Distance at which a tabulated profile first drops below c* (linear interpolation). */
function crossing(xs: number[], cs: number[], cstar: number): number {
  for (let i = 1; i < xs.length; i++) {
    if (cs[i] < cstar && cs[i - 1] >= cstar) return xs[i - 1] + ((cs[i - 1] - cstar) / (cs[i - 1] - cs[i])) * (xs[i] - xs[i - 1]);
  }
  return cs[0] < cstar ? 0 : NaN;
}

describe("simulateGradient (1-D)", () => {
  const r = simulateGradient({ D: 0.1, k: 2.5e-4, Kd: 1, hill: 1, secretion: 1, threshold: 0.5, distances: [0, 10, 20, 40], profile: { points: 2001, xMax: 200 } });

  it("Dpp example: λ ≈ 20 µm, C0 = s/√(Dk) = 200 nM", () => {
    expect(r.decayLength).toBeCloseTo(20, 10);
    expect(r.sourceConcentration).toBeCloseTo(200, 8);
    expect(r.numericalSteadyState!.maxRelativeDeviation!).toBeLessThan(0.01);
  });

  it("signalling range: closed form λ·ln(C0/C*) agrees with the numerical profile's crossing", () => {
    // C* = Kd·(θ/(1−θ))^{1/n} = 1 nM → x* = 20·ln(200) = 105.966 µm
    expect(r.signallingRange!.thresholdConcentration).toBeCloseTo(1, 12);
    expect(rel(r.signallingRange!.range!, 20 * Math.log(200))).toBeLessThan(1e-12);
    const num = r.numericalSteadyState!;
    const xn = crossing(num.distance, num.occupancy.map((o) => o), 0.5);
    expect(rel(xn, r.signallingRange!.range!)).toBeLessThan(0.01);
  });

  it("signalling range with cooperativity and a higher threshold (n = 2, θ* = 0.9)", () => {
    const q = simulateGradient({ D: 1, k: 0.01, Kd: 5, hill: 2, secretion: 2, threshold: 0.9, profile: { points: 3001, xMax: 60 } });
    const cstar = 5 * Math.sqrt(0.9 / 0.1); // 15 nM
    expect(rel(q.signallingRange!.thresholdConcentration!, cstar)).toBeLessThan(1e-12);
    expect(rel(q.signallingRange!.range!, 10 * Math.log(20 / cstar))).toBeLessThan(1e-12);
    const num = q.numericalSteadyState!;
    expect(rel(crossing(num.distance, num.occupancy, 0.9), q.signallingRange!.range!)).toBeLessThan(0.01);
    // below threshold everywhere → range 0
    const none = simulateGradient({ D: 1, k: 0.01, Kd: 100, secretion: 1, numerics: { timeCourse: false } });
    expect(none.signallingRange!.range).toBe(0);
  });

  it("time to 90 %: exact values (mpmath) and the numerical crossing agree within 1%", () => {
    // exact t90 for D = 0.1, k = 2.5e-4 at x = 0, 10, 20, 40 (mpmath root of C/C_ss = 0.9)
    const ref = [5411.0869081896, 6952.5104917206, 8416.6331469198, 11204.948921291];
    const tf = r.timeToFraction!;
    expect(tf.method).toBe("exact-1d");
    ref.forEach((t, i) => {
      expect(rel(tf.time[i]!, t)).toBeLessThan(1e-8);
      expect(rel(tf.numerical![i]!, t)).toBeLessThan(0.01);
    });
  });

  it("time course: numerical vs exact columns agree where the signal is established", () => {
    const tc = r.timeCourse!;
    let checked = 0;
    tc.times.forEach((t, i) => {
      tc.distance.forEach((x, j) => {
        const ex = tc.exact![i][j];
        if (ex > 0.05 * 200 * Math.exp(-x / 20)) {
          expect(rel(tc.concentration[i][j], ex), `t=${t} x=${x}`).toBeLessThan(0.01);
          checked++;
        }
      });
    });
    expect(checked).toBeGreaterThan(100);
  });

  it("is JSON-serialisable without loss (no NaN/Infinity) and states units", () => {
    const json = JSON.stringify(r);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json).units.distance).toBe("µm");
    expect(r.units.concentration).toBe("nM");
    expect(r.units.time).toBe("s");
  });

  it("pulsed release reports peaks that match the exact superposition", () => {
    const p = simulateGradient({ D: 1, k: 0.01, secretion: 1, schedule: { kind: "pulse", duration: 20 }, distances: [0, 5, 10], times: Array.from({ length: 401 }, (_, i) => i) });
    expect(p.timeToFraction).toBeNull();
    const tc = p.timeCourse!;
    p.pulses!.distance.forEach((_, j) => {
      const exactPeak = Math.max(...tc.exact!.map((row) => row[j]));
      expect(rel(p.pulses!.peakConcentration[j], exactPeak)).toBeLessThan(0.01);
    });
    expect(p.pulses!.peakTime[0]).toBeCloseTo(20, 6); // at the source the peak is at switch-off
  });
});

describe("simulateGradient (3-D)", () => {
  it("steady state, signalling range and t90 against independent exact values", () => {
    const a = 5, D = 0.1, k = 2.5e-4, s = 1, lam = 20;
    const r = simulateGradient({ geometry: "3d", radius: a, D, k, secretion: s, Kd: 1, threshold: 0.5, distances: [0, 10, 20], profile: { points: 4001, xMax: 100 } });
    const Q = 4 * Math.PI * a * a * s;
    const exact = (d: number) => (Q / (4 * Math.PI * D * (a + d))) * Math.exp(-d / lam) / (1 + a / lam);
    expect(rel(r.parameters.sourceRate!, Q)).toBeLessThan(1e-14);
    expect(rel(r.sourceConcentration!, exact(0))).toBeLessThan(1e-12);
    r.steadyState!.distance.forEach((d, i) => {
      if (i % 400 === 0) expect(rel(r.steadyState!.concentration[i], exact(d))).toBeLessThan(1e-12);
    });
    expect(r.numericalSteadyState!.maxRelativeDeviation!).toBeLessThan(0.01);
    // range: exact(d*) = 1 nM
    expect(rel(exact(r.signallingRange!.range!), 1)).toBeLessThan(1e-9);
    const num = r.numericalSteadyState!;
    expect(rel(crossing(num.distance, num.concentration, 1), r.signallingRange!.range!)).toBeLessThan(0.01);
    // apparent decay length is shorter than λ because of the 1/r factor
    expect(r.apparentDecayLength!).toBeLessThan(lam);
    expect(rel(exact(r.apparentDecayLength!), exact(0) / Math.E)).toBeLessThan(1e-9);
    expect(r.timeToFraction!.method).toBe("numerical");
    // near a small cell the local steady state is reached much faster than in 1-D
    expect(r.timeToFraction!.time[0]!).toBeLessThan(5411);
  });
  it("3-D transient: t90 and C(r,t) match the exact Laplace-domain solution (numerically inverted with mpmath)", () => {
    // C̄(r,p) = Q/(4πD·p·r·(1 + a·q))·e^{−q(r−a)}, q = √((p+k)/D); inverted by Talbot's method (30 digits)
    const r = simulateGradient({ geometry: "3d", radius: 5, D: 0.1, k: 2.5e-4, secretion: 1, distances: [0, 10, 20, 40], times: [0, 1000, 3000] });
    const t90 = [1053.77862365, 3243.29935474, 5037.47802374, 8187.04175172];
    t90.forEach((t, i) => expect(rel(r.timeToFraction!.time[i]!, t), `d=${r.timeToFraction!.distance[i]}`).toBeLessThan(0.01));
    expect(rel(r.timeCourse!.concentration[1][0], 35.7852094849634905)).toBeLessThan(0.01); // C(a, 1000 s)
    expect(rel(r.timeCourse!.concentration[2][1], 7.16527313565847765)).toBeLessThan(0.01); // C(a + 10, 3000 s)
  });
  it("accepts a total secretion rate Q instead of a flux density", () => {
    const r = simulateGradient({ geometry: "3d", radius: 2, D: 1, k: 0.01, sourceRate: 1000, numerics: { timeCourse: false } });
    expect(rel(r.parameters.secretion, 1000 / (4 * Math.PI * 4))).toBeLessThan(1e-14);
    expect(rel(r.sourceConcentration!, (1000 / (4 * Math.PI * 1 * 2)) / (1 + 2 / 10))).toBeLessThan(1e-12);
  });
});

describe("simulateGradient input validation", () => {
  it("rejects invalid parameters with SimInputError", () => {
    expect(() => simulateGradient({ D: -1, k: 1 })).toThrow(/D must be > 0/);
    expect(() => simulateGradient({ D: 1, k: NaN })).toThrow(/k must be a finite number/);
    expect(() => simulateGradient({ D: 1, k: 1, threshold: 1 })).toThrow(/threshold/);
    expect(() => simulateGradient({ D: 1, k: 1, sourceRate: 3 })).toThrow(/3-D/);
    expect(() => simulateGradient({ D: 1, k: 0 })).toThrow(/tEnd/);
  });
  it("k = 0 with an end time: no steady state, but a finite time course", () => {
    const r = simulateGradient({ D: 1, k: 0, tEnd: 100, distances: [0, 5] });
    expect(r.steadyState).toBeNull();
    expect(r.warnings.join(" ")).toMatch(/no steady state/);
    expect(r.timeCourse!.concentration.flat().every(Number.isFinite)).toBe(true);
    // exact k = 0 value at x = 0: 2s√(t/(πD))
    expect(rel(r.timeCourse!.concentration[100][0], 2 * Math.sqrt(100 / Math.PI))).toBeLessThan(0.01);
  });
});
