// The demo: the course in content/paracrine (through the same importer instructors use) and three
// demo accounts with random passwords. It is loaded only into an EMPTY database (no users, no
// courses) and only in demo mode, so starting again never overwrites what people changed. The
// passwords are printed once and stored nowhere in plain text; `npm run demo:reset` makes new ones.
//
//   tsx --conditions=react-server prisma/seed.ts [--demo]   (demo mode: --demo or PARACRINE_DEMO=1)
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/hash";
import { passwordProblem } from "@/lib/auth/password";
import { demoMode, readEnv } from "@/lib/env";
import { readCourseFolder } from "@/lib/content/read-folder";
import { importCourseFiles, type ImportReport } from "@/lib/data/course-archive";
import { DEMO_ACCOUNTS } from "@/lib/data/demo-accounts";
import type { Role } from "@/lib/auth/permissions";

export const DEMO_CONTENT_DIR = path.resolve("content/paracrine");

type Log = (line: string) => void;

export interface DemoCredentials {
  role: Role;
  email: string;
  password: string;
}

export type SeedResult = { loaded: true; accounts: DemoCredentials[]; report: ImportReport } | { loaded: false; reason: string };

/** 16 base64url characters (96 random bits), re-drawn in the unlikely case the password rules object. */
export function generatePassword(context: { email?: string; name?: string } = {}): string {
  for (;;) {
    const p = randomBytes(12).toString("base64url");
    if (!passwordProblem(p, context)) return p;
  }
}

export async function databaseIsEmpty(): Promise<boolean> {
  const [users, courses] = await Promise.all([db.user.count(), db.course.count()]);
  return users === 0 && courses === 0;
}

/**
 * Creates the demo accounts (new random passwords) and imports and publishes the demo course. The
 * caller makes sure the accounts and the course do not exist. If the import fails, the accounts
 * created here are removed again, so a later start still sees an empty database and retries.
 */
export async function loadDemo(log: Log = console.log): Promise<{ accounts: DemoCredentials[]; report: ImportReport }> {
  const accounts: DemoCredentials[] = [];
  const ids: Partial<Record<Role, string>> = {};
  try {
    for (const d of DEMO_ACCOUNTS) {
      const password = generatePassword({ email: d.email, name: d.name });
      const u = await db.user.create({
        data: { email: d.email, name: d.name, role: d.role, passwordHash: await hashPassword(password) },
        select: { id: true },
      });
      ids[d.role] = u.id;
      accounts.push({ role: d.role, email: d.email, password });
    }
    const report = await importCourseFiles(readCourseFolder(DEMO_CONTENT_DIR), { id: ids.INSTRUCTOR!, role: "INSTRUCTOR" }, { publish: true });
    await db.enrollment.create({ data: { userId: ids.LEARNER!, courseId: report.courseId } });
    log(`Demo course "${report.slug}" loaded: ${JSON.stringify(report.counts)}${report.warnings.length ? `, ${report.warnings.length} content warning(s)` : ""}`);
    log("Demo accounts (these passwords are shown only now and stored nowhere; `npm run demo:reset` makes new ones):");
    for (const a of accounts) log(`  ${a.role.padEnd(10)} ${a.email}  password: ${a.password}`);
    return { accounts, report };
  } catch (e) {
    const created = Object.values(ids);
    if (created.length) await db.user.deleteMany({ where: { id: { in: created } } }).catch(() => undefined);
    throw e;
  }
}

/** Earlier versions kept the demo passwords in DATA_DIR/demo-accounts.json; they must not linger. */
export function removeLegacyDemoFile(dataDir = readEnv().DATA_DIR): void {
  rmSync(path.resolve(dataDir, "demo-accounts.json"), { force: true });
}

/** Loads the demo when demo mode is on and the database is empty; otherwise changes nothing. */
export async function seed(opts: { demo?: boolean; log?: Log } = {}): Promise<SeedResult> {
  const log = opts.log ?? console.log;
  const demo = opts.demo ?? demoMode(readEnv());
  removeLegacyDemoFile();
  if (!demo) {
    const reason = "demo mode is off (PARACRINE_DEMO is not 1), demo not loaded";
    log(`Seed: ${reason}.`);
    if (await databaseIsEmpty()) log("No accounts yet: create the first admin with `npm run admin:create -- --email you@example.org`.");
    return { loaded: false, reason };
  }
  if (!(await databaseIsEmpty())) {
    const reason = "database not empty, demo not loaded";
    log(`Seed: ${reason} (\`npm run demo:reset\` re-creates it).`);
    return { loaded: false, reason };
  }
  const { accounts, report } = await loadDemo(log);
  return { loaded: true, accounts, report };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("prisma", "seed.ts"));
if (isMain) {
  seed({ demo: process.argv.includes("--demo") || demoMode(readEnv()) })
    .then(() => process.exit(0))
    .catch((e: Error) => {
      console.error(`Seeding failed: ${e.message}`);
      if ((e as { fieldErrors?: unknown }).fieldErrors) console.error(JSON.stringify((e as { fieldErrors?: unknown }).fieldErrors, null, 2));
      process.exit(1);
    });
}
