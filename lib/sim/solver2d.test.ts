import { describe, expect, it } from "vitest";
import { resolveTransport } from "./params";
import { Sheet2D } from "./solver2d";

const rel = (a: number, b: number) => Math.abs(a / b - 1);

/** Finite-domain 1-D steady state with zero flux at L (written out independently). */
const cosh1D = (x: number, L: number, D: number, k: number, s: number) => {
  const lam = Math.sqrt(D / k);
  return ((s / Math.sqrt(D * k)) * Math.cosh((L - x) / lam)) / Math.sinh(L / lam);
};

describe("2-D sheet: line source spanning the sheet reproduces the 1-D exact profile", () => {
  it("time-stepped (Peaceman–Rachford) to steady state, within 1%", () => {
    const D = 1, k = 0.01, s = 2, lam = 10, h = lam / 20, nx = 160, ny = 6;
    const sheet = new Sheet2D({ nx, ny, h, transport: resolveTransport(D, k), edge: { side: "left", flux: s } });
    const dt = 0.9 * sheet.dtMonotone();
    expect(sheet.schemeFor(dt)).toBe("peaceman-rachford");
    sheet.advance(30 / k, dt);
    const L = nx * h;
    for (const i of [0, 10, 20, 40, 80, 120, 159]) {
      const x = (i + 0.5) * h;
      for (const j of [0, 3, 5]) expect(rel(sheet.at(i, j), cosh1D(x, L, D, k, s)), `i=${i} j=${j}`).toBeLessThan(0.01);
    }
  });
  it("time-stepped with large steps (backward-Euler ADI) and the ADI steady-state iteration, within 1%", () => {
    const D = 40, k = 0.5, s = 1, lam = Math.sqrt(D / k), h = lam / 15, nx = 150, ny = 4;
    const sheet = new Sheet2D({ nx, ny, h, transport: resolveTransport(D, k), edge: { side: "left", flux: s } });
    const dt = sheet.suggestDt();
    expect(sheet.schemeFor(dt)).toBe("lod-backward-euler");
    sheet.advance(40 / k, dt);
    const ss = sheet.steadyState();
    const L = nx * h;
    for (const i of [0, 15, 45, 90, 149]) {
      const x = (i + 0.5) * h;
      expect(rel(sheet.at(i, 1), cosh1D(x, L, D, k, s))).toBeLessThan(0.01);
      expect(rel(ss[nx + i], cosh1D(x, L, D, k, s))).toBeLessThan(0.01);
    }
  });
});

describe("2-D sheet: point source", () => {
  it("steady state of a single source cell matches q/(2πD)·K0(r/λ) within 1%", () => {
    // K0(r/10) for r = 3, 5, 10, 20, 30 from mpmath
    const K0: Array<[number, number]> = [
      [3, 1.3724600605442974],
      [5, 0.92441907122766586],
      [10, 0.42102443824070833],
      [20, 0.11389387274953344],
      [30, 0.034739504386279248],
    ];
    const D = 4, k = 0.04, q = 50, h = 0.5, n = 401, c = 200;
    const sheet = new Sheet2D({ nx: n, ny: n, h, transport: resolveTransport(D, k), sources: [{ ix: c, iy: c, rate: q }] });
    const ss = sheet.steadyState();
    for (const [r, k0] of K0) {
      const exact = (q / (2 * Math.PI * D)) * k0;
      expect(rel(ss[c * n + c + r / h], exact), `r=${r}`).toBeLessThan(0.01);
      expect(rel(ss[(c + r / h) * n + c], exact), `r=${r} (y)`).toBeLessThan(0.01);
    }
  });
});

describe("2-D sheet: free diffusion Green's function", () => {
  it("an initial Gaussian spreads as M/(4πDt)·exp(−r²/4Dt)", () => {
    const n = 201, h = 0.5, D = 2, t0 = 1, t = 5, M = 1;
    const c = (n * h) / 2;
    const G = (r: number, T: number) => (M / (4 * Math.PI * D * T)) * Math.exp(-(r * r) / (4 * D * T));
    const init = new Float64Array(n * n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) init[j * n + i] = G(Math.hypot((i + 0.5) * h - c, (j + 0.5) * h - c), t0);
    const sheet = new Sheet2D({ nx: n, ny: n, h, transport: resolveTransport(D, 0), initialFree: init });
    sheet.advance(t, 0.02);
    for (const [di, dj] of [[0, 0], [4, 0], [0, 8], [6, 6], [12, 0]]) {
      const i = 100 + di, j = 100 + dj;
      const r = Math.hypot((i + 0.5) * h - c, (j + 0.5) * h - c);
      expect(rel(sheet.at(i, j), G(r, t0 + t)), `(${di},${dj})`).toBeLessThan(0.01);
    }
  });
});

describe("2-D sheet: conservation and positivity", () => {
  it("k = 0 with zero-flux edges: total = initial + secreted to 1e-9, for both ADI schemes and pulses", () => {
    for (const scheme of ["peaceman-rachford", "lod-backward-euler"] as const) {
      const n = 60, h = 1;
      const init = new Float64Array(n * n).map((_, i) => ((i * 7919) % 13) / 13);
      const sheet = new Sheet2D({
        nx: n,
        ny: n,
        h,
        transport: resolveTransport(5, 0),
        sources: [{ ix: 10, iy: 20, rate: 30 }, { ix: 40, iy: 41, rate: 5 }],
        edge: { side: "bottom", flux: 2 },
        schedule: { kind: "periodic", period: 3, duration: 1, count: 4 },
        initialFree: init,
        scheme,
      });
      const initial = sheet.totalAmount();
      sheet.advance(20, 0.07);
      const secreted = (30 + 5 + 2 * n * h) * 4 * 1; // (Σ rates)·(total on-time)
      expect(Math.abs(sheet.totalAmount() - (initial + secreted)) / (initial + secreted)).toBeLessThan(1e-9);
      expect(sheet.minValue()).toBeGreaterThanOrEqual(0);
    }
  });
  it("kinetic matrix binding in 2-D conserves free + bound (k = 0, protected)", () => {
    const sheet = new Sheet2D({
      nx: 40,
      ny: 30,
      h: 2,
      transport: resolveTransport(3, 0, { model: "kinetic", mode: "protected", kon: 0.1, koff: 0.3, bmax: 20 }),
      sources: [{ ix: 20, iy: 15, rate: 100 }],
    });
    sheet.advance(50, 0.25);
    expect(Math.abs(sheet.totalAmount() - 100 * 50) / (100 * 50)).toBeLessThan(1e-9);
    expect(sheet.minValue()).toBeGreaterThanOrEqual(0);
  });
  it("a point source with huge time steps stays non-negative and monotone in distance", () => {
    const sheet = new Sheet2D({ nx: 50, ny: 50, h: 1, transport: resolveTransport(1000, 1e-6), sources: [{ ix: 25, iy: 25, rate: 1e3 }] });
    for (let i = 0; i < 20; i++) sheet.step(1e5);
    expect(sheet.minValue()).toBeGreaterThanOrEqual(0);
    for (let i = 26; i < 50; i++) expect(sheet.at(i, 25)).toBeLessThanOrEqual(sheet.at(i - 1, 25));
  });
});
