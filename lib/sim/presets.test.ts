import { describe, expect, it } from "vitest";
import { simulateGradient } from "./gradient";
import { PRESETS, getPreset, parametersOutsideRanges } from "./presets";

describe("presets", () => {
  it("covers the required scenarios", () => {
    const ids = PRESETS.map((p) => p.id);
    for (const id of ["dpp-wing-disc", "fgf-heparan-sulfate", "vegf-tumour", "tnf", "tnf-anti-tnf", "acetylcholine-synapse"]) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const p of PRESETS) {
    it(`${p.id}: documented, sourced, and runs cleanly`, () => {
      expect(p.description.length).toBeGreaterThan(200);
      for (const key of ["D", "k", "Kd", "secretion"]) expect(p.sources.some((s) => s.parameter === key), `${p.id} source for ${key}`).toBe(true);
      for (const s of p.sources) {
        expect(s.source.length).toBeGreaterThan(20);
        if (s.kind === "literature") expect(s.source).toMatch(/\(\d{4}\)|Principles of Neural Science/);
      }
      expect([...p.outsideSliderRange].sort()).toEqual(parametersOutsideRanges(p.input).sort());
      const r = simulateGradient(p.input);
      expect(r.warnings).toEqual([]);
      expect(JSON.stringify(r)).not.toMatch(/NaN/);
    });
  }

  it("Dpp uses Kicheva et al. (2007): D = 0.1 µm²/s, k = 2.52e-4 /s, λ ≈ 20 µm", () => {
    const p = getPreset("dpp-wing-disc")!;
    expect(p.input.D).toBe(0.1);
    expect(p.input.k).toBe(2.52e-4);
    expect(Math.sqrt(0.1 / 2.52e-4)).toBeCloseTo(19.92, 2);
    expect(simulateGradient({ ...p.input, numerics: { timeCourse: false } }).decayLength!).toBeCloseTo(19.92, 2);
  });

  it("FGF uses Yu et al. (2009) D ≈ 53 µm²/s; protected matrix keeps λ = √(D/k)", () => {
    const p = getPreset("fgf-heparan-sulfate")!;
    expect(p.input.D).toBe(53);
    const r = simulateGradient({ ...p.input, numerics: { timeCourse: false } });
    expect(r.decayLength!).toBeCloseTo(Math.sqrt(53 / 2e-3), 8);
  });

  it("anti-TNF antibody shortens the decay length by √((k + k_ab)/k) and the signalling range", () => {
    const a = simulateGradient({ ...getPreset("tnf")!.input, numerics: { timeCourse: false } });
    const b = simulateGradient({ ...getPreset("tnf-anti-tnf")!.input, numerics: { timeCourse: false } });
    expect(a.decayLength! / b.decayLength!).toBeCloseTo(Math.sqrt((1e-3 + 0.03) / 1e-3), 8);
    expect(b.signallingRange!.range!).toBeLessThan(a.signallingRange!.range!);
    // the numbers quoted in the preset descriptions
    expect(a.decayLength!).toBeCloseTo(223.6, 1);
    expect(b.decayLength!).toBeCloseTo(40.2, 1);
    expect(Math.round(a.signallingRange!.range!)).toBe(34);
    expect(Math.round(b.signallingRange!.range!)).toBe(19);
  });

  it("acetylcholine is cleared in well under a millisecond and peaks in the 0.1–1 mM range at the postsynaptic membrane", () => {
    const r = simulateGradient(getPreset("acetylcholine-synapse")!.input);
    const j = r.pulses!.distance.indexOf(0.02);
    expect(r.pulses!.peakConcentration[j]).toBeGreaterThan(1e5);
    expect(r.pulses!.peakConcentration[j]).toBeLessThan(1e6);
    // 1 ms after the start, < 1 % of the peak is left
    const tc = r.timeCourse!;
    const i = tc.times.findIndex((t) => t >= 1e-3);
    expect(tc.concentration[i][j]).toBeLessThan(0.01 * r.pulses!.peakConcentration[j]);
  });
});
