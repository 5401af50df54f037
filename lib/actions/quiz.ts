"use server";
// Quiz mutations. Idempotency is enforced by the database, not by the client: one Response per
// (attempt, item) thanks to the unique key, and one submission per attempt thanks to a conditional
// update on status. Retries and double clicks return the stored result and write nothing.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { ResponseMismatchError, gradeItem } from "@/lib/items/grade";
import { guessFor } from "@/lib/items/mastery";
import { recordMasteryEvidence } from "@/lib/learning/mastery-evidence";
import { responseSchema } from "@/lib/items/schema";
import { newCard } from "@/lib/review/fsrs";
import { statementData } from "@/lib/data/statements";
import { refreshModuleCompletion } from "@/lib/data/completion";
import { feedbackFor, parseItemIds, parsePublished, plainName, startAttempt, type ItemFeedback } from "@/lib/data/quiz";
import { answerItemSchema, startAttemptSchema, submitAttemptSchema } from "@/lib/validation/quiz";
import { createAction } from "./safe-action";

export const startAttemptAction = createAction({ schema: startAttemptSchema }, async (input, { user }) => {
  const { attemptId } = await startAttempt(user, input);
  return { attemptId };
});

async function storedFeedback(attemptId: string, itemId: string, userId: string): Promise<ItemFeedback | null> {
  const row = await db.response.findFirst({
    where: { attemptId, itemId, userId },
    select: { answer: true, score: true, correct: true, item: { select: { published: true } } },
  });
  if (!row) return null;
  const item = parsePublished(row.item.published);
  const response = responseSchema.safeParse(JSON.parse(row.answer));
  if (!item || !response.success) throw new AppError("CONFLICT", "This question was already answered.");
  return feedbackFor(itemId, item, response.data, { score: row.score, correct: row.correct });
}

export const answerItemAction = createAction({ schema: answerItemSchema }, async ({ attemptId, itemId, response, timeMs }, { user }) => {
  // Ownership is part of the lookup: another learner's attempt is simply not found.
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId: user.id }, select: { id: true, status: true, itemIds: true, courseId: true } });
  if (!attempt || !parseItemIds(attempt.itemIds).includes(itemId)) throw new AppError("NOT_FOUND", "That question was not found.");
  const already = await storedFeedback(attempt.id, itemId, user.id);
  if (already) return already;
  if (attempt.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has already been submitted.");

  const row = await db.item.findUnique({ where: { id: itemId }, select: { id: true, courseId: true, objectiveId: true, published: true } });
  const item = row ? parsePublished(row.published) : null;
  if (!row || !item) throw new AppError("NOT_FOUND", "That question is no longer available.");
  let graded: ReturnType<typeof gradeItem>;
  try {
    graded = gradeItem(item.data, response);
  } catch (e) {
    if (e instanceof ResponseMismatchError) throw new AppError("VALIDATION", "That answer does not fit this question.");
    throw e;
  }

  const now = new Date();
  const write = () =>
    db.$transaction(async (tx) => {
      // Touch the attempt row first, conditionally: this takes its row lock, so an answer and a
      // submission of the same attempt serialise, and an answer can never land after the score.
      const open = await tx.quizAttempt.updateMany({ where: { id: attempt.id, userId: user.id, status: "IN_PROGRESS" }, data: { maxScore: parseItemIds(attempt.itemIds).length } });
      if (open.count !== 1) throw new AppError("CONFLICT", "This attempt has already been submitted.");
      await tx.response.create({
        data: { attemptId: attempt.id, itemId, userId: user.id, answer: JSON.stringify(response), choice: graded.choice, score: graded.score, correct: graded.correct, timeMs },
      });
      if (row.objectiveId) {
        await recordMasteryEvidence(tx, { userId: user.id, objectiveId: row.objectiveId, courseId: row.courseId, score: graded.score, correct: graded.correct, guess: guessFor(item.type) }, now);
      }
      // A card is created the first time the learner meets the item; an existing card keeps its schedule.
      const card = await tx.reviewCard.findUnique({ where: { userId_itemId: { userId: user.id, itemId } }, select: { id: true } });
      if (!card) await tx.reviewCard.create({ data: { userId: user.id, itemId, courseId: row.courseId, ...newCard(now) } });
      await tx.statement.create({
        data: statementData({
          userId: user.id,
          courseId: row.courseId,
          verb: "answered",
          objectType: "Item",
          objectId: itemId,
          objectName: plainName(item.stem),
          result: { score: graded.score, success: graded.correct, completion: true, durationMs: timeMs },
          context: { attemptId: attempt.id },
          timestamp: now,
        }),
      });
    });

  for (let tries = 0; ; tries++) {
    try {
      await write();
      break;
    } catch (e) {
      // A duplicate click or retry: the first answer stands and is returned unchanged.
      const stored = await storedFeedback(attempt.id, itemId, user.id);
      if (stored) return stored;
      if (isUniqueViolation(e) && tries < 4) continue; // a race on the review card
      throw e;
    }
  }
  return feedbackFor(itemId, item, response, { score: graded.score, correct: graded.correct });
});

