import "server-only";
// Fixed-window counters in the database, so a limit holds across every app server sharing it.
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/errors";

export interface Limit {
  max: number;
  windowMs: number;
}

/** How many hits the key has in its current window (0 when the window has passed). */
export async function peekRate(key: string, now = new Date()): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row && row.resetAt > now ? row.count : 0;
}

/** Counts one hit and returns the count in the current window. */
export async function hitRate(key: string, limit: Limit, now = new Date()): Promise<number> {
  // The increment is a single conditional UPDATE, so concurrent hits are never lost.
  const bumped = await db.rateLimit.updateMany({ where: { key, resetAt: { gt: now } }, data: { count: { increment: 1 } } });
  if (bumped.count === 0) {
    const resetAt = new Date(now.getTime() + limit.windowMs);
    try {
      await db.rateLimit.upsert({ where: { key }, create: { key, count: 1, resetAt }, update: { count: 1, resetAt } });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await db.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    }
  }
  return peekRate(key, now);
}

export async function clearRate(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

export async function sweepExpiredRates(now = new Date()): Promise<number> {
  return (await db.rateLimit.deleteMany({ where: { resetAt: { lte: now } } })).count;
}
