import { beforeAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createCourse, createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { getCohortHeatmap, getCompletionFunnel, getGradebook, getItemAnalysis, getLearnersAtRisk, getMasteryDistribution, gradebookCsv } from "./analytics";
import { createCohortAction, removeCohortMemberAction, setDeadlineAction } from "@/lib/actions/cohorts";
import { joinCohortAction } from "@/lib/actions/learning";
import { getInvite } from "./cohorts";
import { JOIN_CODE_ALPHABET } from "@/lib/validation/studio";

type U = Awaited<ReturnType<typeof createUser>>;
const actor = (u: U) => u as unknown as Actor;
let owner: U, other: U;
let learners: U[];
let courseId: string, cohortId: string, lessons: string[], moduleId: string;

const single = JSON.stringify({ type: "single", options: [{ id: "a", text: "Right", weight: 1 }, { id: "b", text: "Wrong B", weight: 0 }, { id: "c", text: "Wrong C", weight: 0 }] });

beforeAll(async () => {
  owner = await createUser(db, { role: "INSTRUCTOR" });
  other = await createUser(db, { role: "INSTRUCTOR" });
  learners = [];
  for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve"]) learners.push(await createUser(db, { name }));
  const course = await createCourse(db, owner.id, { status: "PUBLISHED" });
  courseId = course.id;
  const mod = await db.module.create({ data: { courseId, slug: "m1", title: "Signals", order: 1, publishedAt: new Date(), publishedTitle: "Signals" } });
  moduleId = mod.id;
  lessons = [];
  for (const i of [1, 2]) lessons.push((await db.lesson.create({ data: { courseId, moduleId, slug: `l${i}`, title: `Lesson ${i}`, body: "x", order: i } })).id);
  const obj = await db.objective.create({ data: { courseId, lessonId: lessons[0], key: "o1", text: "Explain" } });
  const q1 = await db.item.create({ data: { courseId, moduleId, key: "q1", type: "single", stem: "Q1", data: single } });
  const fillers = [];
  for (const k of [1, 2, 3, 4]) fillers.push(await db.item.create({ data: { courseId, moduleId, key: `f${k}`, type: "truefalse", stem: "F", data: JSON.stringify({ type: "truefalse", answer: true }) } }));
  // Hand example of lib/analytics/item-stats.test.ts: q1 correct (1,1,0,1,0), rest scores (4,3,2,2,1).
  const q1Correct = [1, 1, 0, 1, 0];
  const q1Choice = ["a", "a", "b", "a", "c"];
  const fillerScores = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 0, 0], [1, 0, 0, 0]];
  const pKnown = [0.9, 0.7, 0.3, 0.5, 0.1];
  for (const [u, l] of learners.entries()) {
    await db.enrollment.create({ data: { userId: l.id, courseId } });
    const att = await db.quizAttempt.create({ data: { userId: l.id, courseId, moduleId, kind: "QUIZ", seed: 1, itemIds: "[]", status: "SUBMITTED", percent: 20 * (q1Correct[u] + fillerScores[u].reduce((a, b) => a + b, 0)), submittedAt: new Date() } });
    await db.response.create({ data: { attemptId: att.id, itemId: q1.id, userId: l.id, answer: "{}", choice: q1Choice[u], score: q1Correct[u], correct: !!q1Correct[u] } });
    for (const [k, f] of fillers.entries()) await db.response.create({ data: { attemptId: att.id, itemId: f.id, userId: l.id, answer: "{}", choice: fillerScores[u][k] ? "true" : "false", score: fillerScores[u][k], correct: !!fillerScores[u][k] } });
    await db.mastery.create({ data: { userId: l.id, objectiveId: obj.id, courseId, pKnown: pKnown[u], attempts: 1, correct: 1 } });
  }
  // Ada finished both lessons; Ben read half of lesson 1 (long ago); the others never started.
  const old = new Date(Date.now() - 30 * 86_400_000);
  await db.lessonProgress.create({ data: { userId: learners[0].id, lessonId: lessons[0], courseId, position: 1, completedAt: new Date() } });
  await db.lessonProgress.create({ data: { userId: learners[0].id, lessonId: lessons[1], courseId, position: 1, completedAt: new Date() } });
  await db.lessonProgress.create({ data: { userId: learners[1].id, lessonId: lessons[0], courseId, position: 0.5, lastSeenAt: old, startedAt: old } });
  await db.moduleCompletion.create({ data: { userId: learners[0].id, moduleId, courseId, quizPercent: 100 } });
  await signInAs(owner);
  const c = await createCohortAction({ courseId, name: "Spring", startsAt: "2026-03-01" });
  if (!c.ok) throw new Error(c.message);
  cohortId = c.data.id;
  for (const l of learners.slice(0, 2)) await db.enrollment.update({ where: { userId_courseId: { userId: l.id, courseId } }, data: { cohortId } });
});

