// The item contract as an author or importer meets it: what is accepted, what is refused and with
// which message and path (the studio form and the importer report both show them).
import { describe, expect, it } from "vitest";
import { ITEM_TYPES, itemDataSchema, itemSchema, LEVELS, responseSchema, TOPICS } from "./schema";

const opts = (weights: number[]) => weights.map((weight, i) => ({ id: `o${i}`, text: `Option ${i}`, weight }));
/** The issues of a failed parse as "path: message", or [] when it parses. */
function issues(schema: { safeParse: (x: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, x: unknown): string[] {
  const r = schema.safeParse(x);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
const ok = (x: unknown) => issues(itemDataSchema, x);

describe("choice items", () => {
  it("single: 2 to 12 options, one fully correct, weights between −1 and 1", () => {
    expect(ok({ type: "single", options: opts([1, 0]) })).toEqual([]);
    expect(ok({ type: "single", options: opts([1]) })).not.toEqual([]);
    expect(ok({ type: "single", options: opts([1, ...Array(11).fill(0)]) })).toEqual([]);
    expect(ok({ type: "single", options: opts([1, ...Array(12).fill(0)]) })).not.toEqual([]);
    expect(ok({ type: "single", options: opts([0.5, 0.5]) })).toEqual(["options: one option must be fully correct (weight 1)"]);
    expect(ok({ type: "single", options: opts([1, -1]) })).toEqual([]);
    expect(ok({ type: "single", options: opts([1, -1.5]) })).not.toEqual([]);
  });

  it("refuses duplicate option ids and blank text, with the path of the offending option", () => {
    const dup = [...opts([1, 0]), { id: "o0", text: "again", weight: 0 }];
    expect(ok({ type: "single", options: dup })).toEqual(['options.2.id: duplicate id "o0"']);
    expect(ok({ type: "multiple", options: [...opts([0.5, 0.5]), { id: "o1", text: "x", weight: 0 }] })).toEqual(['options.2.id: duplicate id "o1"']);
    expect(ok({ type: "single", options: [{ id: "a", text: "   ", weight: 1 }, { id: "b", text: "b", weight: 0 }] })).toEqual(["options.0.text: must not be empty"]);
    expect(ok({ type: "single", options: [{ id: " ", text: "a", weight: 1 }, { id: "b", text: "b", weight: 0 }] })).not.toEqual([]);
    expect(ok({ type: "single", options: [{ id: "x".repeat(40), text: "a", weight: 1 }, { id: "b", text: "b", weight: 0 }] })).toEqual([]);
    expect(ok({ type: "single", options: [{ id: "x".repeat(41), text: "a", weight: 1 }, { id: "b", text: "b", weight: 0 }] })).not.toEqual([]);
  });

  it("multiple: the positive weights add up to 100% (thirds are fine), penalties aside", () => {
    expect(ok({ type: "multiple", options: opts([0.5, 0.5, -1]) })).toEqual([]);
    expect(ok({ type: "multiple", options: opts([0.33, 0.33, 0.33, -0.5]) })).toEqual([]);
    expect(ok({ type: "multiple", options: opts([0.5, 0.48]) })).toEqual(["options: the positive weights must add up to 100% (they add up to 98%)"]);
    expect(ok({ type: "multiple", options: opts([0.5, 0.52]) })).toEqual(["options: the positive weights must add up to 100% (they add up to 102%)"]);
    expect(ok({ type: "multiple", options: opts([0.5, 0.5, 0.5]) })).toEqual(["options: the positive weights must add up to 100% (they add up to 150%)"]);
    expect(ok({ type: "multiple", options: opts([1]) })).not.toEqual([]);
    expect(ok({ type: "multiple", options: opts([0.5, 0.5, ...Array(10).fill(0)]) })).toEqual([]);
    expect(ok({ type: "multiple", options: opts([0.5, 0.5, ...Array(11).fill(0)]) })).not.toEqual([]);
  });

  it("keeps option feedback optional and trimmed", () => {
    const d = itemDataSchema.parse({ type: "single", options: [{ id: " a ", text: " A ", weight: 1, feedback: " Yes " }, { id: "b", text: "B", weight: 0 }] });
    expect(d.type === "single" && d.options[0]).toEqual({ id: "a", text: "A", weight: 1, feedback: "Yes" });
  });
});

describe("numeric", () => {
  const answer = { value: 20, tolerance: 1, weight: 1 };
  it("one fully correct answer among 1 to 10, non-negative tolerance, weights 0 to 1", () => {
    expect(ok({ type: "numeric", answers: [answer] })).toEqual([]);
    expect(ok({ type: "numeric", answers: [] })).not.toEqual([]);
    expect(ok({ type: "numeric", answers: Array(10).fill(answer) })).toEqual([]);
    expect(ok({ type: "numeric", answers: Array(11).fill(answer) })).not.toEqual([]);
    expect(ok({ type: "numeric", answers: [{ ...answer, weight: 0.5 }] })).toEqual(["answers: one answer must be fully correct"]);
    expect(ok({ type: "numeric", answers: [{ ...answer, tolerance: 0 }] })).toEqual([]);
    expect(ok({ type: "numeric", answers: [{ ...answer, tolerance: -0.1 }] })).not.toEqual([]);
    expect(ok({ type: "numeric", answers: [answer, { ...answer, weight: -0.5 }] })).not.toEqual([]);
    expect(ok({ type: "numeric", answers: [answer, { ...answer, weight: 0 }] })).toEqual([]);
    expect(ok({ type: "numeric", answers: [{ ...answer, value: Number.POSITIVE_INFINITY }] })).not.toEqual([]);
  });

  it("a unit of up to 20 characters, trimmed", () => {
    const d = itemDataSchema.parse({ type: "numeric", unit: " µm ", answers: [answer] });
    expect(d.type === "numeric" && d.unit).toBe("µm");
    expect(ok({ type: "numeric", unit: "u".repeat(20), answers: [answer] })).toEqual([]);
    expect(ok({ type: "numeric", unit: "u".repeat(21), answers: [answer] })).not.toEqual([]);
  });
});

describe("matching, ordering, short answer", () => {
  const pairs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, prompt: `P${i}`, match: `M${i}` }));
  const steps = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, text: `S${i}` }));

  it("matching: 2 to 12 pairs with unique ids, up to 8 distractors (none by default)", () => {
    const d = itemDataSchema.parse({ type: "matching", pairs: pairs(2) });
    expect(d.type === "matching" && d.distractors).toEqual([]);
    expect(ok({ type: "matching", pairs: pairs(1) })).not.toEqual([]);
    expect(ok({ type: "matching", pairs: pairs(12) })).toEqual([]);
    expect(ok({ type: "matching", pairs: pairs(13) })).not.toEqual([]);
    expect(ok({ type: "matching", pairs: [...pairs(2), { id: "p0", prompt: "x", match: "y" }] })).toEqual(['pairs.2.id: duplicate id "p0"']);
    expect(ok({ type: "matching", pairs: pairs(2), distractors: Array(8).fill("d") })).toEqual([]);
    expect(ok({ type: "matching", pairs: pairs(2), distractors: Array(9).fill("d") })).not.toEqual([]);
    expect(ok({ type: "matching", pairs: pairs(2), distractors: [" "] })).toEqual(["distractors.0: must not be empty"]);
  });

  it("ordering: 2 to 10 steps with unique ids", () => {
    expect(ok({ type: "ordering", sequence: steps(1) })).not.toEqual([]);
    expect(ok({ type: "ordering", sequence: steps(10) })).toEqual([]);
    expect(ok({ type: "ordering", sequence: steps(11) })).not.toEqual([]);
    expect(ok({ type: "ordering", sequence: [...steps(2), { id: "s1", text: "again" }] })).toEqual(['sequence.2.id: duplicate id "s1"']);
  });

  it("short: 1 to 20 answers, one fully correct, case-insensitive unless asked", () => {
    const d = itemDataSchema.parse({ type: "short", answers: [{ text: "VEGF", weight: 1 }] });
    expect(d.type === "short" && d.caseSensitive).toBe(false);
    expect(ok({ type: "short", answers: [] })).not.toEqual([]);
    expect(ok({ type: "short", answers: Array(20).fill({ text: "a", weight: 1 }) })).toEqual([]);
    expect(ok({ type: "short", answers: Array(21).fill({ text: "a", weight: 1 }) })).not.toEqual([]);
    expect(ok({ type: "short", answers: [{ text: "a", weight: 0.9 }] })).toEqual(["answers: one answer must be fully correct"]);
    expect(ok({ type: "short", answers: [{ text: "a", weight: 1 }, { text: "b", weight: 1.1 }] })).not.toEqual([]);
    expect(ok({ type: "short", answers: [{ text: "a", weight: 1 }, { text: "b", weight: -0.1 }] })).not.toEqual([]);
  });

  it("true/false needs its answer", () => {
    expect(ok({ type: "truefalse", answer: false })).toEqual([]);
    expect(ok({ type: "truefalse" })).not.toEqual([]);
    expect(ok({ type: "essay" })).not.toEqual([]);
  });
});

