import { describe, expect, it } from "vitest";
import { correctAnswerText, gradeItem, itemSeed, playerView, ResponseMismatchError } from "./grade";
import { itemDataSchema, type ItemData } from "./schema";

const single = itemDataSchema.parse({
  type: "single",
  options: [
    { id: "a", text: "√(D/k)", weight: 1, feedback: "Right" },
    { id: "b", text: "D/k", weight: 0, feedback: "Units are wrong" },
    { id: "c", text: "Dk", weight: 0, feedback: "No" },
  ],
});
const multiple = itemDataSchema.parse({
  type: "multiple",
  options: [
    { id: "a", text: "GPCR", weight: 0.5, feedback: "yes a" },
    { id: "b", text: "RTK", weight: 0.5, feedback: "yes b" },
    { id: "c", text: "Nuclear receptor", weight: -0.5, feedback: "no c" },
    { id: "d", text: "Gap junction", weight: -0.5, feedback: "no d" },
  ],
});

describe("gradeItem", () => {
  it("single choice: full credit for the right option, with that option's feedback", () => {
    expect(gradeItem(single, { type: "single", optionId: "a" })).toMatchObject({ score: 1, correct: true, feedback: ["Right"], choice: "a" });
    expect(gradeItem(single, { type: "single", optionId: "b" })).toMatchObject({ score: 0, correct: false, feedback: ["Units are wrong"], choice: "b" });
    expect(() => gradeItem(single, { type: "single", optionId: "z" })).toThrow(ResponseMismatchError);
  });

  it("multiple response: partial credit, penalties, never below zero", () => {
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["a", "b"] }).score).toBe(1);
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["a"] })).toMatchObject({ score: 0.5, correct: false, choice: ",a," });
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["a", "c"] }).score).toBe(0);
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["a", "b", "c", "d"] }).score).toBe(0);
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["c", "d"] }).score).toBe(0);
    expect(gradeItem(multiple, { type: "multiple", optionIds: ["b", "a"] }).choice).toBe(",a,b,");
  });

  it("true/false shows the feedback for the answer given", () => {
    const tf = itemDataSchema.parse({ type: "truefalse", answer: false, feedbackTrue: "No: ...", feedbackFalse: "Yes: ..." });
    expect(gradeItem(tf, { type: "truefalse", value: false })).toMatchObject({ score: 1, feedback: ["Yes: ..."], choice: "false" });
    expect(gradeItem(tf, { type: "truefalse", value: true })).toMatchObject({ score: 0, feedback: ["No: ..."] });
  });

  it("numeric: tolerance bounds are inclusive and weighted answers give partial credit", () => {
    const num = itemDataSchema.parse({
      type: "numeric",
      unit: "µm",
      answers: [
        { value: 20, tolerance: 1, weight: 1, feedback: "Right" },
        { value: 20, tolerance: 5, weight: 0.5, feedback: "Close" },
      ],
      feedbackIncorrect: "Use λ = √(D/k)",
    });
    expect(gradeItem(num, { type: "numeric", value: 21 })).toMatchObject({ score: 1, feedback: ["Right"] });
    expect(gradeItem(num, { type: "numeric", value: 19.0000001 }).score).toBe(1);
    expect(gradeItem(num, { type: "numeric", value: 24 })).toMatchObject({ score: 0.5, feedback: ["Close"] });
    expect(gradeItem(num, { type: "numeric", value: 26 })).toMatchObject({ score: 0, feedback: ["Use λ = √(D/k)"] });
  });

  it("matching: share of prompts matched, per-pair results", () => {
    const m = itemDataSchema.parse({
      type: "matching",
      pairs: [
        { id: "a", prompt: "ACh at NMJ", match: "Synaptic" },
        { id: "b", prompt: "Insulin on liver", match: "Endocrine" },
        { id: "c", prompt: "Notch–Delta", match: "Juxtacrine" },
        { id: "d", prompt: "PDGF on fibroblasts", match: "Paracrine" },
      ],
      distractors: ["Autocrine"],
      feedback: "fb",
    });
    const r = gradeItem(m, { type: "matching", matches: { a: "Synaptic", b: "endocrine ", c: "Paracrine", d: "Autocrine" } });
    expect(r.score).toBe(0.5);
    expect(r.parts).toEqual({ a: true, b: true, c: false, d: false });
  });

  it("ordering: Kendall partial credit, 1 only for the exact order, 0 for the reverse", () => {
    const o = itemDataSchema.parse({ type: "ordering", sequence: ["1", "2", "3", "4"].map((t, i) => ({ id: "abcd"[i], text: t })), feedback: "fb" });
    expect(gradeItem(o, { type: "ordering", order: ["a", "b", "c", "d"] }).score).toBe(1);
    expect(gradeItem(o, { type: "ordering", order: ["d", "c", "b", "a"] }).score).toBe(0);
    expect(gradeItem(o, { type: "ordering", order: ["b", "a", "c", "d"] }).score).toBeCloseTo(5 / 6, 5);
    expect(() => gradeItem(o, { type: "ordering", order: ["a", "a", "c", "d"] })).toThrow(ResponseMismatchError);
  });

  it("short answer: normalised comparison, weights, case sensitivity", () => {
    const s = itemDataSchema.parse({
      type: "short",
      answers: [
        { text: "heparan sulfate", weight: 1, feedback: "Yes" },
        { text: "heparin", weight: 0.5, feedback: "Close relative" },
      ],
      feedbackIncorrect: "Think of the proteoglycan chains",
    });
    expect(gradeItem(s, { type: "short", text: "  Heparan   SULFATE " })).toMatchObject({ score: 1, feedback: ["Yes"] });
    expect(gradeItem(s, { type: "short", text: "heparin" }).score).toBe(0.5);
    expect(gradeItem(s, { type: "short", text: "collagen" })).toMatchObject({ score: 0, feedback: ["Think of the proteoglycan chains"] });
    const cs = itemDataSchema.parse({ type: "short", caseSensitive: true, answers: [{ text: "Kd", weight: 1 }] });
    expect(gradeItem(cs, { type: "short", text: "kd" }).score).toBe(0);
  });

  it("refuses a response of another type", () => {
    expect(() => gradeItem(single, { type: "truefalse", value: true })).toThrow(ResponseMismatchError);
  });

  it("states the correct answer in words", () => {
    expect(correctAnswerText(single)).toBe("√(D/k)");
    expect(correctAnswerText(multiple)).toBe("GPCR; RTK");
  });
});

