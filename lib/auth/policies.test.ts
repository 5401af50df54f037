import { describe, expect, it } from "vitest";
import { canAuthor, canChangeAccount, canEditCourse, canManageCourse, canManageUsers, canViewCourse, type Actor } from "./permissions";
import { safeCallbackPath, safeCallbackUrl } from "./redirect";
import { passwordProblem } from "./password";
import { readEnv, resolveAuthSecret, showDemoAccounts, databaseKind } from "@/lib/env";

const learner: Actor = { id: "l", role: "LEARNER" };
const teacher: Actor = { id: "t", role: "INSTRUCTOR" };
const co: Actor = { id: "c", role: "INSTRUCTOR" };
const stranger: Actor = { id: "s", role: "INSTRUCTOR" };
const admin: Actor = { id: "a", role: "ADMIN" };
const draft = { status: "DRAFT", instructors: [{ userId: "t", role: "OWNER" }, { userId: "c", role: "CO" }] };

describe("permissions", () => {
  it("lets the team edit, the owner manage, and nobody else in", () => {
    expect([teacher, co, admin].map((a) => canEditCourse(a, draft))).toEqual([true, true, true]);
    expect([learner, stranger, null].map((a) => canEditCourse(a, draft))).toEqual([false, false, false]);
    expect([teacher, co, admin, stranger].map((a) => canManageCourse(a, draft))).toEqual([true, false, true, false]);
  });
  it("a learner listed as instructor (demoted) loses edit rights", () => {
    expect(canEditCourse({ id: "t", role: "LEARNER" }, draft)).toBe(false);
  });
  it("shows drafts only to the team, published courses to everyone", () => {
    expect(canViewCourse(learner, draft)).toBe(false);
    expect(canViewCourse(null, { ...draft, status: "PUBLISHED" })).toBe(true);
    expect(canViewCourse(co, draft)).toBe(true);
  });
  it("keeps account administration to admins, never on themselves", () => {
    expect(canAuthor(learner)).toBe(false);
    expect(canAuthor(teacher)).toBe(true);
    expect(canManageUsers(teacher)).toBe(false);
    expect(canChangeAccount(admin, "l")).toBe(true);
    expect(canChangeAccount(admin, "a")).toBe(false);
    expect(canChangeAccount(teacher, "l")).toBe(false);
  });
});

describe("callbackUrl", () => {
  const base = "http://localhost:3000";
  it("keeps local paths and same-origin URLs", () => {
    expect(safeCallbackUrl("/courses/x?y=1#z", base)).toBe("http://localhost:3000/courses/x?y=1#z");
    expect(safeCallbackUrl("http://localhost:3000/dashboard", base)).toBe("http://localhost:3000/dashboard");
  });
  it("never leads off the site", () => {
    for (const evil of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "http://localhost:3001/", "http://localhost:3000.evil.example/"])
      expect(safeCallbackUrl(evil, base)).toBe(base);
    expect(safeCallbackPath("https://evil.example/")).toBe("/dashboard");
    expect(safeCallbackPath("/review")).toBe("/review");
  });
});

describe("password rules", () => {
  it("needs 8+ characters, allows 64+, refuses common and email-based ones", () => {
    expect(passwordProblem("short")).toMatch(/at least 8/);
    expect(passwordProblem("a".repeat(70) + "b")).toBeNull();
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem("Password123")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaa")).toMatch(/repeats/);
    expect(passwordProblem("marie.curie-2026", { email: "marie.curie@example.org" })).toMatch(/email/);
    expect(passwordProblem("a quiet gradient of signals")).toBeNull();
  });
});

describe("configuration", () => {
  it("refuses to run production without a real secret", () => {
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "production" }))).toEqual({ ok: false, reason: "NEXTAUTH_SECRET is not set" });
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "secret" })).ok).toBe(false);
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "paracrine-development-only-secret" })).ok).toBe(false);
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "k3Jx9Qm2Lw8Zr5Tn1Vb7Yc4Hd6Fg0Sa2Pq" }))).toEqual({ ok: true, secret: "k3Jx9Qm2Lw8Zr5Tn1Vb7Yc4Hd6Fg0Sa2Pq" });
    expect(resolveAuthSecret(readEnv({ NODE_ENV: "development" })).ok).toBe(true);
  });
  it("names demo accounts only in development, never in a production build", () => {
    expect(showDemoAccounts(readEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(showDemoAccounts(readEnv({ NODE_ENV: "production", PARACRINE_DEMO: "1" }))).toBe(false);
    expect(showDemoAccounts(readEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(showDemoAccounts(readEnv({ NODE_ENV: "development", PARACRINE_DEMO: "0" }))).toBe(false);
  });
  it("chooses the database from DATABASE_URL", () => {
    expect(databaseKind("file:./data/x.db")).toBe("sqlite");
    expect(databaseKind("postgresql://u@h/db")).toBe("postgresql");
    expect(() => databaseKind("mysql://x")).toThrow(/file: .* postgresql/);
  });
});
