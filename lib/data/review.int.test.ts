import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { CORRECT, createPublishedCourse, enrol } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { answerItemAction, startAttemptAction, submitAttemptAction } from "@/lib/actions/quiz";
import { revealReviewAction, reviewCardAction, updateRetentionAction } from "@/lib/actions/review";
import { deleteAccountAction } from "@/lib/actions/account";
import { countDueCards, getReviewSession } from "./review";
import type { Actor, Role } from "@/lib/auth/permissions";

const actor = (u: { id: string; role: string }): Actor => ({ id: u.id, role: u.role as Role });

async function learnerWithCards(types: ("single" | "truefalse" | "short")[] = ["single", "truefalse"]) {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const c = await createPublishedCourse(db, owner.id, { quizTypes: types });
  await enrol(db, learner.id, c.course.id);
  await signInAs(learner);
  const start = await startAttemptAction({ kind: "QUIZ", moduleId: c.module.id });
  if (!start.ok) throw new Error(start.message);
  for (const it of c.quizItems) await answerItemAction({ attemptId: start.data.attemptId, itemId: it.id, response: CORRECT[it.type as keyof typeof CORRECT], timeMs: 2500 });
  return { owner, learner, ...c, attemptId: start.data.attemptId };
}

describe("spaced review", () => {
  it("answering items creates due cards; the session shows one without answers", async () => {
    const s = await learnerWithCards();
    expect(await countDueCards(s.learner.id)).toBe(2);
    const session = await getReviewSession(actor(s.learner));
    expect(session.due).toBe(2);
    expect(session.retention).toBe(0.9);
    expect(session.card).not.toBeNull();
    expect(session.card!.stem).toContain("<strong>");
    expect(JSON.stringify(session.card)).not.toMatch(/weight|"answer"|feedback/);
    expect(Object.keys(session.card!.intervals)).toEqual(["1", "2", "3", "4"]);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: s.learner.id } });
    expect(card.state).toBe(0);
  });

  it("reviewing schedules into the future and writes a log and a statement", async () => {
    const s = await learnerWithCards();
    const { card } = await getReviewSession(actor(s.learner));
    const before = Date.now();
    const r = await reviewCardAction({ cardId: card!.id, rating: 3, reps: card!.reps });
    expect(r).toMatchObject({ ok: true, data: { applied: true, remaining: 1 } });
    const row = await db.reviewCard.findUniqueOrThrow({ where: { id: card!.id } });
    expect(row.due.getTime()).toBeGreaterThan(before);
    expect(row.reps).toBe(1);
    expect(row.lastReview).not.toBeNull();
    expect(await db.reviewLog.count({ where: { cardId: card!.id, rating: 3 } })).toBe(1);
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: "reviewed" } })).toBe(1);
    // Easy on the other card goes further out than Good did.
    const next = await getReviewSession(actor(s.learner));
    expect(next.card!.id).not.toBe(card!.id);
    await reviewCardAction({ cardId: next.card!.id, rating: 4 });
    const easy = await db.reviewCard.findUniqueOrThrow({ where: { id: next.card!.id } });
    expect(easy.due.getTime()).toBeGreaterThan(row.due.getTime());
    expect(await countDueCards(s.learner.id)).toBe(0);
    expect((await getReviewSession(actor(s.learner))).nextDue).toEqual(row.due);
    // Answering the same item again in a new attempt does not reschedule its card.
    await submitAttemptAction({ attemptId: s.attemptId });
    const again = await startAttemptAction({ kind: "QUIZ", moduleId: s.module.id });
    expect(again.ok && again.data.attemptId).not.toBe(s.attemptId);
    const item = await db.reviewCard.findUniqueOrThrow({ where: { id: card!.id }, select: { itemId: true, item: { select: { type: true } } } });
    expect(await answerItemAction({ attemptId: again.ok ? again.data.attemptId : "", itemId: item.itemId, response: CORRECT[item.item.type as "single" | "truefalse"] })).toMatchObject({ ok: true });
    expect(await db.reviewCard.findUniqueOrThrow({ where: { id: card!.id } })).toMatchObject({ reps: 1, due: row.due });
    expect(await db.reviewCard.count({ where: { userId: s.learner.id } })).toBe(2);
  });

  it("a double submit writes one log, in parallel and in sequence", async () => {
    const s = await learnerWithCards(["single"]);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: s.learner.id } });
    const rs = await Promise.all(Array.from({ length: 10 }, () => reviewCardAction({ cardId: card.id, rating: 3, reps: 0 })));
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(rs.filter((r) => r.ok && r.data.applied)).toHaveLength(1);
    expect(await reviewCardAction({ cardId: card.id, rating: 3, reps: 0 })).toMatchObject({ ok: true, data: { applied: false } });
    expect(await reviewCardAction({ cardId: card.id, rating: 1 })).toMatchObject({ ok: true, data: { applied: false } }); // not due any more
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    expect(await db.statement.count({ where: { userId: s.learner.id, verb: "reviewed" } })).toBe(1);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(1);
  });

  it("another learner cannot review or reveal someone's card", async () => {
    const s = await learnerWithCards(["single"]);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: s.learner.id } });
    await signInAs(await createUser(db));
    expect(await reviewCardAction({ cardId: card.id, rating: 3 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await revealReviewAction({ cardId: card.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.reviewLog.count({ where: { cardId: card.id } })).toBe(0);
    expect((await db.reviewCard.findUniqueOrThrow({ where: { id: card.id } })).reps).toBe(0);
  });

  it("reveal grades a review answer or shows the answer, and writes nothing", async () => {
    const s = await learnerWithCards(["single"]);
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: s.learner.id } });
    const statements = await db.statement.count();
    expect(await revealReviewAction({ cardId: card.id, response: { type: "single", optionId: "b" } })).toMatchObject({ ok: true, data: { score: 0, correct: false, correctAnswer: "Paracrine" } });
    expect(await revealReviewAction({ cardId: card.id })).toMatchObject({ ok: true, data: { correctAnswer: "Paracrine", score: null } });
    expect(await revealReviewAction({ cardId: card.id, response: { type: "short", text: "x" } })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.statement.count()).toBe(statements);
  });

  it("desired retention is validated and shortens intervals", async () => {
    const s = await learnerWithCards(["single"]);
    expect(await updateRetentionAction({ desiredRetention: 0.5 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await updateRetentionAction({ desiredRetention: "0.99" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await updateRetentionAction({ desiredRetention: "0.95" })).toMatchObject({ ok: true, data: { desiredRetention: 0.95 } });
    expect((await getReviewSession(actor(s.learner))).retention).toBe(0.95);
  });
});

describe("your data", () => {
  it("deleting the account needs the typed confirmation and removes the user's rows", async () => {
    const s = await learnerWithCards(["single", "truefalse"]);
    await submitAttemptAction({ attemptId: s.attemptId });
    const card = await db.reviewCard.findFirstOrThrow({ where: { userId: s.learner.id } });
    await reviewCardAction({ cardId: card.id, rating: 3 });
    expect(await deleteAccountAction({ confirm: "delete" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.user.count({ where: { id: s.learner.id } })).toBe(1);
    expect(await deleteAccountAction({ confirm: "DELETE" })).toMatchObject({ ok: true });
    const userId = s.learner.id;
    const counts = await Promise.all([
      db.user.count({ where: { id: userId } }),
      db.enrollment.count({ where: { userId } }),
      db.quizAttempt.count({ where: { userId } }),
      db.response.count({ where: { userId } }),
      db.mastery.count({ where: { userId } }),
      db.reviewCard.count({ where: { userId } }),
      db.reviewLog.count({ where: { userId } }),
      db.statement.count({ where: { userId } }),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // The course and its items are untouched; the session is now dead.
    expect(await db.item.count({ where: { courseId: s.course.id } })).toBe(2);
    expect(await deleteAccountAction({ confirm: "DELETE" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
