import { describe, expect, it } from "vitest";
import {
  accumulationTime1D,
  flux1DFraction,
  flux1DSchedule,
  flux1DSteady,
  flux1DSteadyFinite,
  flux1DTransient,
  green1D,
  green2D,
  signallingRange1D,
  signallingRangeSphere,
  sphereSteady,
  timeToFraction1D,
} from "./analytic";
import { TRANSIENT_REF } from "./reference-values";

// [D, k, x, t90] exact local time to 90 % of steady state, mpmath root
const T90_REF: Array<[number, number, number, number]> = [
  [0.1, 0.000252, 0.0, 5368.1417739988384],
  [0.1, 0.000252, 9.960238411119947, 6897.3318370245981],
  [0.1, 0.000252, 19.920476822239894, 8349.834471150385],
  [0.1, 0.000252, 39.840953644479788, 11116.020755249744],
  [0.1, 0.000252, 99.60238411119947, 18857.415433358839],
  [53.0, 0.002, 0.0, 676.38586352385364],
  [53.0, 0.002, 81.394102980498532, 869.06381146509936],
  [53.0, 0.002, 162.78820596099706, 1052.0791433649485],
  [53.0, 0.002, 325.57641192199413, 1400.6186151614677],
  [53.0, 0.002, 813.94102980498532, 2376.0343446032137],
  [400.0, 5000.0, 0.0, 0.00027055434540954146],
  [400.0, 5000.0, 0.1414213562373095, 0.00034762552458603975],
  [400.0, 5000.0, 0.28284271247461901, 0.0004208316573459794],
  [400.0, 5000.0, 0.56568542494923802, 0.00056024744606458708],
  [400.0, 5000.0, 1.414213562373095, 0.00095041373784128549],
  [1000.0, 1.0e-6, 0.0, 1352771.7270477073],
  [1000.0, 1.0e-6, 15811.388300841897, 1738127.6229301987],
  [1000.0, 1.0e-6, 31622.776601683793, 2104158.286729897],
  [1000.0, 1.0e-6, 63245.553203367587, 2801237.2303229354],
  [1000.0, 1.0e-6, 158113.88300841897, 4752068.6892064274],
];

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe("1-D switched-on flux solution", () => {
  it("matches 60-digit evaluations of the erfc formula (stable scaled form, no overflow)", () => {
    let checked = 0;
    for (const [D, k, s, x, t, ref] of TRANSIENT_REF) {
      const v = flux1DTransient(x, t, { D, k, s });
      expect(Number.isFinite(v)).toBe(true);
      if (ref > 1e-250) {
        expect(rel(v, ref), `D=${D} k=${k} x=${x} t=${t}`).toBeLessThan(1e-8);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("satisfies the PDE, the flux boundary condition and the initial condition (finite differences)", () => {
    const p = { D: 2, k: 0.05, s: 1.5 };
    for (const [x, t] of [[1, 3], [5, 20], [12, 40]]) {
      const hx = 1e-3 * x;
      const ht = 1e-4 * t;
      const Ct = (flux1DTransient(x, t + ht, p) - flux1DTransient(x, t - ht, p)) / (2 * ht);
      const Cxx = (flux1DTransient(x + hx, t, p) - 2 * flux1DTransient(x, t, p) + flux1DTransient(x - hx, t, p)) / (hx * hx);
      const residual = Ct - p.D * Cxx + p.k * flux1DTransient(x, t, p);
      expect(Math.abs(residual) / (p.k * flux1DTransient(x, t, p))).toBeLessThan(1e-4);
    }
    for (const t of [0.5, 10, 100]) {
      const h = 1e-5;
      const flux = (-p.D * (flux1DTransient(h, t, p) - flux1DTransient(0, t, p))) / h;
      expect(rel(flux, p.s)).toBeLessThan(1e-3);
    }
    expect(flux1DTransient(3, 1e-6, p)).toBe(0);
  });

  it("tends to the steady state s/√(Dk)·e^{−x/λ} and to the k = 0 solution", () => {
    const p = { D: 0.1, k: 2.5e-4, s: 1 };
    expect(rel(flux1DTransient(30, 1e7, p), Math.exp(-1.5) * 200)).toBeLessThan(1e-12);
    expect(rel(flux1DSteady(30, p), Math.exp(-1.5) * 200)).toBeLessThan(1e-14);
    // k → 0: C = s[2√(t/πD)e^{−x²/4Dt} − (x/D)erfc(x/2√(Dt))]; at x = 0: 2s√(t/(πD))
    const q = { D: 3, k: 1e-18, s: 2 };
    expect(rel(flux1DTransient(0, 10, q), 2 * 2 * Math.sqrt(10 / (Math.PI * 3)))).toBeLessThan(1e-12);
  });

  it("finite-domain steady states satisfy their boundary conditions", () => {
    const p = { D: 1, k: 0.01, s: 1 };
    const L = 25;
    const h = 1e-5;
    const noflux = (x: number) => flux1DSteadyFinite(x, L, p, "no-flux");
    expect(Math.abs(noflux(L) - noflux(L - h)) / noflux(L)).toBeLessThan(1e-5);
    expect(rel(-(noflux(h) - noflux(0)) / h, p.s)).toBeLessThan(1e-4);
    expect(flux1DSteadyFinite(L, L, p, "absorbing")).toBeCloseTo(0, 14);
    // L ≫ λ recovers the semi-infinite profile
    expect(rel(flux1DSteadyFinite(20, 2000, p), flux1DSteady(20, p))).toBeLessThan(1e-14);
  });
});

describe("local time to a fraction of steady state", () => {
  it("matches 60-digit roots of C(x,t)/C_ss(x) = 0.9", () => {
    for (const [D, k, x, ref] of T90_REF) expect(rel(timeToFraction1D(x, 0.9, { D, k, s: 1 }), ref), `D=${D} k=${k} x=${x}`).toBeLessThan(1e-9);
  });
  it("at x = 0 equals [erf⁻¹(f)]²/k", () => {
    // erf⁻¹(0.9) = 1.1630871536766740867, erf⁻¹(0.5) = 0.47693627620446987338
    expect(rel(timeToFraction1D(0, 0.9, { D: 7, k: 0.3, s: 1 }), 1.1630871536766740867 ** 2 / 0.3)).toBeLessThan(1e-10);
    expect(rel(timeToFraction1D(0, 0.5, { D: 7, k: 0.3, s: 1 }), 0.47693627620446987338 ** 2 / 0.3)).toBeLessThan(1e-10);
  });
  it("the mean accumulation time equals ∫(1 − C/C_ss)dt (quadrature of the exact solution)", () => {
    const p = { D: 1, k: 0.01, s: 1 };
    for (const x of [0, 10, 30]) {
      // trapezoid in u = ln t
      let sum = 0;
      const a = Math.log(1e-6);
      const b = Math.log(1e5);
      const n = 20000;
      for (let i = 0; i <= n; i++) {
        const u = a + ((b - a) * i) / n;
        const t = Math.exp(u);
        const w = i === 0 || i === n ? 0.5 : 1;
        sum += w * (1 - flux1DFraction(x, t, p)) * t;
      }
      sum *= (b - a) / n;
      sum += 1e-6; // ∫₀^{1e-6} (1 − 0) dt
      expect(rel(sum, accumulationTime1D(x, p))).toBeLessThan(1e-5);
      expect(rel(accumulationTime1D(x, p), (1 + x / 10) / (2 * 0.01))).toBeLessThan(1e-14);
    }
  });
});

describe("pulses by superposition", () => {
  it("equals the switched-on solution during the pulse and the difference after it", () => {
    const p = { D: 1, k: 0.01, s: 1 };
    const sched = { kind: "pulse" as const, start: 5, duration: 50 };
    expect(flux1DSchedule(2, 4, p, sched)).toBe(0);
    expect(rel(flux1DSchedule(2, 30, p, sched), flux1DTransient(2, 25, p))).toBeLessThan(1e-14);
    expect(rel(flux1DSchedule(2, 80, p, sched), flux1DTransient(2, 75, p) - flux1DTransient(2, 25, p))).toBeLessThan(1e-12);
  });
});

describe("3-D sphere steady state", () => {
  const p = { D: 2, k: 0.02, Q: 500, a: 4 };
  const C = (r: number) => sphereSteady(r, p);
  it("solves D(1/r²)(r²C′)′ = kC with −D C′(a) = Q/(4πa²) (finite differences)", () => {
    for (const r of [5, 10, 25]) {
      const h = 1e-3;
      const lap = (C(r + h) - 2 * C(r) + C(r - h)) / (h * h) + ((2 / r) * (C(r + h) - C(r - h))) / (2 * h);
      expect(Math.abs(p.D * lap - p.k * C(r)) / (p.k * C(r))).toBeLessThan(1e-5);
    }
    const h = 1e-6;
    const flux = (-p.D * (C(p.a + h) - C(p.a))) / h;
    expect(rel(flux, p.Q / (4 * Math.PI * p.a * p.a))).toBeLessThan(1e-4);
  });
  it("reduces to Q/(4πDr) without removal and falls faster than e^{−(r−a)/λ}", () => {
    expect(rel(sphereSteady(9, { ...p, k: 0 }), 500 / (4 * Math.PI * 2 * 9))).toBeLessThan(1e-14);
    const lam = Math.sqrt(p.D / p.k);
    for (const d of [1, 5, 20]) expect(C(p.a + d) / C(p.a)).toBeLessThan(Math.exp(-d / lam));
  });
  it("signalling range root lands on C = C*", () => {
    const cs = C(p.a) / 7;
    const x = signallingRangeSphere(p, cs);
    expect(rel(C(p.a + x), cs)).toBeLessThan(1e-10);
    expect(signallingRangeSphere(p, 2 * C(p.a))).toBe(0);
  });
});

describe("closed-form signalling range and Green's functions", () => {
  it("x* = λ ln(C0/C*), or 0 when C0 ≤ C*", () => {
    expect(signallingRange1D(100, 20, 1)).toBeCloseTo(20 * Math.log(100), 12);
    expect(signallingRange1D(0.5, 20, 1)).toBe(0);
  });
  it("Green's functions carry mass M (quadrature)", () => {
    let m1 = 0;
    for (let x = -50; x <= 50; x += 0.01) m1 += green1D(x, 3, 2, 5) * 0.01;
    expect(rel(m1, 5)).toBeLessThan(1e-8);
    let m2 = 0;
    for (let r = 0.005; r < 60; r += 0.01) m2 += green2D(r, 3, 2, 5) * 2 * Math.PI * r * 0.01;
    expect(rel(m2, 5)).toBeLessThan(1e-4);
  });
});
