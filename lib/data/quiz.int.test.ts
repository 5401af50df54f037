import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { CORRECT, completeLessons, createPublishedCourse, createPublishedItem, enrol, SAMPLE_ITEMS } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { answerItemAction, startAttemptAction, submitAttemptAction } from "@/lib/actions/quiz";
import { getAttemptForPlayer, getQuizPlayer, listSubmittedAttempts } from "./quiz";
import { DEFAULT_BKT, guessFor, updateMastery } from "@/lib/items/mastery";
import { ITEM_TYPES } from "@/lib/items/schema";
import type { Actor, Role } from "@/lib/auth/permissions";

const actor = (u: { id: string; role: string }): Actor => ({ id: u.id, role: u.role as Role });

async function setup(opts: Parameters<typeof createPublishedCourse>[2] = {}) {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const c = await createPublishedCourse(db, owner.id, opts);
  await enrol(db, learner.id, c.course.id);
  await signInAs(learner);
  return { owner, learner, ...c };
}

async function start(input: { kind: "CHECK"; lessonId: string } | { kind: "QUIZ"; moduleId: string }) {
  const r = await startAttemptAction(input);
  if (!r.ok) throw new Error(`start failed: ${r.code} ${r.message}`);
  return r.data.attemptId;
}

describe("starting an attempt", () => {
  it("creates one attempt with the published, non-archived items in order and reuses it", async () => {
    const s = await setup({ checkTypes: ["single", "truefalse"], quizTypes: ["numeric"] });
    // Neither drafts nor archived items, nor quiz items, are served in a lesson check.
    await createPublishedItem(db, { courseId: s.course.id, moduleId: s.module.id, lessonId: s.lessons[0].id, check: true, published: false, data: SAMPLE_ITEMS.short });
    await createPublishedItem(db, { courseId: s.course.id, moduleId: s.module.id, lessonId: s.lessons[0].id, check: true, archived: true, data: SAMPLE_ITEMS.short });
    const a = await start({ kind: "CHECK", lessonId: s.lessons[0].id });
    const b = await start({ kind: "CHECK", lessonId: s.lessons[0].id });
    expect(b).toBe(a);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: a } });
    expect(JSON.parse(row.itemIds)).toEqual(s.checkItems.map((i) => i.id));
    expect(row.seed).toBeGreaterThanOrEqual(0);
    expect(row.seed).toBeLessThan(2 ** 31);
    const quiz = await start({ kind: "QUIZ", moduleId: s.module.id });
    expect(quiz).not.toBe(a);
    expect(JSON.parse((await db.quizAttempt.findUniqueOrThrow({ where: { id: quiz } })).itemIds)).toEqual(s.quizItems.map((i) => i.id));
  });

  it("two tabs starting at once share one attempt", async () => {
    const s = await setup({ quizTypes: ["single"] });
    const ids = await Promise.all(Array.from({ length: 5 }, () => start({ kind: "QUIZ", moduleId: s.module.id })));
    expect(new Set(ids).size).toBe(1);
    expect(await db.quizAttempt.count({ where: { userId: s.learner.id, status: "IN_PROGRESS" } })).toBe(1);
  });

  it("refuses learners who are not enrolled, and unpublished lessons", async () => {
    const s = await setup({ checkTypes: ["single"] });
    const stranger = await createUser(db);
    await signInAs(stranger);
    expect(await startAttemptAction({ kind: "CHECK", lessonId: s.lessons[0].id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await startAttemptAction({ kind: "QUIZ", moduleId: s.module.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.quizAttempt.count({ where: { userId: stranger.id } })).toBe(0);
    await db.lesson.update({ where: { id: s.lessons[0].id }, data: { publishedAt: null } });
    await signInAs(s.learner);
    expect(await startAttemptAction({ kind: "CHECK", lessonId: s.lessons[0].id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // The course team may try its own checks without enrolling.
    await db.lesson.update({ where: { id: s.lessons[0].id }, data: { publishedAt: new Date() } });
    await signInAs(s.owner);
    expect(await startAttemptAction({ kind: "CHECK", lessonId: s.lessons[0].id })).toMatchObject({ ok: true });
  });
});

describe("the player payload", () => {
  it("is stable across reloads, shuffled by seed, and carries no answers before answering", async () => {
    const s = await setup({ quizTypes: ["single", "multiple", "matching", "ordering", "numeric", "short", "truefalse"] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    const one = await getAttemptForPlayer(id, actor(s.learner));
    const two = await getAttemptForPlayer(id, actor(s.learner));
    expect(one).not.toBeNull();
    expect(two?.items.map((i) => i.view)).toEqual(one!.items.map((i) => i.view));
    expect(one!.items).toHaveLength(7);
    expect(one!.items[0].stem).toContain("<strong>");
    const json = JSON.stringify(one);
    for (const leak of ["weight", "feedback\"", "tolerance", "\"answer\"", "Because", "Yes: it acts", "answers", "sequence", "\"match\""]) expect(json).not.toContain(leak);
    expect(one!.items.every((i) => i.answered === null)).toBe(true);
    const ordering = one!.items.find((i) => i.type === "ordering")!.view as { steps: { id: string }[] };
    expect(ordering.steps.map((x) => x.id)).not.toEqual(["s1", "s2", "s3"]);
    // Someone else cannot load it.
    const other = await createUser(db);
    expect(await getAttemptForPlayer(id, actor(other))).toBeNull();
    // After answering, the reload carries the graded feedback.
    const single = s.quizItems.find((i) => i.type === "single")!;
    await answerItemAction({ attemptId: id, itemId: single.id, response: CORRECT.single, timeMs: 1200 });
    const three = await getAttemptForPlayer(id, actor(s.learner));
    const answered = three!.items.find((i) => i.id === single.id)!.answered!;
    expect(answered).toMatchObject({ score: 1, correct: true, correctAnswer: "Paracrine" });
    expect(answered.explanation).toContain("<em>paracrine</em>");
  });

  it("the module quiz page helper starts and resumes through slugs", async () => {
    const s = await setup({ quizTypes: ["single"] });
    const a = await getQuizPlayer(s.course.slug, s.module.slug, actor(s.learner));
    const b = await getQuizPlayer(s.course.slug, s.module.slug, actor(s.learner));
    expect(a.status).toBe("ok");
    expect(b.status === "ok" && a.status === "ok" && b.attempt.id === a.attempt.id).toBe(true);
    // After submitting, the page shows that attempt's result (no silent new attempt) until a retake.
    if (a.status !== "ok") throw new Error("expected ok");
    await submitAttemptAction({ attemptId: a.attempt.id });
    const c = await getQuizPlayer(s.course.slug, s.module.slug, actor(s.learner));
    expect(c.status === "ok" && c.attempt.id).toBe(a.attempt.id);
    expect(c.status === "ok" && c.attempt.result).toMatchObject({ score: 0, maxScore: 1, percent: 0, passed: false });
    expect(c.status === "ok" && c.attempt.target).toEqual({ kind: "QUIZ", moduleId: s.module.id });
    const retake = await start({ kind: "QUIZ", moduleId: s.module.id });
    const d = await getQuizPlayer(s.course.slug, s.module.slug, actor(s.learner));
    expect(d.status === "ok" && d.attempt.id).toBe(retake);
    expect(d.status === "ok" && d.attempt.result).toBeNull();
    expect((await getQuizPlayer(s.course.slug, "nope", actor(s.learner))).status).toBe("not-found");
    expect((await getQuizPlayer(s.course.slug, s.module.slug, actor(await createUser(db)))).status).toBe("needs-enrolment");
  });
});

describe("answering", () => {
  it("grades one item of each of the 7 types through the action", async () => {
    const s = await setup({ quizTypes: [...ITEM_TYPES] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    for (const item of s.quizItems) {
      const t = item.type as (typeof ITEM_TYPES)[number];
      const r = await answerItemAction({ attemptId: id, itemId: item.id, response: CORRECT[t], timeMs: 500 });
      expect(r, t).toMatchObject({ ok: true, data: { score: 1, correct: true } });
    }
    const wrong = await setup({ quizTypes: ["multiple", "ordering", "numeric", "matching"] });
    const id2 = await start({ kind: "QUIZ", moduleId: wrong.module.id });
    const [multi, ord, num, match] = wrong.quizItems;
    expect(await answerItemAction({ attemptId: id2, itemId: multi.id, response: { type: "multiple", optionIds: ["a", "c"] } })).toMatchObject({ ok: true, data: { score: 0, correct: false } });
    const o = await answerItemAction({ attemptId: id2, itemId: ord.id, response: { type: "ordering", order: ["s2", "s1", "s3"] } });
    expect(o).toMatchObject({ ok: true, data: { correct: false, parts: { s1: false, s2: false, s3: true } } });
    expect(o.ok && o.data.score).toBeCloseTo(2 / 3, 5);
    expect(await answerItemAction({ attemptId: id2, itemId: num.id, response: { type: "numeric", value: 52 } })).toMatchObject({ ok: true, data: { score: 0.5, feedback: [expect.stringContaining("Half")] } });
    expect(await answerItemAction({ attemptId: id2, itemId: match.id, response: { type: "matching", matches: { p1: "Endocrine", p2: "Exocrine" } } })).toMatchObject({
      ok: true,
      data: { score: 0.5, parts: { p1: true, p2: false }, correctAnswer: expect.stringContaining("Nitric oxide → Paracrine") },
    });
    // A response of the wrong type is refused and writes nothing.
    const s3 = await setup({ quizTypes: ["single"] });
    const id3 = await start({ kind: "QUIZ", moduleId: s3.module.id });
    expect(await answerItemAction({ attemptId: id3, itemId: s3.quizItems[0].id, response: { type: "truefalse", value: true } })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await answerItemAction({ attemptId: id3, itemId: s3.quizItems[0].id, response: { type: "single", optionId: "zz" } })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.response.count({ where: { attemptId: id3 } })).toBe(0);
  });

  it("twenty parallel answers for the same item store one response and update mastery once", async () => {
    const s = await setup({ quizTypes: ["single"] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    const item = s.quizItems[0];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => answerItemAction({ attemptId: id, itemId: item.id, response: i % 2 ? { type: "single", optionId: "b" } : CORRECT.single, timeMs: 100 })));
    expect(results.every((r) => r.ok)).toBe(true);
    const scores = new Set(results.map((r) => (r.ok ? r.data.score : -1)));
    expect(scores.size).toBe(1); // every caller sees the one stored result
    expect(await db.response.count({ where: { attemptId: id, itemId: item.id } })).toBe(1);
    const stored = await db.response.findFirstOrThrow({ where: { attemptId: id } });
    const m = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objective.id } } });
    expect(m.attempts).toBe(1);
    expect(m.pKnown).toBeCloseTo(updateMastery(DEFAULT_BKT.prior, stored.score, { ...DEFAULT_BKT, guess: guessFor("single") }), 10);
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: "answered" } })).toBe(1);
    expect(await db.reviewCard.count({ where: { userId: s.learner.id, itemId: item.id } })).toBe(1);
  });

  it("answers on different items of one objective all count towards mastery", async () => {
    const s = await setup({ quizTypes: ["single", "truefalse", "short", "numeric"] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    const rs = await Promise.all(s.quizItems.map((it) => answerItemAction({ attemptId: id, itemId: it.id, response: CORRECT[it.type as keyof typeof CORRECT] })));
    expect(rs.every((r) => r.ok)).toBe(true);
    const m = await db.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: s.learner.id, objectiveId: s.objective.id } } });
    expect(m).toMatchObject({ attempts: 4, correct: 4 });
  });

  it("another learner cannot answer or submit someone's attempt; nothing is written", async () => {
    const s = await setup({ quizTypes: ["single"] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    const intruder = await createUser(db);
    await enrol(db, intruder.id, s.course.id);
    await signInAs(intruder);
    const a = await answerItemAction({ attemptId: id, itemId: s.quizItems[0].id, response: CORRECT.single });
    expect(a.ok).toBe(false);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(!a.ok && a.code);
    const b = await submitAttemptAction({ attemptId: id });
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(!b.ok && b.code);
    expect(await db.response.count({ where: { attemptId: id } })).toBe(0);
    expect(await db.quizAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "IN_PROGRESS", score: null });
    expect(await db.statement.count({ where: { userId: { in: [intruder.id, s.learner.id] }, verb: { in: ["answered", "passed", "failed"] } } })).toBe(0);
    // An item outside the attempt is refused too.
    await signInAs(s.learner);
    const foreign = await setup({ quizTypes: ["single"] });
    await signInAs(s.learner);
    expect(await answerItemAction({ attemptId: id, itemId: foreign.quizItems[0].id, response: CORRECT.single })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});

describe("submitting", () => {
  it("twenty parallel submissions: one SUBMITTED attempt, one statement, one score", async () => {
    const s = await setup({ quizTypes: ["single", "truefalse"], passMark: 50 });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    await answerItemAction({ attemptId: id, itemId: s.quizItems[0].id, response: CORRECT.single });
    const results = await Promise.all(Array.from({ length: 20 }, () => submitAttemptAction({ attemptId: id })));
    expect(results.every((r) => r.ok)).toBe(true);
    for (const r of results) expect(r).toMatchObject({ ok: true, data: { score: 1, maxScore: 2, percent: 50, passed: true } });
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SUBMITTED", score: 1, maxScore: 2, percent: 50, passed: true });
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: { in: ["passed", "failed"] } } })).toBe(1);
    // Answers after submission are refused; a later submit changes nothing.
    expect(await answerItemAction({ attemptId: id, itemId: s.quizItems[1].id, response: CORRECT.truefalse })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await submitAttemptAction({ attemptId: id })).toMatchObject({ ok: true, data: { score: 1 } });
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id } })).submittedAt).toEqual(row.submittedAt);
  });

  it("answers racing a submission are either counted in the score or refused, never lost", async () => {
    const s = await setup({ quizTypes: ["single", "truefalse", "short", "numeric", "multiple", "ordering"] });
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    const answers = s.quizItems.map((it) => answerItemAction({ attemptId: id, itemId: it.id, response: CORRECT[it.type as keyof typeof CORRECT] }));
    const results = await Promise.all([...answers.slice(0, 3), submitAttemptAction({ attemptId: id }), ...answers.slice(3)]);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id } });
    const stored = await db.response.aggregate({ where: { attemptId: id }, _sum: { score: true }, _count: { _all: true } });
    expect(row.status).toBe("SUBMITTED");
    expect(row.score).toBeCloseTo(stored._sum.score ?? 0, 6);
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
    expect(stored._count._all + refused.length).toBe(6);
  });

  it("a lesson check records 'completed'; a failed quiz records 'failed' and no completion", async () => {
    const s = await setup({ checkTypes: ["single"], quizTypes: ["single", "truefalse"] });
    const check = await start({ kind: "CHECK", lessonId: s.lessons[0].id });
    expect(await submitAttemptAction({ attemptId: check })).toMatchObject({ ok: true, data: { kind: "CHECK", score: 0, passed: null } });
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: "completed", objectType: "Check" } })).toBe(1);
    await completeLessons(db, s.learner.id, s.course.id, s.lessons.map((l) => l.id));
    const quiz = await start({ kind: "QUIZ", moduleId: s.module.id });
    await answerItemAction({ attemptId: quiz, itemId: s.quizItems[0].id, response: CORRECT.single });
    expect(await submitAttemptAction({ attemptId: quiz })).toMatchObject({ ok: true, data: { percent: 50, passed: false, passMark: 80 } });
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: "failed" } })).toBe(1);
    expect(await db.moduleCompletion.count({ where: { userId: s.learner.id } })).toBe(0);
    // A retake starts a fresh attempt.
    const again = await start({ kind: "QUIZ", moduleId: s.module.id });
    expect(again).not.toBe(quiz);
  });

  it("a module quiz passed at the pass mark, with every lesson complete, completes the module", async () => {
    const s = await setup({ lessons: 2, quizTypes: ["single", "truefalse", "short", "numeric", "multiple"], modulePassMark: 80 });
    await completeLessons(db, s.learner.id, s.course.id, s.lessons.map((l) => l.id));
    const id = await start({ kind: "QUIZ", moduleId: s.module.id });
    for (const it of s.quizItems.slice(0, 4)) await answerItemAction({ attemptId: id, itemId: it.id, response: CORRECT[it.type as keyof typeof CORRECT] });
    expect(await submitAttemptAction({ attemptId: id })).toMatchObject({ ok: true, data: { percent: 80, passed: true } });
    const done = await db.moduleCompletion.findUnique({ where: { userId_moduleId: { userId: s.learner.id, moduleId: s.module.id } } });
    expect(done).toMatchObject({ quizPercent: 80 });
    const history = await listSubmittedAttempts(s.course.slug, actor(s.learner));
    expect(history?.attempts).toHaveLength(1);
    expect(history?.attempts[0]).toMatchObject({ kind: "QUIZ", percent: 80, passed: true, title: "Module one" });
  });
});
