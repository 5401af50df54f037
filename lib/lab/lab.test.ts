import { describe, expect, it } from "vitest";
import { PRESETS, simulateGradient } from "@/lib/sim";
import { formatDuration, formatNumber, formatPercentChange, formatQuantity, parseNumber } from "./format";
import { CONTROLS, DEFAULT_PARAMS, SLIDER_STEPS, fromSlider, paramsFromPreset, parseDistances, toGradientInput, toSlider } from "./params";
import { describeChange, describeFirstRun, type Run } from "./summary";
import { niceTicks } from "./ticks";
import { applyChange, runPoe } from "./poe";
import { planSheet } from "./sheet";
import { activitiesSchema } from "./activities";

const run = (params: typeof DEFAULT_PARAMS): Run => ({ params, result: simulateGradient({ ...toGradientInput(params), numerics: { timeCourse: false } }) });

describe("format", () => {
  it("formats three significant figures, powers of ten and units", () => {
    expect(formatNumber(19.92)).toBe("19.9");
    expect(formatNumber(2.52e-4)).toBe("2.52×10⁻⁴");
    expect(formatNumber(5e8)).toBe("5×10⁸");
    expect(formatNumber(11205)).toBe("11,200");
    expect(formatNumber(0.05)).toBe("0.05");
    expect(formatNumber(null)).toBe("—");
    expect(formatQuantity(14.09, "µm")).toBe("14.1 µm");
    expect(formatQuantity(0.5, "dimensionless")).toBe("0.5");
    expect(formatDuration(8416.6)).toBe("8,420 s (2.34 h)");
    expect(formatDuration(2e-4)).toBe("2×10⁻⁴ s (200 µs)");
    expect(formatPercentChange(20, 14.14)).toBe("−29%");
    expect(formatPercentChange(10, 10.5)).toBe("+5%");
  });
  it("parses typed numbers and refuses junk", () => {
    expect(parseNumber("2.5e-4")).toBe(2.5e-4);
    expect(parseNumber(" 0,5 ")).toBe(0.5);
    expect(parseNumber("5×10^8")).toBe(5e8);
    expect(parseNumber("abc")).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("1e999")).toBeNull();
  });
});

describe("slider mapping", () => {
  it("round-trips log sliders to 3 significant figures and spans the whole range", () => {
    const D = CONTROLS.D;
    expect(fromSlider(D, 0)).toBe(0.01);
    expect(fromSlider(D, SLIDER_STEPS)).toBe(1000);
    for (const v of [0.1, 0.5, 53, 400]) {
      const back = fromSlider(D, toSlider(D, v).position);
      expect(Math.abs(back / v - 1)).toBeLessThan(0.012);
    }
  });
  it("maps zero to the lowest position where zero is allowed", () => {
    expect(toSlider(CONTROLS.matrixRatio, 0)).toEqual({ position: 0, outside: null });
    expect(fromSlider(CONTROLS.matrixRatio, 0)).toBe(0);
    expect(fromSlider(CONTROLS.matrixRatio, 1)).toBe(0.01);
    expect(toSlider(CONTROLS.antibodyRate, 0.03).outside).toBeNull();
  });
  it("pins values outside the slider range without changing them", () => {
    expect(toSlider(CONTROLS.k, 5000)).toEqual({ position: SLIDER_STEPS, outside: "above" });
    expect(toSlider(CONTROLS.Kd, 1e-5)).toEqual({ position: 0, outside: "below" });
    expect(toSlider(CONTROLS.hill, 5).outside).toBe("above");
    expect(fromSlider(CONTROLS.hill, 500)).toBe(2.3);
  });
});

describe("presets in the lab", () => {
  it("keeps every preset value as it is (never clamped) and reproduces the preset's result", () => {
    for (const preset of PRESETS) {
      const p = paramsFromPreset(preset);
      const a = simulateGradient({ ...toGradientInput(p), numerics: { timeCourse: false } });
      const b = simulateGradient({ ...preset.input, numerics: { timeCourse: false } });
      expect(a.decayLength, preset.id).toBeCloseTo(b.decayLength!, 9);
      expect(a.sourceConcentration, preset.id).toBeCloseTo(b.sourceConcentration!, 9);
      expect(a.signallingRange?.range ?? null, preset.id).toEqual(b.signallingRange?.range ?? null);
      const outside = (["D", "k", "Kd", "hill", "secretion"] as const).filter((key) => toSlider(CONTROLS[key], p[key]).outside);
      expect(outside.sort(), preset.id).toEqual(preset.outsideSliderRange.filter((x) => x !== "matrixRatio").sort());
    }
  });
  it("parses distance lists", () => {
    expect(parseDistances("0, 10 20.5")).toEqual([0, 10, 20.5]);
    expect(parseDistances("-1")).toBeNull();
    for (const bad of ["0x10", "0b1", "Infinity", "1_000", "1e"]) expect(parseDistances(bad), bad).toBeNull();
    expect(parseDistances("")).toBeNull();
  });
});

