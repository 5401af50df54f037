import { describe, expect, it } from "vitest";
import { isoDuration, toXapiStatement, type StatementRow } from "./xapi";

const row = (over: Partial<StatementRow> = {}): StatementRow => ({
  id: "st1",
  verb: "answered",
  objectType: "Item",
  objectId: "item 1",
  objectName: "What is paracrine signalling?",
  resultScore: 0.5,
  resultSuccess: false,
  resultCompletion: true,
  resultDurationMs: 83_450,
  context: JSON.stringify({ attemptId: "a1" }),
  timestamp: new Date("2026-03-01T10:20:30.000Z"),
  ...over,
});
const actor = { name: "Ana Learner", email: "ana@example.test" };

describe("xAPI builder", () => {
  it("builds a complete statement", () => {
    expect(toXapiStatement(row(), actor, "https://learn.example/")).toEqual({
      id: "st1",
      actor: { objectType: "Agent", name: "Ana Learner", mbox: "mailto:ana@example.test" },
      verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
      object: {
        objectType: "Activity",
        id: "https://learn.example/xapi/item/item%201",
        definition: { name: { "en-US": "What is paracrine signalling?" }, type: "http://adlnet.gov/expapi/activities/cmi.interaction" },
      },
      result: { score: { scaled: 0.5 }, success: false, completion: true, duration: "PT1M23.45S" },
      context: { extensions: { "https://learn.example/xapi/extensions/attemptId": "a1" } },
      timestamp: "2026-03-01T10:20:30.000Z",
    });
  });

  it("omits empty results and context, tolerates bad context JSON", () => {
    const s = toXapiStatement(row({ resultScore: null, resultSuccess: null, resultCompletion: null, resultDurationMs: null, context: "{oops", verb: "registered", objectType: "Course" }), actor, "http://localhost:3000");
    expect(s.result).toBeUndefined();
    expect(s.context).toBeUndefined();
    expect(s.object.id).toBe("http://localhost:3000/xapi/course/item%201");
    expect(s.verb.id).toBe("http://adlnet.gov/expapi/verbs/registered");
  });

  it("clamps the scaled score to [-1, 1]", () => {
    expect(toXapiStatement(row({ resultScore: 1.7 }), actor, "http://x").result?.score).toEqual({ scaled: 1 });
  });

  it("formats ISO 8601 durations", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(1200)).toBe("PT1.2S");
    expect(isoDuration(60_000)).toBe("PT1M");
    expect(isoDuration(3_723_000)).toBe("PT1H2M3S");
    expect(isoDuration(-5)).toBe("PT0S");
  });
});
