import "server-only";
// Spaced review reads: how many cards are due, and the next due card as the player needs it (the
// published stem and playerView only: answers are fetched on "Check"/"Show answer").
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { itemSeed, playerView, type PlayerView } from "@/lib/items/grade";
import type { ItemType } from "@/lib/items/schema";
import { renderRichText } from "@/lib/markdown/render";
import { DEFAULT_RETENTION, describeInterval, preview } from "@/lib/review/fsrs";
import { parsePublished } from "./quiz";
import type { ReviewCardView } from "@/lib/items/player";

export type { ReviewCardView };

/** Cards the learner may review: their own, on items still published, in courses still published. */
export const reviewableWhere = (userId: string) => ({
  userId,
  item: { archivedAt: null, published: { not: null } },
  course: { status: "PUBLISHED" },
});

export async function countDueCards(userId: string, now = new Date()): Promise<number> {
  // Shown on every dashboard: the reviewableWhere filter as one plain SQL count (a Date binds
  // natively on PostgreSQL and as the stored ISO text on SQLite, so the comparison is portable).
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM "ReviewCard" r
    JOIN "Item" i ON i."id" = r."itemId" JOIN "Course" c ON c."id" = r."courseId"
    WHERE r."userId" = ${userId} AND r."due" <= ${now}
      AND i."archivedAt" IS NULL AND i."published" IS NOT NULL AND c."status" = 'PUBLISHED'`;
  return Number(row?.n ?? 0);
}


export async function getReviewSession(actor: Actor, now = new Date()): Promise<{ due: number; retention: number; card: ReviewCardView | null; nextDue: Date | null }> {
  const where = { ...reviewableWhere(actor.id), due: { lte: now } };
  const [user, due, cards, upcoming] = await Promise.all([
    db.user.findUnique({ where: { id: actor.id }, select: { desiredRetention: true } }),
    db.reviewCard.count({ where }),
    // A few candidates, in case one's snapshot no longer parses.
    db.reviewCard.findMany({
      where,
      orderBy: [{ due: "asc" }, { id: "asc" }],
      take: 5,
      select: {
        id: true, itemId: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, state: true, lastReview: true,
        course: { select: { title: true } },
        item: { select: { published: true, case: { select: { title: true, scenario: true } } } },
      },
    }),
    db.reviewCard.findFirst({ where: { ...reviewableWhere(actor.id), due: { gt: now } }, orderBy: { due: "asc" }, select: { due: true } }),
  ]);
  const retention = user?.desiredRetention ?? DEFAULT_RETENTION;
  for (const c of cards) {
    const item = parsePublished(c.item.published);
    if (!item) continue;
    const p = preview(c, now, retention);
    return {
      due,
      retention,
      nextDue: upcoming?.due ?? null,
      card: {
        id: c.id,
        reps: c.reps,
        itemId: c.itemId,
        type: item.type,
        stem: renderRichText(item.stem, item.stemFormat),
        caseTitle: c.item.case?.title ?? null,
        scenario: c.item.case ? renderRichText(c.item.case.scenario, "markdown") : null,
        // Seeded by the review count: the order is stable across reloads, and differs between reviews.
        view: playerView(item.data, itemSeed(c.reps, c.itemId)),
        courseTitle: c.course.title,
        intervals: { 1: describeInterval(now, p[1]), 2: describeInterval(now, p[2]), 3: describeInterval(now, p[3]), 4: describeInterval(now, p[4]) },
      },
    };
  }
  return { due, retention, nextDue: upcoming?.due ?? null, card: null };
}

export async function getDesiredRetention(userId: string): Promise<number> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { desiredRetention: true } });
  return u?.desiredRetention ?? DEFAULT_RETENTION;
}
