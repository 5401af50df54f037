// The seed loads the demo only into an empty database in demo mode, with random passwords that are
// stored nowhere in plain text; a second start changes nothing.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { currentDatabaseKind, db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/hash";
import { readEnv } from "@/lib/env";
import { listDemoAccountHints } from "@/lib/data/demo-accounts";
import { DemoAccountsNote } from "@/components/auth/demo-accounts-note";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { seed } from "@/prisma/seed";

const lines: string[] = [];
let demoPasswords: string[] = [];
const log = (l: string) => lines.push(l);

async function storedHash(email: string): Promise<string> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } });
  return u.passwordHash!;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe("seed", () => {
  it("loads nothing when demo mode is off", async () => {
    const r = await seed({ demo: false, log });
    expect(r).toEqual({ loaded: false, reason: "demo mode is off (PARACRINE_DEMO is not 1), demo not loaded" });
    expect(await db.user.count()).toBe(0);
    expect(await db.course.count()).toBe(0);
  });

  it("loads the demo once, with random passwords, and a second run keeps every change", async () => {
    // A file an earlier version left behind, with the passwords in plain text.
    const legacy = path.join(process.env.DATA_DIR!, "demo-accounts.json");
    writeFileSync(legacy, JSON.stringify([{ email: "admin@paracrine.test", password: "demo-admin-pass" }]));

    const first = await seed({ demo: true, log });
    if (!first.loaded) throw new Error(`not loaded: ${first.reason}`);
    expect(existsSync(legacy)).toBe(false);
    expect(first.accounts.map((a) => a.email)).toEqual(["learner@paracrine.test", "instructor@paracrine.test", "admin@paracrine.test"]);
    const passwords = first.accounts.map((a) => a.password);
    demoPasswords = passwords;
    for (const p of passwords) {
      expect(p).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(p).not.toMatch(/^demo-/);
    }
    expect(new Set(passwords).size).toBe(3);
    for (const a of first.accounts) expect(await verifyPassword(await storedHash(a.email), a.password)).toBe(true);
    // Printed once, in the terminal.
    for (const p of passwords) expect(lines.filter((l) => l.includes(p))).toHaveLength(1);
    const course = await db.course.findUniqueOrThrow({ where: { slug: first.report.slug }, select: { id: true, status: true } });
    expect(course.status).toBe("PUBLISHED");

    // No plain-text password anywhere in the data folder (database and WAL included).
    if (currentDatabaseKind() === "sqlite") await db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
    for (const f of filesUnder(process.env.DATA_DIR!)) {
      const bytes = readFileSync(f).toString("latin1");
      for (const p of passwords) expect(bytes.includes(p), `${f} contains a demo password`).toBe(false);
    }

    // An instructor edits a lesson; the admin changes their password, role stays; an admin disables the learner.
    const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: course.id }, select: { id: true, version: true } });
    await db.lesson.update({ where: { id: lesson.id }, data: { body: "Edited by the instructor.", version: lesson.version + 1 } });
    await db.user.update({ where: { email: "admin@paracrine.test" }, data: { passwordHash: await hashPassword("a new admin passphrase") } });
    await db.user.update({ where: { email: "learner@paracrine.test" }, data: { disabled: true } });

    lines.length = 0;
    const second = await seed({ demo: true, log });
    expect(second).toEqual({ loaded: false, reason: "database not empty, demo not loaded" });
    expect(lines.join("\n")).toContain("database not empty, demo not loaded");
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { body: true } })).body).toBe("Edited by the instructor.");
    const adminHash = await storedHash("admin@paracrine.test");
    expect(await verifyPassword(adminHash, "a new admin passphrase")).toBe(true);
    expect(await verifyPassword(adminHash, passwords[2])).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { email: "learner@paracrine.test" }, select: { disabled: true } })).disabled).toBe(true);
    expect(await db.user.count()).toBe(3);
    expect(await db.course.count()).toBe(1);
  });

  it("the sign-in page names demo accounts (emails only) in next dev, and nothing in a production build", async () => {
    expect(demoPasswords).toHaveLength(3);
    const signInHtml = async (env: Record<string, string | undefined>) => renderToStaticMarkup(createElement(DemoAccountsNote, { accounts: await listDemoAccountHints(readEnv(env)) }));

    for (const env of [{ NODE_ENV: "production", PARACRINE_DEMO: "1" }, { NODE_ENV: "production" }] as Record<string, string | undefined>[]) {
      expect(await listDemoAccountHints(readEnv(env))).toEqual([]);
      expect(await signInHtml(env)).toBe("");
    }
    const dev = await signInHtml({ NODE_ENV: "development" });
    // The learner was disabled above: it can no longer sign in, so it is not offered.
    expect(dev).toContain("instructor@paracrine.test");
    expect(dev).toContain("admin@paracrine.test");
    expect(dev).not.toContain("learner@paracrine.test");
    for (const p of [...demoPasswords, "demo-admin-pass", "demo-instructor-pass", "demo-learner-pass"]) expect(dev).not.toContain(p);
    expect(await listDemoAccountHints(readEnv({ NODE_ENV: "development", PARACRINE_DEMO: "0" }))).toEqual([]);
  });
});