describe("an authored item", () => {
  const base = { key: "m1.q1", stem: "What sets the range?", data: { type: "truefalse", answer: true } };

  it("fills in defaults: markdown stem, no explanation, not a lesson check", () => {
    expect(itemSchema.parse(base)).toEqual({ ...base, stemFormat: "markdown", explanation: "", check: false });
  });

  it("keys are 1 to 80 letters, digits and . _ : -", () => {
    expect(issues(itemSchema, { ...base, key: "A-z_0.9:x" })).toEqual([]);
    expect(issues(itemSchema, { ...base, key: "k".repeat(80) })).toEqual([]);
    expect(issues(itemSchema, { ...base, key: "k".repeat(81) })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, key: "has space" })).toEqual(["key: letters, digits, . _ : - only"]);
    expect(issues(itemSchema, { ...base, key: "ok/../no" })).toEqual(["key: letters, digits, . _ : - only"]);
    expect(issues(itemSchema, { ...base, key: "x\ny" })).toEqual(["key: letters, digits, . _ : - only"]);
    expect(issues(itemSchema, { ...base, key: "" })).not.toEqual([]);
  });

  it("bounds the stem and explanation at 20,000 characters and steps of a case from 1", () => {
    expect(issues(itemSchema, { ...base, stem: "s".repeat(20_000), explanation: "e".repeat(20_000) })).toEqual([]);
    expect(issues(itemSchema, { ...base, stem: "s".repeat(20_001) })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, explanation: "e".repeat(20_001) })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, stem: "  " })).toEqual(["stem: must not be empty"]);
    expect(issues(itemSchema, { ...base, caseKey: "c1", step: 1 })).toEqual([]);
    expect(issues(itemSchema, { ...base, caseKey: "c1", step: 0 })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, caseKey: "c1", step: 1.5 })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, caseKey: " " })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, objective: " " })).not.toEqual([]);
  });

  it("tags come from fixed lists", () => {
    expect(ITEM_TYPES).toEqual(["single", "multiple", "truefalse", "numeric", "matching", "ordering", "short"]);
    expect(TOPICS).toEqual(["foundations", "mechanism", "regulation", "physiology", "cancer", "inflammation", "regenerative"]);
    expect(LEVELS).toEqual(["remember", "understand", "apply", "analyse", "evaluate"]);
    expect(issues(itemSchema, { ...base, topic: "cancer", level: "apply", stemFormat: "html" })).toEqual([]);
    expect(issues(itemSchema, { ...base, topic: "astrology" })).not.toEqual([]);
    expect(issues(itemSchema, { ...base, stemFormat: "rtf" })).not.toEqual([]);
  });
});

describe("a learner's response", () => {
  const r = (x: unknown) => issues(responseSchema, x);
  it("bounds every list and text a learner can send", () => {
    expect(r({ type: "multiple", optionIds: Array(12).fill("a") })).toEqual([]);
    expect(r({ type: "multiple", optionIds: Array(13).fill("a") })).not.toEqual([]);
    expect(r({ type: "ordering", order: Array(10).fill("a") })).toEqual([]);
    expect(r({ type: "ordering", order: Array(11).fill("a") })).not.toEqual([]);
    expect(r({ type: "short", text: "t".repeat(500) })).toEqual([]);
    expect(r({ type: "short", text: "t".repeat(501) })).not.toEqual([]);
    expect(r({ type: "matching", matches: { a: "m".repeat(500) } })).toEqual([]);
    expect(r({ type: "matching", matches: { a: "m".repeat(501) } })).not.toEqual([]);
    expect(r({ type: "numeric", value: Number.NaN })).not.toEqual([]);
    expect(r({ type: "single", optionId: "" })).not.toEqual([]);
    expect(r({ type: "truefalse", value: "yes" })).not.toEqual([]);
  });
});
