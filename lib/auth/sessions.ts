import "server-only";
// Server-side sessions behind the JWT cookie. NextAuth v4 cannot pair credentials with database
// sessions, so the cookie stays a JWT but carries a session id (`sid`); a row per session makes
// sign-out, idle timeout and the absolute lifetime hold even for a copied cookie.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { sessionPolicy, type SessionPolicy } from "@/lib/env";

/** lastSeenAt is written at most this often per session, so the check stays one read per request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

let lastSweep = 0;

export async function createSession(userId: string, opts: { userAgent?: string | null; now?: Date; policy?: SessionPolicy } = {}): Promise<{ id: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? sessionPolicy();
  const id = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + policy.maxMs);
  await db.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt, userAgent: opts.userAgent?.slice(0, 300) ?? null } });
  // Dead sessions are swept by whichever process next signs someone in, at most every 10 minutes.
  if (now.getTime() - lastSweep > 10 * 60_000) {
    lastSweep = now.getTime();
    await sweepSessions(now, policy);
  }
  return { id, expiresAt };
}

export async function revokeSession(id: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeAllSessions(userId: string, now = new Date()): Promise<number> {
  return (await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count;
}

export type SessionState = "active" | "revoked" | "idle" | "expired" | "missing";

/** Whether a session row still admits requests at `now` (pure: unit-tested without a database). */
export function sessionState(row: { lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null } | null | undefined, now: Date, policy: SessionPolicy): SessionState {
  if (!row) return "missing";
  if (row.revokedAt) return "revoked";
  if (now.getTime() >= row.expiresAt.getTime()) return "expired";
  if (now.getTime() - row.lastSeenAt.getTime() > policy.idleMs) return "idle";
  return "active";
}

/** Records activity, at most once a minute per session (a conditional update: racing requests write once). */
export async function touchSession(id: string, lastSeenAt: Date, now: Date): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < LAST_SEEN_RESOLUTION_MS) return;
  await db.session.updateMany({ where: { id, lastSeenAt }, data: { lastSeenAt: now } });
}

/** Deletes sessions that can no longer be used (expired, or revoked/idle for longer than the lifetime). */
export async function sweepSessions(now = new Date(), policy: SessionPolicy = sessionPolicy()): Promise<number> {
  const cutoff = new Date(now.getTime() - policy.maxMs);
  const r = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { lte: cutoff } }, { lastSeenAt: { lte: cutoff } }] } });
  return r.count;
}
