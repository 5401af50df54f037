import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { createPublishedCourse, enrol } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { DEFAULT_BKT, guessFor, updateMastery } from "@/lib/items/mastery";
import type { PoeActivity } from "@/lib/lab/activities";
import { getLessonForReader } from "@/lib/data/lessons";
import { recordPredictionAction } from "./lab";

const ACTIVITY = (objective: string): PoeActivity => ({
  key: "poe-double-k",
  type: "poe",
  objective,
  preset: "dpp-wing-disc",
  change: { parameter: "k", factor: 2 },
  measure: "decayLength",
  prompt: "If the removal rate doubles, what happens to the decay length?",
  choices: ["It halves", "It falls by √2", "It doubles"],
  answer: 1,
  explanation: "λ = √(D/k): doubling k divides λ by √2.",
});

async function setup() {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const { course, lessons, objective } = await createPublishedCourse(db, owner.id);
  const obj = await db.objective.findUniqueOrThrow({ where: { id: objective.id }, select: { key: true } });
  const lessonId = lessons[0].id;
  // The draft differs from the published copy: the action must use the published one.
  const published = ACTIVITY(obj.key);
  await db.lesson.update({ where: { id: lessonId }, data: { publishedActivities: JSON.stringify([published]), activities: JSON.stringify([{ ...published, answer: 0 }]) } });
  return { owner, learner, course, lessonId, lessonSlug: lessons[0].slug, objectiveId: objective.id };
}

const predictions = (userId: string) => db.statement.findMany({ where: { userId, verb: "predicted" }, orderBy: { timestamp: "asc" } });

describe("recordPredictionAction", () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    s = await setup();
  });

  it("records a right prediction, returns the explanation and updates mastery once", async () => {
    await enrol(db, s.learner.id, s.course.id);
    await signInAs(s.learner);
    const r = await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 1 });
    expect(r).toEqual({ ok: true, data: { correct: true, answer: 1, explanation: "λ = √(D/k): doubling k divides λ by √2.", firstPrediction: true } });
    const [st] = await predictions(s.learner.id);
    expect(st).toMatchObject({ verb: "predicted", objectType: "Activity", objectId: `${s.lessonId}/poe-double-k`, resultSuccess: true, courseId: s.course.id });
    expect(JSON.parse(st.context!)).toMatchObject({ choice: 1, activityKey: "poe-double-k" });
    const m = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objectiveId } } });
    expect(m.attempts).toBe(1);
    expect(m.correct).toBe(1);
    expect(m.pKnown).toBeCloseTo(updateMastery(DEFAULT_BKT.prior, 1, { ...DEFAULT_BKT, guess: guessFor("single") }), 12);

    // A second (now wrong) prediction is recorded but is no longer evidence for mastery.
    const again = await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 0 });
    expect(again).toMatchObject({ ok: true, data: { correct: false, answer: 1, firstPrediction: false } });
    expect(await predictions(s.learner.id)).toHaveLength(2);
    const m2 = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objectiveId } } });
    expect(m2).toMatchObject({ attempts: 1, correct: 1, pKnown: m.pKnown });
  });

  it("records a wrong prediction as unsuccessful and lowers mastery from an existing estimate", async () => {
    await enrol(db, s.learner.id, s.course.id);
    await db.mastery.create({ data: { userId: s.learner.id, objectiveId: s.objectiveId, courseId: s.course.id, pKnown: 0.6, attempts: 3, correct: 2 } });
    await signInAs(s.learner);
    const r = await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 2 });
    expect(r).toMatchObject({ ok: true, data: { correct: false, answer: 1 } });
    expect((await predictions(s.learner.id))[0].resultSuccess).toBe(false);
    const m = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objectiveId } } });
    expect(m).toMatchObject({ attempts: 4, correct: 2 });
    expect(m.pKnown).toBeCloseTo(updateMastery(0.6, 0, { ...DEFAULT_BKT, guess: guessFor("single") }), 12);
    expect(m.pKnown).toBeLessThan(0.6);
  });

  it("refuses a learner who is not enrolled and writes nothing", async () => {
    await signInAs(s.learner);
    const r = await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 1 });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await predictions(s.learner.id)).toHaveLength(0);
    expect(await db.mastery.count({ where: { userId: s.learner.id } })).toBe(0);
  });

  it("refuses signed-out callers, unknown activities and out-of-range choices", async () => {
    await signInAs(null);
    expect(await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 1 })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    await enrol(db, s.learner.id, s.course.id);
    await signInAs(s.learner);
    expect(await recordPredictionAction({ lessonId: s.lessonId, activityKey: "nope", choice: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: 3 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: -1 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await predictions(s.learner.id)).toHaveLength(0);
  });

  it("sends the learner the activity without its answer or explanation before predicting", async () => {
    await enrol(db, s.learner.id, s.course.id);
    const data = await getLessonForReader(s.course.slug, s.lessonSlug, s.learner);
    const list = data && !data.needsEnrollment ? data.activities : [];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ key: "poe-double-k", choices: ["It halves", "It falls by √2", "It doubles"] });
    const json = JSON.stringify(list);
    expect(json).not.toContain("answer");
    expect(json).not.toContain("explanation");
    expect(json).not.toContain("divides λ");
  });

  it("twenty parallel predictions credit exactly one first prediction and one mastery update (both databases)", async () => {
    await enrol(db, s.learner.id, s.course.id);
    await signInAs(s.learner);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k", choice: i % 3 })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.firstPrediction)).toHaveLength(1);
    expect(await db.activityPrediction.count({ where: { userId: s.learner.id } })).toBe(1);
    const statements = await predictions(s.learner.id);
    expect(statements).toHaveLength(20);
    expect(statements.filter((st) => JSON.parse(st.context!).firstPrediction)).toHaveLength(1);
    const m = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objectiveId } } });
    expect(m.attempts).toBe(1);
  });

  it("refuses text with a NUL character the same way on both databases, and writes nothing", async () => {
    await enrol(db, s.learner.id, s.course.id);
    await signInAs(s.learner);
    const r = await recordPredictionAction({ lessonId: s.lessonId, activityKey: "poe-double-k\u0000", choice: 1 });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringContaining("NUL") });
    const fd = new FormData();
    fd.set("lessonId", s.lessonId);
    fd.set("activityKey", "poe\u0000");
    fd.set("choice", "1");
    expect(await recordPredictionAction(fd)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await predictions(s.learner.id)).toHaveLength(0);
  });
});
