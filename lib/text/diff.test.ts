import { describe, expect, it } from "vitest";
import { diffLines, diffStats } from "./diff";

const render = (ops: ReturnType<typeof diffLines>) => ops.map((o) => `${o.kind === "same" ? " " : o.kind === "add" ? "+" : "-"}${o.text}`).join("\n");

describe("diffLines", () => {
  it("is all 'same' for equal texts", () => {
    expect(diffLines("a\nb", "a\nb").every((o) => o.kind === "same")).toBe(true);
  });

  it("shows one changed line between unchanged neighbours, with line numbers", () => {
    const ops = diffLines("one\ntwo\nthree", "one\nTWO\nthree");
    expect(render(ops)).toBe(" one\n-two\n+TWO\n three");
    expect(ops[3]).toMatchObject({ oldLine: 3, newLine: 3 });
    expect(diffStats(ops)).toEqual({ added: 1, removed: 1 });
  });

  it("finds the longest common subsequence (classic ABCBDAB / BDCABA has LCS length 4)", () => {
    const ops = diffLines("A\nB\nC\nB\nD\nA\nB", "B\nD\nC\nA\nB\nA");
    expect(ops.filter((o) => o.kind === "same")).toHaveLength(4);
    // Replaying the ops reproduces both texts.
    expect(ops.filter((o) => o.kind !== "add").map((o) => o.text).join("\n")).toBe("A\nB\nC\nB\nD\nA\nB");
    expect(ops.filter((o) => o.kind !== "remove").map((o) => o.text).join("\n")).toBe("B\nD\nC\nA\nB\nA");
  });

  it("handles empty sides", () => {
    expect(render(diffLines("", "x\ny"))).toBe("+x\n+y");
    expect(render(diffLines("x", ""))).toBe("-x");
  });
});
