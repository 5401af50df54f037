// npm run demo:reset [-- --yes]: deletes the demo course (with everything learners did in it) and the
// demo accounts, then loads the demo again with new random passwords, printed once. It asks first on
// a terminal; without one it refuses unless --yes says the caller means it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parse } from "yaml";
import { db } from "@/lib/db";
import { DEMO_ACCOUNTS } from "@/lib/data/demo-accounts";
import { DEMO_CONTENT_DIR, loadDemo, removeLegacyDemoFile, type DemoCredentials } from "@/prisma/seed";

type Log = (line: string) => void;

export interface DemoResetOptions {
  yes: boolean;
  /** Whether a person can answer (stdin and stdout are terminals). */
  interactive: boolean;
  /** Asks the question; only called when interactive and not --yes. */
  confirm?: (question: string) => Promise<boolean>;
  log?: Log;
}

export type DemoResetResult = { ok: true; accounts: DemoCredentials[] } | { ok: false; code: "NO_TTY" | "DECLINED"; message: string };

export function demoCourseSlug(dir = DEMO_CONTENT_DIR): string {
  const course = parse(readFileSync(path.join(dir, "course.yaml"), "utf8")) as { slug?: unknown };
  if (typeof course?.slug !== "string") throw new Error(`${dir}/course.yaml has no slug`);
  return course.slug;
}

export async function resetDemo(opts: DemoResetOptions): Promise<DemoResetResult> {
  const log = opts.log ?? console.log;
  if (!opts.yes && !opts.interactive) {
    return { ok: false, code: "NO_TTY", message: "demo:reset deletes data and needs confirmation: run it in a terminal, or pass --yes." };
  }
  const slug = demoCourseSlug();
  const emails = DEMO_ACCOUNTS.map((d) => d.email);
  const [course, users] = await Promise.all([
    db.course.findUnique({ where: { slug }, select: { id: true, _count: { select: { enrollments: true } } } }),
    db.user.findMany({ where: { email: { in: emails } }, select: { email: true } }),
  ]);
  const what = [
    course ? `the course "${slug}" and everything in it (${course._count.enrollments} enrolment(s), with their progress and attempts)` : null,
    users.length ? `the accounts ${users.map((u) => u.email).join(", ")}` : null,
  ].filter(Boolean);
  if (!opts.yes) {
    const question = `This deletes ${what.length ? what.join(" and ") : "nothing yet"} and loads the demo again with new passwords. Continue? [y/N] `;
    if (!(await opts.confirm!(question))) return { ok: false, code: "DECLINED", message: "Nothing was changed." };
  }
  // Course first: its instructor rows point at the demo instructor. Both deletes cascade.
  await db.$transaction([db.course.deleteMany({ where: { slug } }), db.user.deleteMany({ where: { email: { in: emails } } })]);
  removeLegacyDemoFile();
  log(what.length ? `Deleted ${what.join(" and ")}.` : "No demo data was present.");
  const { accounts } = await loadDemo(log);
  return { ok: true, accounts };
}

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "demo-reset.ts"));
if (isMain) {
  resetDemo({ yes: process.argv.includes("--yes"), interactive: !!process.stdin.isTTY && !!process.stdout.isTTY, confirm: askOnTerminal })
    .then((r) => {
      if (!r.ok) console.error(r.message);
      process.exit(r.ok ? 0 : r.code === "NO_TTY" ? 2 : 1);
    })
    .catch((e: Error) => {
      console.error(`demo:reset failed: ${e.message}`);
      process.exit(1);
    });
}
