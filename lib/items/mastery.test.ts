import { describe, expect, it } from "vitest";
import { DEFAULT_BKT, describeMastery, masteryLevel, updateMastery } from "./mastery";

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

  it("reaches mastery after a run of right answers and stays a probability", () => {
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