export interface AttemptResult {
  attemptId: string;
  kind: "CHECK" | "QUIZ";
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean | null;
  passMark: number | null;
  courseSlug: string;
}

export const submitAttemptAction = createAction({ schema: submitAttemptSchema }, async ({ attemptId }, { user }) => {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId: user.id },
    select: {
      id: true, kind: true, itemIds: true, courseId: true, moduleId: true, lessonId: true,
      course: { select: { slug: true, passMark: true } },
      module: { select: { passMark: true, publishedTitle: true } },
      lesson: { select: { publishedTitle: true } },
    },
  });
  if (!attempt) throw new AppError("NOT_FOUND", "That attempt was not found.");
  const kind = attempt.kind === "QUIZ" ? "QUIZ" : "CHECK";
  const passMark = kind === "QUIZ" ? attempt.module?.passMark ?? attempt.course.passMark : null;
  const now = new Date();

  const won = await db.$transaction(async (tx) => {
    // The one conditional update decides the winner among concurrent submissions. It comes first so
    // that it takes the attempt's row lock before the score is summed (answers take the same lock).
    const n = await tx.quizAttempt.updateMany({
      where: { id: attempt.id, userId: user.id, status: "IN_PROGRESS" },
      data: { status: "SUBMITTED", submittedAt: now },
    });
    if (n.count !== 1) return false;
    const maxScore = parseItemIds(attempt.itemIds).length;
    // Unanswered items count 0: the score is the sum over the responses that exist.
    const sum = await tx.response.aggregate({ where: { attemptId: attempt.id }, _sum: { score: true } });
    const score = Math.round((sum._sum.score ?? 0) * 1e6) / 1e6;
    const percent = maxScore ? Math.round((score / maxScore) * 1000) / 10 : 0;
    const passed = kind === "QUIZ" ? percent >= passMark! : null;
    await tx.quizAttempt.update({ where: { id: attempt.id }, data: { score, maxScore, percent, passed } });
    const verb = kind === "CHECK" ? "completed" : passed ? "passed" : "failed";
    await tx.statement.create({
      data: statementData({
        userId: user.id,
        courseId: attempt.courseId,
        verb,
        objectType: kind === "CHECK" ? "Check" : "Quiz",
        objectId: kind === "CHECK" ? attempt.lessonId ?? attempt.id : attempt.moduleId ?? attempt.id,
        objectName: (kind === "CHECK" ? attempt.lesson?.publishedTitle : attempt.module?.publishedTitle) ?? "",
        result: { score: maxScore ? score / maxScore : 0, success: passed, completion: true },
        context: { attemptId: attempt.id },
        timestamp: now,
      }),
    });
    return true;
  });

  if (won && kind === "QUIZ" && attempt.moduleId) await refreshModuleCompletion(user.id, attempt.moduleId);
  const final = await db.quizAttempt.findFirst({ where: { id: attempt.id, userId: user.id }, select: { score: true, maxScore: true, percent: true, passed: true } });
  if (won) revalidatePath(`/courses/${attempt.course.slug}`);
  const result: AttemptResult = {
    attemptId: attempt.id,
    kind,
    score: final?.score ?? 0,
    maxScore: final?.maxScore ?? 0,
    percent: final?.percent ?? 0,
    passed: final?.passed ?? null,
    passMark,
    courseSlug: attempt.course.slug,
  };
  return result;
});
