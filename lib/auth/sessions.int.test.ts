// Server-side sessions (hardening issue, finding 3): sign-out revokes that session for a copied cookie,
// idle timeout and absolute lifetime end it, each guard tested alone by moving the clock.
import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { sessionTokenFor } from "@/lib/test/session";
import { sessionPolicy } from "@/lib/env";
import { authOptions } from "./config";
import { userFromSessionToken } from "./session";
import { LAST_SEEN_RESOLUTION_MS, sessionState, sweepSessions } from "./sessions";
import { decodeSessionToken } from "./jwt";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function signedIn(at = new Date()) {
  const u = await createUser(db);
  const { token, sessionId } = await sessionTokenFor({ ...u, role: "LEARNER" }, at);
  return { u, token, sessionId };
}

describe("server-side sessions", () => {
  it("sign-out (NextAuth's signOut event) revokes that session only: the copied cookie stops working", async () => {
    const { u, token, sessionId } = await signedIn();
    const other = await sessionTokenFor({ ...u, role: "LEARNER" });
    expect(await userFromSessionToken(token)).toMatchObject({ id: u.id, sessionId });
    const payload = await decodeSessionToken({ token, secret: process.env.NEXTAUTH_SECRET! });
    await authOptions().events!.signOut!({ token: payload!, session: undefined as never });
    expect(await userFromSessionToken(token)).toBeNull();
    expect(await userFromSessionToken(other.token)).toMatchObject({ id: u.id });
    const row = await db.session.findUnique({ where: { id: sessionId }, select: { revokedAt: true } });
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it("a sign-in through NextAuth's jwt callback opens a session row whose id rides in the token", async () => {
    const u = await createUser(db);
    const jwt = authOptions().callbacks!.jwt!;
    const token = await jwt({ token: {}, user: { id: u.id, role: "LEARNER", tv: 0 } as never, account: { provider: "credentials", type: "credentials", providerAccountId: u.id } });
    expect(typeof token.sid).toBe("string");
    expect(await db.session.count({ where: { id: token.sid as string, userId: u.id, revokedAt: null } })).toBe(1);
    // A later refresh of the same token keeps the session (no new row).
    expect(await jwt({ token } as never)).toMatchObject({ sid: token.sid });
  });

  it("ends a session that was idle longer than the idle timeout (and only then)", async () => {
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { u, token } = await signedIn(t0);
    const idle = sessionPolicy().idleMs;
    expect(await userFromSessionToken(token, new Date(t0.getTime() + idle - 1000))).toMatchObject({ id: u.id });
    // That request moved lastSeenAt forward: the idle clock restarts from it.
    expect(await userFromSessionToken(token, new Date(t0.getTime() + 2 * idle - 2000))).toMatchObject({ id: u.id });
    expect(await userFromSessionToken(token, new Date(t0.getTime() + 3 * idle))).toBeNull();
  });

  it("ends a session at its absolute lifetime even when it is used every hour", async () => {
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { u, token } = await signedIn(t0);
    const max = sessionPolicy().maxMs;
    let t = t0.getTime();
    for (; t < t0.getTime() + max - HOUR; t += 12 * HOUR) expect(await userFromSessionToken(token, new Date(t))).toMatchObject({ id: u.id });
    expect(await userFromSessionToken(token, new Date(t0.getTime() + max))).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const t0 = new Date("2026-03-01T08:00:00Z");
    const { token, sessionId } = await signedIn(t0);
    await userFromSessionToken(token, new Date(t0.getTime() + LAST_SEEN_RESOLUTION_MS - 1));
    expect((await db.session.findUnique({ where: { id: sessionId } }))!.lastSeenAt.getTime()).toBe(t0.getTime());
    await userFromSessionToken(token, new Date(t0.getTime() + LAST_SEEN_RESOLUTION_MS + 5));
    expect((await db.session.findUnique({ where: { id: sessionId } }))!.lastSeenAt.getTime()).toBe(t0.getTime() + LAST_SEEN_RESOLUTION_MS + 5);
  });

  it("the idle and absolute settings come from the environment", async () => {
    const before = { ...process.env };
    try {
      process.env.SESSION_IDLE_HOURS = "2";
      process.env.SESSION_MAX_DAYS = "1";
      expect(sessionPolicy()).toEqual({ idleMs: 2 * HOUR, maxMs: DAY });
      const t0 = new Date("2026-03-01T08:00:00Z");
      const { token } = await signedIn(t0);
      expect(await userFromSessionToken(token, new Date(t0.getTime() + 2 * HOUR + 1000))).toBeNull();
    } finally {
      process.env = before;
    }
  });

  it("sweeps sessions that can no longer be used", async () => {
    const now = new Date("2026-04-01T00:00:00Z");
    const old = await signedIn(new Date(now.getTime() - 60 * DAY));
    const live = await signedIn(new Date(now.getTime() - HOUR));
    expect(await sweepSessions(now)).toBeGreaterThanOrEqual(1);
    expect(await db.session.count({ where: { id: old.sessionId } })).toBe(0);
    expect(await db.session.count({ where: { id: live.sessionId } })).toBe(1);
  });
});

describe("sessionState", () => {
  const policy = { idleMs: HOUR, maxMs: DAY };
  const t0 = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const row = { lastSeenAt: t0, expiresAt: at(DAY), revokedAt: null };
  it("is active inside both limits and names the limit that ended it", () => {
    expect(sessionState(row, at(HOUR), policy)).toBe("active");
    expect(sessionState(row, at(HOUR + 1), policy)).toBe("idle");
    expect(sessionState({ ...row, lastSeenAt: at(DAY - 10) }, at(DAY), policy)).toBe("expired");
    expect(sessionState({ ...row, revokedAt: t0 }, at(1), policy)).toBe("revoked");
    expect(sessionState(null, at(1), policy)).toBe("missing");
  });
});
