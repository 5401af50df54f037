import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { allowSignUp, authenticate, registerUser, signInKeys, SIGNIN_LIMITS, SIGNUP_LIMIT } from "./accounts";
import { hitRate, sweepExpiredRates } from "./rate-limit";
import { getCurrentUser, userFromSessionToken } from "./session";
import { encodeSessionToken } from "./jwt";
import { createUser, TEST_PASSWORD } from "@/prisma/factories";
import { sessionTokenFor, signInAs, setRawSessionToken } from "@/lib/test/session";
import { changeRoleAction, setDisabledAction } from "@/lib/actions/admin";
import { signOutEverywhereAction } from "@/lib/actions/auth";

const secret = () => process.env.NEXTAUTH_SECRET!;

describe("sign-up", () => {
  it("creates an account with an argon2id hash, lower-cased email", async () => {
    const u = await registerUser({ name: "Ana", email: "Ana.Example@Test.org", password: "a long enough passphrase" });
    expect(u.email).toBe("ana.example@test.org");
    const row = await db.user.findUnique({ where: { id: u.id }, select: { passwordHash: true, role: true } });
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.role).toBe("LEARNER");
  });

  it("refuses short, very common and duplicate passwords/emails with field errors", async () => {
    await expect(registerUser({ name: "B", email: "b@test.org", password: "short" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { password: [expect.stringContaining("8")] } });
    await expect(registerUser({ name: "B", email: "b@test.org", password: "password123" })).rejects.toMatchObject({ fieldErrors: { password: [expect.stringContaining("common")] } });
    await registerUser({ name: "C", email: "c@test.org", password: "another fine passphrase" });
    await expect(registerUser({ name: "C2", email: "C@test.org", password: "another fine passphrase" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.count({ where: { email: "c@test.org" } })).toBe(1);
  });

  it("accepts a 64-character passphrase", async () => {
    await expect(registerUser({ name: "Long", email: "long@test.org", password: "x".repeat(30) + " paracrine gradient decay length ok" })).resolves.toBeTruthy();
  });
});

describe("sign-in", () => {
  it("answers an unknown email exactly like a wrong password", async () => {
    const u = await createUser(db);
    const wrong = await authenticate(u.email, "not the password", "client-a");
    const unknown = await authenticate("nobody@test.org", "not the password", "client-a");
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await authenticate(u.email, TEST_PASSWORD, "client-a")).toMatchObject({ ok: true, user: { id: u.id } });
  });

  it("locks one client out of one account after repeated failures, even with the right password", async () => {
    const u = await createUser(db);
    for (let i = 0; i < SIGNIN_LIMITS.accountClient.max; i++) await authenticate(u.email, "wrong", "client-attacker");
    expect(await authenticate(u.email, TEST_PASSWORD, "client-attacker")).toEqual({ ok: false, reason: "rate_limited" });
    const row = await db.rateLimit.findUnique({ where: { key: signInKeys(u.email, "client-attacker").accountClient } });
    expect(row?.count).toBe(SIGNIN_LIMITS.accountClient.max);
  });

  it("an attacker's failures cannot lock the owner out: the owner signs in from their own client", async () => {
    const u = await createUser(db);
    for (let i = 0; i < SIGNIN_LIMITS.accountClient.max + 3; i++) await authenticate(u.email, "wrong", "client-attacker-2");
    expect(await authenticate(u.email, TEST_PASSWORD, "client-owner")).toMatchObject({ ok: true, user: { id: u.id } });
  });

  it("the lock ends when its window passes (clock moved), not before", async () => {
    const u = await createUser(db);
    const t0 = new Date("2026-06-01T12:00:00Z");
    for (let i = 0; i < SIGNIN_LIMITS.accountClient.max; i++) await authenticate(u.email, "wrong", "client-w", t0);
    const justBefore = new Date(t0.getTime() + SIGNIN_LIMITS.accountClient.windowMs - 1000);
    expect(await authenticate(u.email, TEST_PASSWORD, "client-w", justBefore)).toEqual({ ok: false, reason: "rate_limited" });
    const after = new Date(t0.getTime() + SIGNIN_LIMITS.accountClient.windowMs + 1000);
    expect(await authenticate(u.email, TEST_PASSWORD, "client-w", after)).toMatchObject({ ok: true });
  });

  it("a success clears the client's failure count on that account", async () => {
    const u = await createUser(db);
    const max = SIGNIN_LIMITS.accountClient.max;
    for (let i = 0; i < max - 1; i++) await authenticate(u.email, "wrong", "client-s");
    expect(await authenticate(u.email, TEST_PASSWORD, "client-s")).toMatchObject({ ok: true });
    for (let i = 0; i < max - 1; i++) await authenticate(u.email, "wrong", "client-s");
    expect(await authenticate(u.email, TEST_PASSWORD, "client-s")).toMatchObject({ ok: true });
  });

  it("under a site-wide spray each client's budget shrinks, so rotating addresses buys few guesses", async () => {
    const saved = SIGNIN_LIMITS.global.max;
    SIGNIN_LIMITS.global.max = 20;
    const t0 = new Date("2026-07-01T09:00:00Z");
    try {
      for (let i = 0; i < 20; i++) await authenticate(`victim${i}@test.org`, "Summer2026!", `spray-${i}`, t0);
      // Past the site-wide threshold: a fresh address gets clientUnderSpray failures, then is refused.
      for (let i = 0; i < SIGNIN_LIMITS.clientUnderSpray; i++) expect(await authenticate(`victim${i}@test.org`, "x", "spray-new", t0)).toEqual({ ok: false, reason: "invalid" });
      expect(await authenticate("victim0@test.org", "x", "spray-new", t0)).toEqual({ ok: false, reason: "rate_limited" });
      // A learner who has not failed is unaffected.
      const u = await createUser(db);
      expect(await authenticate(u.email, TEST_PASSWORD, "client-innocent", t0)).toMatchObject({ ok: true });
    } finally {
      SIGNIN_LIMITS.global.max = saved;
      await db.rateLimit.deleteMany({ where: { key: "signin:global" } });
    }
  });

  it("sweeps expired limit rows", async () => {
    const t0 = new Date("2026-08-01T00:00:00Z");
    await hitRate("test:old", { max: 5, windowMs: 1000 }, t0);
    await hitRate("test:live", { max: 5, windowMs: 3_600_000 }, t0);
    expect(await sweepExpiredRates(new Date(t0.getTime() + 60_000))).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.count({ where: { key: "test:old" } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: "test:live" } })).toBe(1);
  });

  it("throttles sign-ups per client", async () => {
    const t0 = new Date("2026-09-01T00:00:00Z");
    for (let i = 0; i < SIGNUP_LIMIT.max; i++) expect(await allowSignUp("client-signup", t0)).toBe(true);
    expect(await allowSignUp("client-signup", t0)).toBe(false);
    expect(await allowSignUp("client-other", t0)).toBe(true);
    expect(await allowSignUp("client-signup", new Date(t0.getTime() + SIGNUP_LIMIT.windowMs + 1))).toBe(true);
  });

  it("limits one client across many accounts", async () => {
    for (let i = 0; i < SIGNIN_LIMITS.client.max; i++) await authenticate(`ghost${i}@test.org`, "wrong", "client-flood");
    const u = await createUser(db);
    expect(await authenticate(u.email, TEST_PASSWORD, "client-flood")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("refuses a disabled account", async () => {
    const u = await createUser(db, { disabled: true });
    expect(await authenticate(u.email, TEST_PASSWORD, "client-d")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("session check", () => {
  it("treats forged, tampered and foreign-secret tokens as signed out", async () => {
    const u = await createUser(db);
    const { token: good, sessionId } = await sessionTokenFor({ ...u, role: "LEARNER" });
    expect(await userFromSessionToken(good)).toMatchObject({ id: u.id });
    const tampered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await userFromSessionToken(tampered)).toBeNull();
    expect(await userFromSessionToken("not-a-jwt")).toBeNull();
    const foreign = await encodeSessionToken({ token: { uid: u.id, tv: u.tokenVersion, sid: sessionId }, secret: "some-other-secret-of-enough-length-123" });
    expect(await userFromSessionToken(foreign)).toBeNull();
    // A token without a session id (the format before server-side sessions) is signed out.
    expect(await userFromSessionToken(await encodeSessionToken({ token: { uid: u.id, tv: u.tokenVersion }, secret: secret() }))).toBeNull();
  });

  it("revokes sessions on sign-out-everywhere, role change and disable", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const learner = await createUser(db);
    await signInAs(learner);
    expect(await getCurrentUser()).toMatchObject({ id: learner.id });
    expect((await signOutEverywhereAction()).ok).toBe(true);
    expect(await userFromSessionToken((await tokenFor(learner)))).toBeNull();

    const l2 = await createUser(db);
    const l2Token = await tokenFor(l2);
    await signInAs(admin);
    expect(await changeRoleAction({ userId: l2.id, role: "INSTRUCTOR" })).toMatchObject({ ok: true });
    expect(await userFromSessionToken(l2Token)).toBeNull();

    const l3 = await createUser(db);
    const l3Token = await tokenFor(l3);
    expect(await setDisabledAction({ userId: l3.id, disabled: true })).toMatchObject({ ok: true });
    expect(await userFromSessionToken(l3Token)).toBeNull();
  });
});

// A fresh, unrevoked session row with the token version the user had when created: what is tested
// below is the token-version guard alone.
describe("each session guard alone", () => {
  it("a disabled flag ends sessions even when the token version was not bumped", async () => {
    const u = await createUser(db);
    const { token } = await sessionTokenFor({ ...u, role: "LEARNER" });
    expect(await userFromSessionToken(token)).toMatchObject({ id: u.id });
    await db.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await userFromSessionToken(token)).toBeNull();
  });
  it("a bumped token version ends sessions even when their rows are not revoked", async () => {
    const u = await createUser(db);
    const { token } = await sessionTokenFor({ ...u, role: "LEARNER" });
    await db.user.update({ where: { id: u.id }, data: { tokenVersion: { increment: 1 } } });
    expect(await userFromSessionToken(token)).toBeNull();
  });
  it("a revoked session row ends that session even when user and token version are unchanged", async () => {
    const u = await createUser(db);
    const { token, sessionId } = await sessionTokenFor({ ...u, role: "LEARNER" });
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await userFromSessionToken(token)).toBeNull();
  });
});

async function tokenFor(u: { id: string; tokenVersion: number }) {
  return (await sessionTokenFor({ ...u, role: "LEARNER" })).token;
}

describe("admin actions replayed by others", () => {
  beforeEach(() => setRawSessionToken(undefined));

  it("refuses a learner or instructor and writes nothing", async () => {
    const target = await createUser(db);
    for (const role of ["LEARNER", "INSTRUCTOR"] as const) {
      const actor = await createUser(db, { role });
      await signInAs(actor);
      expect(await changeRoleAction({ userId: target.id, role: "ADMIN" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await changeRoleAction({ userId: actor.id, role: "ADMIN" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await setDisabledAction({ userId: target.id, disabled: true })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const after = await db.user.findUnique({ where: { id: target.id }, select: { role: true, disabled: true, tokenVersion: true } });
    expect(after).toEqual({ role: "LEARNER", disabled: false, tokenVersion: 0 });
  });

  it("refuses without a session and with bad input, with clear messages", async () => {
    expect(await changeRoleAction({ userId: "x", role: "ADMIN" })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const admin = await createUser(db, { role: "ADMIN" });
    await signInAs(admin);
    const bad = await changeRoleAction({ userId: "x", role: "OVERLORD" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { role: ["Choose learner, instructor or admin."] } });
    expect(await changeRoleAction({ userId: admin.id, role: "LEARNER" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await changeRoleAction({ userId: "missing-user", role: "LEARNER" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
