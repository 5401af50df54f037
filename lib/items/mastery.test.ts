import { describe, expect, it } from "vitest";
import { DEFAULT_BKT, describeMastery, guessFor, MASTERED, masteryLevel, updateMastery } from "./mastery";

describe("Bayesian knowledge tracing", () => {
  it("matches a hand-computed update", () => {
    // prior 0.2, right answer: 0.2·0.9 / (0.2·0.9 + 0.8·0.2) = 0.18/0.34 = 0.52941; then learn 0.15.
    const posterior = 0.18 / 0.34;
    expect(updateMastery(0.2, 1, DEFAULT_BKT)).toBeCloseTo(posterior + (1 - posterior) * 0.15, 6);
    // wrong answer: 0.2·0.1 / (0.2·0.1 + 0.8·0.8) = 0.02/0.66
    const wrong = 0.02 / 0.66;
    expect(updateMastery(0.2, 0, DEFAULT_BKT)).toBeCloseTo(wrong + (1 - wrong) * 0.15, 6);
  });

  it("rises with right answers, falls with wrong ones, and partial credit lies between", () => {
    const up = updateMastery(0.5, 1);
    const down = updateMastery(0.5, 0);
    const half = updateMastery(0.5, 0.5);
    expect(up).toBeGreaterThan(0.5);
    expect(down).toBeLessThan(0.5);
    expect(half).toBeGreaterThan(down);
    expect(half).toBeLessThan(up);
  });

  it("starts a new learner at 20% and reaches mastery after a run of right answers, staying a probability", () => {
    expect(DEFAULT_BKT.prior).toBe(0.2);
    let p = DEFAULT_BKT.prior;
    for (let i = 0; i < 6; i++) p = updateMastery(p, 1);
    expect(masteryLevel(p)).toBe("mastered");
    for (let i = 0; i < 50; i++) p = updateMastery(p, i % 2);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it("describes mastery in words and numbers", () => {
    expect(describeMastery(null, 0)).toBe("No answers yet.");
    expect(describeMastery(0.72, 3)).toBe("Proficient: an estimated 72% chance you have this objective, from 3 answers.");
  });
});

describe("mastery: what a learner is told", () => {
  it("guessing is likelier on items with fewer choices", () => {
    expect(["truefalse", "single", "multiple", "matching", "ordering", "numeric", "short"].map(guessFor)).toEqual([0.5, 0.25, 0.1, 0.1, 0.1, 0.05, 0.05]);
  });

  it("partial credit mixes the right-answer and wrong-answer posteriors by the score", () => {
    const right = 0.18 / 0.34;
    const wrong = 0.02 / 0.66;
    const posterior = 0.25 * right + 0.75 * wrong;
    expect(updateMastery(0.2, 0.25)).toBeCloseTo(posterior + (1 - posterior) * 0.15, 9);
  });

  it("a score outside [0, 1] counts as 0 or 1", () => {
    expect(updateMastery(0.3, 1.5)).toBe(updateMastery(0.3, 1));
    expect(updateMastery(0.3, -2)).toBe(updateMastery(0.3, 0));
  });

  it("uses the parameters it is given (slip, guess, learn)", () => {
    const p = { prior: 0.5, learn: 0, slip: 0.2, guess: 0.3 };
    expect(updateMastery(0.5, 1, p)).toBeCloseTo(0.4 / (0.4 + 0.15), 9);
    expect(updateMastery(0.5, 0, p)).toBeCloseTo(0.1 / (0.1 + 0.35), 9);
  });

  it("never claims certainty either way", () => {
    const noLearning = { prior: 0, learn: 0, slip: 0.1, guess: 0.2 };
    expect(updateMastery(0, 0, noLearning)).toBe(0.001);
    expect(updateMastery(1, 1, noLearning)).toBe(0.999);
  });

  it("levels change exactly at 40%, 70% and 95%", () => {
    expect([0.399, 0.4, 0.699, 0.7, 0.949, 0.95, 0.999].map((p) => masteryLevel(p))).toEqual([
      "beginning",
      "developing",
      "developing",
      "proficient",
      "proficient",
      "mastered",
      "mastered",
    ]);
    expect(masteryLevel(0.8, 0)).toBe("not started");
    expect(masteryLevel(null, 3)).toBe("not started");
    expect(masteryLevel(0)).toBe("beginning");
    expect(MASTERED).toBe(0.95);
  });

  it("says 'answer' for one answer and rounds to a whole percent", () => {
    expect(describeMastery(0.955, 1)).toBe("Mastered: an estimated 96% chance you have this objective, from 1 answer.");
    expect(describeMastery(0.1, 2)).toBe("Beginning: an estimated 10% chance you have this objective, from 2 answers.");
    expect(describeMastery(0.5, 0)).toBe("No answers yet.");
  });
});
