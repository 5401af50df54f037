// demo:reset: refuses without a terminal unless --yes; with --yes it wipes the demo course and the
// demo accounts and loads the demo again with new passwords.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/hash";
import { createUser } from "@/prisma/factories";
import { seed, type DemoCredentials } from "@/prisma/seed";
import { demoCourseSlug, resetDemo } from "./demo-reset";

const root = path.resolve(__dirname, "..");
const quiet = () => undefined;
let original: DemoCredentials[] = [];
let editedLessonId = "";
let otherLearnerId = "";

async function hashOf(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { passwordHash: true } })).passwordHash!;
}
async function snapshot() {
  const lesson = await db.lesson.findUnique({ where: { id: editedLessonId }, select: { body: true } });
  return { users: await db.user.count(), courses: await db.course.count(), enrollments: await db.enrollment.count(), lesson: lesson?.body ?? null, adminHash: await hashOf("admin@paracrine.test") };
}

beforeAll(async () => {
  const r = await seed({ demo: true, log: quiet });
  if (!r.loaded) throw new Error(r.reason);
  original = r.accounts;
  const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: r.report.courseId }, select: { id: true } });
  editedLessonId = lesson.id;
  await db.lesson.update({ where: { id: lesson.id }, data: { body: "Edited by the instructor." } });
  const other = await createUser(db, { role: "LEARNER" });
  otherLearnerId = other.id;
  await db.enrollment.create({ data: { userId: other.id, courseId: r.report.courseId } });
});

describe("demo:reset", () => {
  it("refuses without a terminal and without --yes, changing nothing", async () => {
    const before = await snapshot();
    const r = await resetDemo({ yes: false, interactive: false, log: quiet, confirm: async () => true });
    expect(r).toMatchObject({ ok: false, code: "NO_TTY" });
    expect(await snapshot()).toEqual(before);
  });

  it("the command, with stdin not a terminal, exits 2 and changes nothing", async () => {
    const before = await snapshot();
    const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/demo-reset.ts"], { cwd: root, env: process.env, input: "y\n", encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--yes/);
    expect(await snapshot()).toEqual(before);
  });

  it("asks on a terminal, says what it will delete, and a 'no' changes nothing", async () => {
    const before = await snapshot();
    const questions: string[] = [];
    const r = await resetDemo({ yes: false, interactive: true, log: quiet, confirm: async (q) => (questions.push(q), false) });
    expect(r).toMatchObject({ ok: false, code: "DECLINED" });
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain(`"${demoCourseSlug()}"`);
    expect(questions[0]).toContain("2 enrolment(s)");
    expect(questions[0]).toContain("admin@paracrine.test");
    expect(await snapshot()).toEqual(before);
  });

  it("with --yes wipes the demo course and accounts and loads them again with new passwords", async () => {
    const r = await resetDemo({ yes: true, interactive: false, log: quiet, confirm: async () => Promise.reject(new Error("must not ask")) });
    if (!r.ok) throw new Error(r.message);
    expect(r.accounts.map((a) => a.email)).toEqual(original.map((a) => a.email));
    for (const [i, a] of r.accounts.entries()) {
      expect(a.password).not.toBe(original[i].password);
      const hash = await hashOf(a.email);
      expect(await verifyPassword(hash, a.password)).toBe(true);
      expect(await verifyPassword(hash, original[i].password)).toBe(false);
    }
    // The instructor's edit went with the old course; the new course is the content folder's.
    expect(await db.lesson.findUnique({ where: { id: editedLessonId } })).toBeNull();
    expect(await db.lesson.count({ where: { body: "Edited by the instructor." } })).toBe(0);
    expect(await db.course.count()).toBe(1);
    const course = await db.course.findUniqueOrThrow({ where: { slug: demoCourseSlug() }, select: { id: true, status: true } });
    expect(course.status).toBe("PUBLISHED");
    // Other people keep their accounts; only their enrolment in the wiped course is gone.
    expect(await db.user.findUnique({ where: { id: otherLearnerId }, select: { id: true } })).not.toBeNull();
    expect(await db.enrollment.count({ where: { userId: otherLearnerId } })).toBe(0);
    expect(await db.user.count()).toBe(4);
  });
});
