// npm run db:seed: the demo course (content/paracrine, through the same importer instructors use)
// and demo accounts. The demo passwords exist only here; they are printed and written to
// DATA_DIR/demo-accounts.json, which the sign-in page shows in development only.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/hash";
import { readEnv } from "@/lib/env";
import { readCourseFolder } from "@/lib/content/read-folder";
import { importCourseFiles } from "@/lib/data/course-archive";
import type { Role } from "@/lib/auth/permissions";

const DEMO: { role: Role; email: string; name: string; password: string }[] = [
  { role: "LEARNER", email: "learner@paracrine.test", name: "Lena Learner", password: "demo-learner-pass" },
  { role: "INSTRUCTOR", email: "instructor@paracrine.test", name: "Ivan Instructor", password: "demo-instructor-pass" },
  { role: "ADMIN", email: "admin@paracrine.test", name: "Ada Admin", password: "demo-admin-pass" },
];

export async function seed(): Promise<void> {
  const users: Record<string, { id: string; role: Role }> = {};
  for (const d of DEMO) {
    const passwordHash = await hashPassword(d.password);
    const u = await db.user.upsert({
      where: { email: d.email },
      create: { email: d.email, name: d.name, role: d.role, passwordHash },
      update: { role: d.role, passwordHash, disabled: false },
      select: { id: true },
    });
    users[d.role] = { id: u.id, role: d.role };
  }
  const contentDir = path.resolve("content/paracrine");
  const report = await importCourseFiles(readCourseFolder(contentDir), users.INSTRUCTOR, { publish: true });
  await db.enrollment.upsert({
    where: { userId_courseId: { userId: users.LEARNER.id, courseId: report.courseId } },
    create: { userId: users.LEARNER.id, courseId: report.courseId },
    update: {},
  });
  const dataDir = path.resolve(readEnv().DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, "demo-accounts.json"), JSON.stringify(DEMO.map(({ role, email, password }) => ({ role, email, password })), null, 2));
  console.log(`Seeded course "${report.slug}": ${JSON.stringify(report.counts)}${report.warnings.length ? `, ${report.warnings.length} content warning(s)` : ""}`);
  console.log("Demo accounts (development only):");
  for (const d of DEMO) console.log(`  ${d.role.padEnd(10)} ${d.email}  password: ${d.password}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("prisma", "seed.ts"));
if (isMain) {
  seed()
    .then(() => process.exit(0))
    .catch((e: Error) => {
      console.error(`Seeding failed: ${e.message}`);
      if ((e as { fieldErrors?: unknown }).fieldErrors) console.error(JSON.stringify((e as { fieldErrors?: unknown }).fieldErrors, null, 2));
      process.exit(1);
    });
}