describe("item analysis", () => {
  it("computes facility, point-biserial discrimination and distractors in the database", async () => {
    const a = await getItemAnalysis(courseId, actor(owner));
    const q1 = a!.items.find((i) => i.key === "q1")!;
    expect(q1.n).toBe(5);
    expect(q1.facility).toBeCloseTo(0.6, 10);
    expect(q1.discrimination).toBeCloseTo(9 / Math.sqrt(156), 8);
    expect(q1.options.map((o) => [o.id, o.count, o.correct])).toEqual([["a", 3, true], ["b", 1, false], ["c", 1, false]]);
    expect(q1.flags).toEqual([]);
    expect(await getItemAnalysis(courseId, actor(other))).toBeNull();
  });
});

describe("progress and mastery", () => {
  it("heatmap: learners × lessons with text states", async () => {
    const h = await getCohortHeatmap(cohortId, actor(owner));
    expect(h!.rows.map((r) => r.learner.name)).toEqual(["Ada", "Ben"]);
    expect(h!.rows[0].cells.map((c) => c.state)).toEqual(["done", "done"]);
    expect(h!.rows[1].cells).toEqual([{ state: "started", position: 0.5 }, { state: "none", position: 0 }]);
    expect(await getCohortHeatmap(cohortId, actor(other))).toBeNull();
  });

  it("funnel, mastery bins and learners at risk", async () => {
    const f = await getCompletionFunnel(courseId, actor(owner));
    expect(f!.enrolled).toBe(5);
    expect(f!.modules).toEqual([{ id: moduleId, title: "Signals", started: 2, lessonsDone: 1, completed: 1 }]);
    const m = await getMasteryDistribution(courseId, actor(owner));
    expect(m!.objectives[0].counts).toEqual([1, 1, 1, 1, 1]);
    const r = await getLearnersAtRisk(courseId, actor(owner), { inactiveDays: 14, masteryBelow: 0.4 });
    const names = r!.learners.map((l) => l.name).sort();
    // Ben inactive 30 days; Cy, Dee, Eve never active but enrolled just now: only mastery counts for them.
    expect(names).toEqual(["Ben", "Cy", "Eve"]);
    expect(r!.learners.find((l) => l.name === "Ben")!.reasons[0]).toMatch(/inactive since/);
    expect(await getLearnersAtRisk(courseId, actor(other))).toBeNull();
  });

  it("gradebook CSV has one row per learner", async () => {
    const g = await getGradebook(courseId, actor(owner));
    const csv = gradebookCsv(g!);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Name,Email,Lessons completed,Best quiz % – Signals,Mean mastery %");
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith("Ada,"))).toBe(`Ada,${learners[0].email},2,100,90`);
    expect(await getGradebook(courseId, actor(other))).toBeNull();
  });
});

describe("cohorts", () => {
  it("creates an 8-character unambiguous join code, and a learner joins through the invite", async () => {
    const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
    expect(cohort.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
    const newcomer = await createUser(db, { name: "Fay" });
    expect(await getInvite(cohort.joinCode.toLowerCase(), actor(newcomer))).toMatchObject({ cohort: { name: "Spring" }, member: false });
    await signInAs(newcomer);
    expect(await joinCohortAction({ code: cohort.joinCode.toLowerCase() })).toMatchObject({ ok: true });
    expect(await getInvite(cohort.joinCode, actor(newcomer))).toMatchObject({ member: true });
  });

  it("removing a member keeps the enrolment and progress; deadlines are per module; other teams are refused", async () => {
    await signInAs(other);
    expect(await removeCohortMemberAction({ cohortId, userId: learners[1].id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await createCohortAction({ courseId, name: "Evil" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setDeadlineAction({ cohortId, moduleId, dueAt: "2026-04-01" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await signInAs(owner);
    expect(await removeCohortMemberAction({ cohortId, userId: learners[1].id })).toMatchObject({ ok: true });
    const e = await db.enrollment.findUniqueOrThrow({ where: { userId_courseId: { userId: learners[1].id, courseId } } });
    expect(e.cohortId).toBeNull();
    expect(await db.lessonProgress.count({ where: { userId: learners[1].id } })).toBe(1);
    expect(await setDeadlineAction({ cohortId, moduleId, dueAt: "2026-04-01" })).toMatchObject({ ok: true });
    expect((await db.cohortDeadline.findUniqueOrThrow({ where: { cohortId_moduleId: { cohortId, moduleId } } })).dueAt.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(await setDeadlineAction({ cohortId, moduleId, dueAt: "" })).toMatchObject({ ok: true });
    expect(await db.cohortDeadline.count({ where: { cohortId } })).toBe(0);
    // The owner's own cohort, but a module of another course: refused, nothing written.
    const foreign = await createCourse(db, owner.id);
    const foreignModule = await db.module.create({ data: { courseId: foreign.id, slug: "fm", order: 1, title: "Foreign" }, select: { id: true } });
    expect((await setDeadlineAction({ cohortId, moduleId: foreignModule.id, dueAt: "2026-04-01" })).ok).toBe(false);
    expect(await db.cohortDeadline.count({ where: { cohortId } })).toBe(0);
  });
});
