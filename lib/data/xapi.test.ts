import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ITEM_TYPES } from "@/lib/items/schema";
import validateStatement from "xapi-validation";
import { isoDuration, paracrineVerbDocument, xapiSite, registrationUuid, statementUuid, toXapiStatement, uuidV5, VERBS, type StatementRow, type XapiRefs } from "./xapi";

const SITE = "https://learn.example";
const row = (over: Partial<StatementRow> = {}): StatementRow => ({
  id: "clx0st1abc0000qwer1234tyui",
  courseId: "course1",
  verb: "answered",
  objectType: "Item",
  objectId: "item1",
  objectName: "What is paracrine signalling?",
  resultScore: 0.5,
  resultSuccess: false,
  resultCompletion: true,
  resultDurationMs: 83_450,
  context: JSON.stringify({ attemptId: "att1" }),
  timestamp: new Date("2026-03-01T10:20:30.000Z"),
  ...over,
});
const actor = { id: "user1", name: "Ana Learner" };
const refs: XapiRefs = {
  courses: new Map([["course1", { slug: "paracrine", title: "Paracrine signalling" }]]),
  modules: new Map([["mod1", { title: "Gradients" }]]),
  lessons: new Map([["les1", { moduleId: "mod1", title: "Diffusion" }]]),
  items: new Map([["item1", { moduleId: "mod1", lessonId: "les1", type: "single" }]]),
  attempts: new Map([
    ["att1", { score: 3.5, maxScore: 5 }],
    ["att2", { score: 1, maxScore: 4 }],
  ]),
};

// One sample row per statement the app records (grep `verb:` in lib/), plus ADL verbs kept in the table.
const NULL_RESULT = { resultScore: null, resultSuccess: null, resultCompletion: null, resultDurationMs: null, context: null };
const SAMPLES: Record<string, StatementRow> = {
  "registered account (lib/auth/accounts.ts)": row({ id: "s01", courseId: null, verb: "registered", objectType: "Agent", objectId: "user1", objectName: "Ana Learner", ...NULL_RESULT }),
  "registered course (lib/actions/learning.ts)": row({ id: "s02", verb: "registered", objectType: "Course", objectId: "course1", objectName: "Paracrine signalling", ...NULL_RESULT }),
  "joined cohort (lib/actions/learning.ts)": row({ id: "s03", verb: "joined", objectType: "Group", objectId: "coh1", objectName: "Spring 2026", ...NULL_RESULT }),
  "completed lesson (lib/actions/learning.ts)": row({ id: "s04", verb: "completed", objectType: "Lesson", objectId: "les1", objectName: "Diffusion", ...NULL_RESULT, resultCompletion: true }),
  "completed module (lib/data/completion.ts)": row({ id: "s05", verb: "completed", objectType: "Module", objectId: "mod1", objectName: "Gradients", ...NULL_RESULT, resultCompletion: true, resultScore: 0.875 }),
  "completed course (lib/data/completion.ts)": row({ id: "s06", verb: "completed", objectType: "Course", objectId: "course1", objectName: "Paracrine signalling", ...NULL_RESULT, resultCompletion: true }),
  "completed check (lib/actions/quiz.ts)": row({ id: "s07", verb: "completed", objectType: "Check", objectId: "les1", objectName: "Diffusion", resultScore: 0.25, resultSuccess: null, resultDurationMs: null, context: JSON.stringify({ attemptId: "att2" }) }),
  "answered item (lib/actions/quiz.ts)": row({ id: "s08" }),
  "passed quiz (lib/actions/quiz.ts)": row({ id: "s09", verb: "passed", objectType: "Quiz", objectId: "mod1", objectName: "Gradients", resultScore: 0.7, resultSuccess: true, resultDurationMs: null }),
  "failed quiz (lib/actions/quiz.ts)": row({ id: "s10", verb: "failed", objectType: "Quiz", objectId: "mod1", objectName: "Gradients", resultScore: 0.7, resultSuccess: false, resultDurationMs: null }),
  "predicted (lib/actions/lab.ts)": row({
    id: "s11",
    verb: "predicted",
    objectType: "Activity",
    objectId: "les1/steep-gradient",
    objectName: "Where is the gradient steepest?",
    resultScore: 1,
    resultSuccess: true,
    resultCompletion: null,
    resultDurationMs: null,
    context: JSON.stringify({ lessonId: "les1", activityKey: "steep-gradient", choice: "near", firstPrediction: true }),
  }),
  "reviewed (lib/actions/review.ts)": row({
    id: "s12",
    verb: "reviewed",
    resultScore: null,
    resultSuccess: true,
    resultDurationMs: null,
    context: JSON.stringify({ cardId: "card1", rating: "good", due: "2026-03-05T10:20:30.000Z" }),
  }),
  "attempted quiz (ADL verb in the table)": row({ id: "s13", verb: "attempted", objectType: "Quiz", objectId: "mod1", ...NULL_RESULT }),
  "experienced lesson (ADL verb in the table)": row({ id: "s14", verb: "experienced", objectType: "Lesson", objectId: "les1", ...NULL_RESULT }),
};

