"use server";
// Spaced review. A rating reschedules the card with the learner's desired retention and writes the
// card, a ReviewLog and a Statement in one transaction. The card's (reps, lastReview) pair is its
// version: of two identical submissions only the first matches and writes; the second is a no-op.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ResponseMismatchError } from "@/lib/items/grade";
import { retentionSchema } from "@/lib/validation/learning";
import { revealReviewSchema, reviewCardSchema } from "@/lib/validation/quiz";
import { DEFAULT_RETENTION, schedule } from "@/lib/review/fsrs";
import { statementData } from "@/lib/data/statements";
import { feedbackFor, parsePublished, plainName } from "@/lib/data/quiz";
import { countDueCards } from "@/lib/data/review";
import { correctAnswerText } from "@/lib/items/grade";
import { renderRichText } from "@/lib/markdown/render";
import { createAction } from "./safe-action";

const RATING_WORD: Record<number, string> = { 1: "again", 2: "hard", 3: "good", 4: "easy" };

export const reviewCardAction = createAction({ schema: reviewCardSchema }, async ({ cardId, rating, reps }, { user }) => {
  const card = await db.reviewCard.findFirst({
    where: { id: cardId, userId: user.id },
    select: {
      id: true, itemId: true, courseId: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true,
      item: { select: { published: true } },
      user: { select: { desiredRetention: true } },
    },
  });
  if (!card) throw new AppError("NOT_FOUND", "That review card was not found.");
  const now = new Date();
  const unchanged = { applied: false as const, due: card.due, scheduledDays: card.scheduledDays, remaining: await countDueCards(user.id, now) };
  // Already rated (the client saw an older version), or not due: a repeated submit changes nothing.
  if ((reps !== undefined && reps !== card.reps) || card.due > now) return unchanged;

  const next = schedule(card, rating, now, card.user.desiredRetention ?? DEFAULT_RETENTION);
  const item = parsePublished(card.item.published);
  const applied = await db.$transaction(async (tx) => {
    const n = await tx.reviewCard.updateMany({
      where: { id: card.id, userId: user.id, reps: card.reps, lastReview: card.lastReview },
      data: { ...next.card },
    });
    if (n.count !== 1) return false;
    await tx.reviewLog.create({ data: { cardId: card.id, userId: user.id, ...next.log } });
    await tx.statement.create({
      data: statementData({
        userId: user.id,
        courseId: card.courseId,
        verb: "reviewed",
        objectType: "Item",
        objectId: card.itemId,
        objectName: item ? plainName(item.stem) : "",
        result: { success: rating > 1, completion: true },
        context: { cardId: card.id, rating: RATING_WORD[rating], due: next.card.due.toISOString() },
        timestamp: now,
      }),
    });
    return true;
  });
  if (!applied) return unchanged;
  revalidatePath("/review");
  return { applied: true as const, due: next.card.due, scheduledDays: next.card.scheduledDays, remaining: await countDueCards(user.id, now) };
});

/** "Check" (with a response) or "Show answer" (without) on a review card. Grades, writes nothing. */
export const revealReviewAction = createAction({ schema: revealReviewSchema }, async ({ cardId, response }, { user }) => {
  const card = await db.reviewCard.findFirst({ where: { id: cardId, userId: user.id }, select: { itemId: true, item: { select: { published: true } } } });
  const item = card ? parsePublished(card.item.published) : null;
  if (!card || !item) throw new AppError("NOT_FOUND", "That review card was not found.");
  if (response) {
    if (response.type !== item.type) throw new AppError("VALIDATION", "That answer does not fit this question.");
    try {
      return feedbackFor(card.itemId, item, response);
    } catch (e) {
      if (e instanceof ResponseMismatchError) throw new AppError("VALIDATION", "That answer does not fit this question.");
      throw e;
    }
  }
  return {
    itemId: card.itemId,
    score: null,
    correct: null,
    feedback: [] as string[],
    explanation: item.explanation ? renderRichText(item.explanation, item.stemFormat === "html" ? "html" : "markdown") : "",
    correctAnswer: correctAnswerText(item.data),
    parts: null,
    response: null,
  };
});

export const updateRetentionAction = createAction({ schema: retentionSchema }, async ({ desiredRetention }, { user }) => {
  const value = Math.round(desiredRetention * 100) / 100;
  await db.user.update({ where: { id: user.id }, data: { desiredRetention: value } });
  revalidatePath("/account");
  revalidatePath("/review");
  return { desiredRetention: value };
});