describe("playerView", () => {
  it("never includes weights, answers or feedback", () => {
    const datas: ItemData[] = [single, multiple, itemDataSchema.parse({ type: "short", answers: [{ text: "secret-answer", weight: 1 }] })];
    for (const d of datas) {
      const json = JSON.stringify(playerView(d, 42));
      expect(json).not.toMatch(/weight|feedback|secret-answer/);
    }
  });

  it("shuffles reproducibly from the seed, and differently for different seeds", () => {
    const many = itemDataSchema.parse({ type: "single", options: "abcdefgh".split("").map((id, i) => ({ id, text: id, weight: i === 0 ? 1 : 0 })) });
    const a = playerView(many, 7);
    expect(playerView(many, 7)).toEqual(a);
    const orders = new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(playerView(many, s))));
    expect(orders.size).toBeGreaterThan(1);
    expect(itemSeed(1, "x")).not.toBe(itemSeed(1, "y"));
  });

  it("never serves an ordering item already in the right order", () => {
    const o = itemDataSchema.parse({ type: "ordering", sequence: [{ id: "a", text: "1" }, { id: "b", text: "2" }], feedback: "f" });
    for (let seed = 0; seed < 50; seed++) {
      const v = playerView(o, seed);
      expect(v.type === "ordering" && v.steps.map((s) => s.id).join("")).toBe("ba");
    }
  });
});