const errorsOf = (statement: unknown) => validateStatement(statement).map((w) => `${w.path.join(".")}: ${(w as { typeName?: string }).typeName ?? w.name}`);

describe("UUID v5", () => {
  it("matches published vectors", () => {
    // Python's documentation: uuid5(NAMESPACE_DNS, "python.org").
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    // The uuid package's README: v5("Hello, World!", "1b671a64-40d5-491e-99b0-da01ff1f3341").
    expect(uuidV5("Hello, World!", "1b671a64-40d5-491e-99b0-da01ff1f3341")).toBe("630eb68f-e0fa-5ecc-887a-7c7a62614681");
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow(TypeError);
    expect(() => uuidV5("x", "1b671a64-40d5-491e-99b0-da01ff1f33")).toThrow(TypeError);
  });
});

describe("xAPI statements an LRS accepts", () => {
  it.each(Object.entries(SAMPLES))("%s validates with no errors", (_, sample) => {
    expect(errorsOf(toXapiStatement(sample, actor, SITE, refs))).toEqual([]);
    // Also when nothing around the statement is known (course deleted, lookups empty).
    expect(errorsOf(toXapiStatement(sample, actor, SITE))).toEqual([]);
  });

  it.each(ITEM_TYPES)("an item of type %s carries a valid xAPI interaction type", (type) => {
    const s = toXapiStatement(SAMPLES["answered item (lib/actions/quiz.ts)"], actor, SITE, { ...refs, items: new Map([["item1", { moduleId: "mod1", lessonId: "les1", type }]]) });
    expect(s.object.definition?.interactionType).toEqual(expect.any(String));
    expect(errorsOf(s)).toEqual([]);
  });

  it("the validator does catch a broken statement", () => {
    const good = toXapiStatement(SAMPLES["answered item (lib/actions/quiz.ts)"], actor, SITE, refs);
    expect(errorsOf({ ...good, id: "clx0st1abc0000qwer1234tyui" })).toEqual(["statement.id: Universal Unique Identifier (UUID)"]);
    expect(errorsOf({ ...good, context: { ...good.context, extensions: { attemptId: "att1" } } })).not.toEqual([]);
    expect(errorsOf({ ...good, verb: { id: "answered", display: { "en-US": "answered" } } })).not.toEqual([]);
    expect(errorsOf({ ...good, result: { score: { scaled: 1.5 } } })).not.toEqual([]);
  });

  it("builds a complete statement", () => {
    expect(toXapiStatement(SAMPLES["answered item (lib/actions/quiz.ts)"], actor, "https://learn.example/", refs)).toEqual({
      id: statementUuid("s08"),
      actor: { objectType: "Agent", name: "Ana Learner", account: { homePage: "https://learn.example/", name: "user1" } },
      verb: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
      object: {
        objectType: "Activity",
        id: "https://learn.example/courses/paracrine/items/item1",
        definition: { name: { "en-US": "What is paracrine signalling?" }, type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: "choice" },
      },
      result: { score: { scaled: 0.5, raw: 0.5, min: 0, max: 1 }, success: false, completion: true, duration: "PT1M23.45S" },
      context: {
        registration: registrationUuid("user1", "course1"),
        contextActivities: {
          parent: [{ objectType: "Activity", id: "https://learn.example/courses/paracrine/lessons/les1", definition: { name: { "en-US": "Diffusion" }, type: "http://adlnet.gov/expapi/activities/lesson" } }],
          grouping: [{ objectType: "Activity", id: "https://learn.example/courses/paracrine", definition: { name: { "en-US": "Paracrine signalling" }, type: "http://adlnet.gov/expapi/activities/course" } }],
        },
        platform: "Paracrine",
        language: "en-US",
        extensions: { "https://learn.example/xapi/extensions/attemptId": "att1" },
      },
      timestamp: "2026-03-01T10:20:30.000Z",
    });
  });

  it("gives stable, unique UUID ids", () => {
    const all = Object.values(SAMPLES).map((s) => toXapiStatement(s, actor, SITE, refs));
    const again = Object.values(SAMPLES).map((s) => toXapiStatement(s, actor, "http://other.example", {}));
    expect(all.map((s) => s.id)).toEqual(again.map((s) => s.id));
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(statementUuid("s08")).not.toBe(statementUuid("s09"));
  });

  it("identifies the learner by account, with no email anywhere", () => {
    const all = Object.values(SAMPLES).map((s) => toXapiStatement(s, actor, SITE, refs));
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/mbox|mailto|@example/);
    expect(new Set(all.map((s) => JSON.stringify(s.actor)))).toEqual(new Set([JSON.stringify({ objectType: "Agent", name: "Ana Learner", account: { homePage: `${SITE}/`, name: "user1" } })]));
  });

  it("uses ADL's verb IRIs where they exist and Paracrine's own otherwise", () => {
    const verbOf = (key: string) => toXapiStatement(SAMPLES[key], actor, SITE, refs).verb;
    expect(verbOf("passed quiz (lib/actions/quiz.ts)")).toEqual({ id: "http://adlnet.gov/expapi/verbs/passed", display: { "en-US": "passed" } });
    expect(verbOf("registered course (lib/actions/learning.ts)").id).toBe("http://adlnet.gov/expapi/verbs/registered");
    expect(verbOf("predicted (lib/actions/lab.ts)")).toEqual({ id: `${SITE}/xapi/verbs/predicted`, display: { "en-US": "predicted" } });
    expect(verbOf("reviewed (lib/actions/review.ts)").id).toBe(`${SITE}/xapi/verbs/reviewed`);
    expect(verbOf("joined cohort (lib/actions/learning.ts)").id).toBe(`${SITE}/xapi/verbs/joined`);
    // No invented verb under ADL's namespace.
    const adl = Object.values(SAMPLES).map((s) => toXapiStatement(s, actor, SITE, refs).verb.id).filter((id) => id.startsWith("http://adlnet.gov/"));
    for (const id of adl) expect(["answered", "attempted", "completed", "experienced", "failed", "passed", "registered"]).toContain(id.split("/").pop());
  });

  it("has a definition for every verb the app records", () => {
    // Scan the write sites (`verb: "x"` and `const verb = ... "x" : "y"`) so that a new verb cannot ship
    // without an IRI and, for Paracrine's own, a published definition.
    const lib = path.resolve(__dirname, "..");
    const recorded = new Set<string>();
    for (const file of readdirSync(lib, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file.endsWith(path.join("data", "xapi.ts"))) continue;
      for (const m of readFileSync(path.join(lib, file), "utf8").matchAll(/\bverb\s*[:=]([^;,\n]*)/g)) {
        for (const w of m[1].matchAll(/"([a-z]+)"/g)) recorded.add(w[1]);
      }
    }
    expect([...recorded]).toEqual(expect.arrayContaining(["answered", "completed", "failed", "joined", "passed", "predicted", "registered", "reviewed"]));
    for (const v of recorded) expect(VERBS.map((x) => x.name), `verb "${v}" has no entry in VERBS`).toContain(v);
  });

  it("publishes a definition for each Paracrine verb and none for ADL's", () => {
    for (const v of VERBS.filter((x) => x.scheme === "paracrine")) {
      expect(paracrineVerbDocument(v.name, `${SITE}/`)).toEqual({ "@id": `${SITE}/xapi/verbs/${v.name}`, prefLabel: { "en-US": v.name }, definition: { "en-US": expect.stringMatching(/^Indicates the actor /) } });
    }
    expect(paracrineVerbDocument("passed", SITE)).toBeNull();
    expect(paracrineVerbDocument("constructor", SITE)).toBeNull();
  });

  it("places activities under the course and names their parent and grouping", () => {
    const ctxOf = (key: string) => toXapiStatement(SAMPLES[key], actor, SITE, refs);
    const predicted = ctxOf("predicted (lib/actions/lab.ts)");
    expect(predicted.object.id).toBe(`${SITE}/courses/paracrine/lessons/les1/activities/steep-gradient`);
    expect(predicted.object.definition?.type).toBe("http://adlnet.gov/expapi/activities/simulation");
    expect(predicted.context.contextActivities?.parent?.[0].id).toBe(`${SITE}/courses/paracrine/lessons/les1`);
    expect(predicted.context.extensions).toEqual({
      [`${SITE}/xapi/extensions/lessonId`]: "les1",
      [`${SITE}/xapi/extensions/activityKey`]: "steep-gradient",
      [`${SITE}/xapi/extensions/choice`]: "near",
      [`${SITE}/xapi/extensions/firstPrediction`]: true,
    });
    const lesson = ctxOf("completed lesson (lib/actions/learning.ts)");
    expect(lesson.context.contextActivities).toEqual({
      parent: [expect.objectContaining({ id: `${SITE}/courses/paracrine/modules/mod1` })],
      grouping: [expect.objectContaining({ id: `${SITE}/courses/paracrine` })],
    });
    const quiz = ctxOf("passed quiz (lib/actions/quiz.ts)");
    expect(quiz.object.id).toBe(`${SITE}/courses/paracrine/modules/mod1/quiz`);
    expect(quiz.object.definition?.type).toBe("http://adlnet.gov/expapi/activities/assessment");
    // A module's parent is the course itself: no duplicate grouping.
    expect(ctxOf("completed module (lib/data/completion.ts)").context.contextActivities).toEqual({ parent: [expect.objectContaining({ id: `${SITE}/courses/paracrine` })] });
    const course = ctxOf("completed course (lib/data/completion.ts)");
    expect(course.object.id).toBe(`${SITE}/courses/paracrine`);
    expect(course.context.contextActivities).toBeUndefined();
    // A quiz stored under its attempt id (an attempt without a module).
    const orphan = toXapiStatement(row({ objectType: "Quiz", objectId: "att1" }), actor, SITE, refs);
    expect(orphan.object.id).toBe(`${SITE}/courses/paracrine/attempts/att1`);
    expect(errorsOf(orphan)).toEqual([]);
    expect(ctxOf("joined cohort (lib/actions/learning.ts)").object.id).toBe(`${SITE}/courses/paracrine/cohorts/coh1`);
    const signup = ctxOf("registered account (lib/auth/accounts.ts)");
    expect(signup.object).toEqual({ objectType: "Activity", id: `${SITE}/`, definition: { name: { "en-US": "Paracrine" } } });
    expect(signup.context).toEqual({ platform: "Paracrine", language: "en-US" });
  });

  it("keeps a deleted course's statements unique under its id", () => {
    const s = toXapiStatement(SAMPLES["completed lesson (lib/actions/learning.ts)"], actor, SITE);
    expect(s.object.id).toBe(`${SITE}/courses/course1/lessons/les1`);
    expect(s.context.contextActivities).toEqual({ parent: [expect.objectContaining({ id: `${SITE}/courses/course1` })] });
  });

  it("derives the registration from learner and course", () => {
    const reg = (userId: string, courseId: string | null) => toXapiStatement(row({ courseId }), { id: userId, name: "x" }, SITE, refs).context.registration;
    expect(reg("user1", "course1")).toBe(reg("user1", "course1"));
    expect(reg("user1", "course1")).not.toBe(reg("user2", "course1"));
    expect(reg("user1", "course1")).not.toBe(reg("user1", "course2"));
    expect(reg("user1", null)).toBeUndefined();
  });

  it("scores: scaled clamped to [-1, 1], raw/min/max where the scale is known", () => {
    const scoreOf = (over: Partial<StatementRow>) => toXapiStatement(row(over), actor, SITE, refs).result?.score;
    expect(scoreOf({ resultScore: 1.7 })).toEqual({ scaled: 1, raw: 1, min: 0, max: 1 });
    expect(scoreOf({ resultScore: -3, objectType: "Course", context: null })).toEqual({ scaled: -1 });
    expect(scoreOf({ objectType: "Quiz", objectId: "mod1", resultScore: 0.7 })).toEqual({ scaled: 0.7, raw: 3.5, min: 0, max: 5 });
    expect(scoreOf({ objectType: "Quiz", objectId: "mod1", resultScore: 0.7, context: JSON.stringify({ attemptId: "gone" }) })).toEqual({ scaled: 0.7 });
    expect(scoreOf({ objectType: "Module", objectId: "mod1", resultScore: 0.875 })).toEqual({ scaled: 0.875, raw: 87.5, min: 0, max: 100 });
  });

  it("omits an empty result and tolerates bad context JSON", () => {
    const s = toXapiStatement(row({ ...NULL_RESULT, context: "{oops", verb: "registered", objectType: "Course", objectId: "course1" }), actor, SITE, refs);
    expect(s.result).toBeUndefined();
    expect(s.context.extensions).toBeUndefined();
    expect(errorsOf(s)).toEqual([]);
  });

  it("mints IRIs under the configured site, else the request's origin", () => {
    expect(xapiSite("http://localhost:3000/api/me/statements", "https://learn.example/paracrine/")).toBe("https://learn.example/paracrine");
    expect(xapiSite("http://localhost:3000/api/me/statements", "")).toBe("http://localhost:3000");
  });

  it("formats ISO 8601 durations", () => {
    expect(isoDuration(0)).toBe("PT0S");
    expect(isoDuration(1200)).toBe("PT1.2S");
    expect(isoDuration(60_000)).toBe("PT1M");
    expect(isoDuration(3_723_000)).toBe("PT1H2M3S");
    expect(isoDuration(-5)).toBe("PT0S");
  });
});
