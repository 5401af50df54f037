import { describe, expect, it } from "vitest";
import { csvField, distractorCounts, facility, flagItem, pointBiserial, toCsv, type ItemSums } from "./item-stats";

/** Sums the way the SQL query does, from (correct, score, restScore) triples. */
function sums(rows: [number, number, number][]): ItemSums {
  return rows.reduce(
    (s, [x, score, y]) => ({ n: s.n + 1, sumX: s.sumX + x, sumScore: s.sumScore + score, sumY: s.sumY + y, sumYY: s.sumYY + y * y, sumXY: s.sumXY + x * y }),
    { n: 0, sumX: 0, sumScore: 0, sumY: 0, sumYY: 0, sumXY: 0 },
  );
}

describe("item statistics, hand-computed example", () => {
  // Five learners. Correct (x) and rest score (y): (1,4) (1,3) (0,2) (1,2) (0,1).
  // n=5, Σx=3, Σy=12, Σy²=16+9+4+4+1=34, Σxy=4+3+2=9.
  // r = (5·9 − 3·12) / √((5·3 − 9)(5·34 − 144)) = 9 / √(6·26) = 9/√156 = 0.720576...
  const example = sums([[1, 1, 4], [1, 1, 3], [0, 0, 2], [1, 1, 2], [0, 0, 1]]);

  it("facility is the mean score", () => {
    expect(example).toMatchObject({ n: 5, sumX: 3, sumY: 12, sumYY: 34, sumXY: 9 });
    expect(facility(example)).toBeCloseTo(0.6, 10);
    expect(facility({ n: 0, sumScore: 0 })).toBeNull();
  });

  it("point-biserial discrimination matches the hand computation", () => {
    expect(pointBiserial(example)).toBeCloseTo(9 / Math.sqrt(156), 10);
    expect(pointBiserial(example)).toBeCloseTo(0.7206, 4);
  });

  it("is negative when weaker learners do better, and flagged", () => {
    const reversed = sums([[0, 0, 4], [0, 0, 3], [1, 1, 2], [0, 0, 2], [1, 1, 1]]);
    const r = pointBiserial(reversed)!;
    expect(r).toBeLessThan(0);
    expect(flagItem({ n: 5, discrimination: r, facility: facility(reversed) })).toContain("negative discrimination");
    expect(flagItem({ n: 4, discrimination: r, facility: 0.4 })).toEqual([]);
  });

  it("is undefined without variance", () => {
    expect(pointBiserial(sums([[1, 1, 4], [1, 1, 2]]))).toBeNull();
    expect(pointBiserial(sums([[1, 1, 2], [0, 0, 2]]))).toBeNull();
    expect(pointBiserial(sums([[1, 1, 2]]))).toBeNull();
  });
});

describe("distractors and CSV", () => {
  it("counts single and multiple choices per option", () => {
    const m = distractorCounts([{ choice: "a", count: 3 }, { choice: ",a,c,", count: 2 }, { choice: null, count: 9 }, { choice: "true", count: 1 }]);
    expect(Object.fromEntries(m)).toEqual({ a: 5, c: 2, true: 1 });
  });

  it("quotes and defuses formulas", () => {
    expect(csvField('He said "hi", then left')).toBe('"He said ""hi"", then left"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(toCsv([["a", 1], [null, "b\nc"]])).toBe('a,1\r\n,"b\nc"\r\n');
  });
});