describe("summary of a change", () => {
  const dpp = paramsFromPreset(PRESETS.find((p) => p.id === "dpp-wing-disc")!);
  it("says that doubling k shortens the decay length by 29%", () => {
    const text = describeChange(run(dpp), run({ ...dpp, k: dpp.k * 2 }));
    expect(text).toMatch(/^Doubling k shortened the decay length from 19\.9 µm to 14\.1 µm \(−29%\)/);
    expect(text).toContain("signalling range");
  });
  it("says when the decay length is unchanged (secretion changes only the amplitude)", () => {
    const text = describeChange(run(dpp), run({ ...dpp, secretion: dpp.secretion * 10 }))!;
    expect(text).toMatch(/^Raising the secretion tenfold left the decay length unchanged at 19\.9 µm, extended the signalling range/);
    expect(text).toContain("raised the source concentration from 9.96 nM to 99.6 nM (+900%)");
  });
  it("names the regime change and several parameters", () => {
    const fgf = paramsFromPreset(PRESETS.find((p) => p.id === "fgf-heparan-sulfate")!);
    const text = describeChange(run(fgf), run({ ...fgf, matrixMode: "removed" }))!;
    expect(text).toMatch(/^Letting matrix-bound ligand be removed like free ligand shortened the decay length from 163 µm to 49\.1 µm \(−70%\)/);
    expect(describeChange(run(dpp), run({ ...dpp, D: 0.2, Kd: 2 }))).toMatch(/^Changing D and Kd lengthened the decay length/);
    expect(describeChange(run(dpp), run(dpp))).toBeNull();
    expect(describeFirstRun(run(dpp))).toBe("Decay length 19.9 µm, signalling range 45.8 µm, source concentration 9.96 nM.");
  });
  it("announces a preset switch by its title", () => {
    const tnf = paramsFromPreset(PRESETS.find((p) => p.id === "tnf")!);
    expect(describeChange(run(dpp), run(tnf))).toMatch(/^Switching to the preset “TNF from an activated macrophage” lengthened the decay length from 19\.9 µm to 224 µm/);
  });
});

describe("ticks", () => {
  it("chooses 1-2-5 steps covering the data", () => {
    expect(niceTicks(0, 100).ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 9.96).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 1).domain).toEqual([0, 1]);
    expect(niceTicks(0, 0).ticks.length).toBeGreaterThan(1);
  });
});

describe("POE activities", () => {
  it("applies a change without touching the preset", () => {
    const dpp = PRESETS[0].input;
    const changed = applyChange(dpp, { parameter: "k", factor: 2 });
    expect(changed.k).toBeCloseTo(5.04e-4, 12);
    expect(dpp.k).toBe(2.52e-4);
    expect(applyChange(dpp, { parameter: "antibodyRate", value: 0.03 }).interventions?.antibodyRate).toBe(0.03);
    expect(applyChange(dpp, { parameter: "matrixRatio", value: 4 }).matrix).toEqual({ model: "fast", mode: "protected", ratio: 4 });
  });
  it("reproduces the measures of the three activities in the course", () => {
    const k2 = runPoe({ preset: "dpp-wing-disc", change: { parameter: "k", factor: 2 }, measure: "decayLength" });
    expect(k2.before).toBeCloseTo(19.92, 1);
    expect(k2.after! / k2.before!).toBeCloseTo(1 / Math.SQRT2, 6);
    const ab = runPoe({ preset: "tnf", change: { parameter: "antibodyRate", value: 0.03 }, measure: "decayLength" });
    expect(ab.before! / ab.after!).toBeCloseTo(Math.sqrt(31), 6);
    const inh = runPoe({ preset: "dpp-wing-disc", change: { parameter: "inhibitorFactor", factor: 0.25 }, measure: "timeToSteadyState" });
    // t90 at x = λ scales as 1/k at fixed x/λ (exact 1-D solution depends on kt and x/λ only).
    expect(inh.after! / inh.before!).toBeCloseTo(4, 3);
    expect(inh.unit).toBe("s");
  });
  it("parses an activity list (shape shared with the content)", () => {
    expect(activitiesSchema.parse([])).toEqual([]);
  });
});

describe("heat-map sheet", () => {
  it("puts a 1-D source on the left edge and a 3-D cell in the middle", () => {
    const dpp = paramsFromPreset(PRESETS[0]);
    const r = simulateGradient(toGradientInput(dpp));
    const plan = planSheet(dpp, r);
    expect(plan.sheet.edge).toEqual({ side: "left", flux: 0.05 });
    expect(plan.side).toBeCloseTo(5 * r.decayLength!, 6);
    expect(plan.frameSeconds * 300).toBeCloseTo(plan.tEnd, 6);
    const tnf = paramsFromPreset(PRESETS.find((p) => p.id === "tnf")!);
    const plan3 = planSheet(tnf, simulateGradient(toGradientInput(tnf)));
    expect(plan3.sheet.sources?.[0]).toMatchObject({ ix: 40, iy: 40 });
    expect(plan3.sheet.sources![0].rate).toBeCloseTo((4 * Math.PI * 49 * 5) / 14, 6);
  });
});
