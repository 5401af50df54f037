import "server-only";
// The one place mastery changes: every piece of evidence (a graded answer, a first prediction) goes
// through recordMasteryEvidence inside the caller's transaction. The row is created by an insert that
// does nothing when it exists (portable SQL, so racing first answers cannot fail each other), then
// updated by compare-and-swap on `attempts`, retried on a lost race: concurrent answers on one
// objective each count exactly once, on SQLite and on PostgreSQL.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DEFAULT_BKT, updateMastery } from "@/lib/items/mastery";

export interface MasteryEvidence {
  userId: string;
  objectiveId: string;
  courseId: string;
  /** 0–1, partial credit allowed. */
  score: number;
  correct: boolean;
  /** The chance of answering right by guessing (guessFor(itemType)). */
  guess: number;
}

const MAX_RACES = 25;

export async function recordMasteryEvidence(tx: Tx, e: MasteryEvidence, now = new Date()): Promise<number> {
  await tx.$executeRaw`
    INSERT INTO "Mastery" ("id", "userId", "objectiveId", "courseId", "pKnown", "attempts", "correct", "updatedAt")
    VALUES (${randomUUID()}, ${e.userId}, ${e.objectiveId}, ${e.courseId}, ${DEFAULT_BKT.prior}, 0, 0, ${now})
    ON CONFLICT ("userId", "objectiveId") DO NOTHING`;
  const params = { ...DEFAULT_BKT, guess: e.guess };
  for (let i = 0; i < MAX_RACES; i++) {
    const m = await tx.mastery.findUniqueOrThrow({ where: { userId_objectiveId: { userId: e.userId, objectiveId: e.objectiveId } }, select: { id: true, pKnown: true, attempts: true } });
    const pKnown = updateMastery(m.pKnown, e.score, params);
    const n = await tx.mastery.updateMany({
      where: { id: m.id, attempts: m.attempts },
      data: { pKnown, attempts: { increment: 1 }, correct: { increment: e.correct ? 1 : 0 } },
    });
    if (n.count === 1) return pKnown;
  }
  throw new AppError("CONFLICT", "Too many answers arrived at once. Please try again.");
}
