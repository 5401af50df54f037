// Generates a benchmark data set: the demo course (imported through the normal importer) and N
// learners (default 10,000) with enrolments, lesson progress, quiz attempts and responses, mastery,
// review cards and logs, and activity statements. Rows are written with better-sqlite3 in large
// transactions for speed; the schema is the app's own (migrated by prisma/migrate.ts).
//   npx tsx --conditions=react-server bench/generate.ts [--learners 10000] [--out bench/out/bench.db]
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({ options: { learners: { type: "string", default: "10000" }, out: { type: "string", default: "bench/out/bench.db" } } });
const learners = Number(values.learners);
const out = path.resolve(values.out!);
mkdirSync(path.dirname(out), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(out + suffix, { force: true });
process.env.DATABASE_URL = `file:${out}`;
process.env.DATA_DIR = path.join(path.dirname(out), "data");

const { migrate } = await import("../prisma/migrate");
const { createUser } = await import("../prisma/factories");
const { getDb } = await import("../lib/db");
const { importCourseFiles } = await import("../lib/data/course-archive");
const { readCourseFolder } = await import("../lib/content/read-folder");
const { hashPassword } = await import("../lib/auth/hash");

await migrate(process.env.DATABASE_URL);
const db = getDb();
const teacher = await createUser(db, { role: "INSTRUCTOR", email: "bench-instructor@paracrine.test" });
const report = await importCourseFiles(readCourseFolder(path.resolve("content/paracrine")), teacher, { publish: true });
await db.$disconnect();

const sql = new Database(out);
sql.pragma("journal_mode = WAL");
sql.pragma("synchronous = OFF");
const courseId = report.courseId;
const lessons = sql.prepare(`SELECT l.id, l.moduleId FROM "Lesson" l JOIN "Module" m ON m.id = l.moduleId WHERE l.courseId = ? ORDER BY m."order", l."order"`).all(courseId) as { id: string; moduleId: string }[];
const items = sql.prepare(`SELECT id, moduleId, objectiveId, type, "check" AS isCheck FROM "Item" WHERE courseId = ?`).all(courseId) as { id: string; moduleId: string; objectiveId: string | null; type: string; isCheck: number }[];
const objectives = sql.prepare(`SELECT id FROM "Objective" WHERE courseId = ?`).all(courseId) as { id: string }[];
const modules = [...new Set(lessons.map((l) => l.moduleId))];

let seq = 0;
const id = () => `b${(seq++).toString(36)}${randomBytes(4).toString("hex")}`;
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const now = Date.now();
// Prisma's SQLite adapter stores DateTime as ISO-8601 text with an explicit offset; match it exactly.
const ms = (t: number) => new Date(t).toISOString().replace("Z", "+00:00");

const passwordHash = await hashPassword("bench-password");
const ins = {
  user: sql.prepare(`INSERT INTO "User" (id, email, name, passwordHash, role, disabled, tokenVersion, desiredRetention, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'LEARNER', 0, 0, 0.9, ?, ?)`),
  enrollment: sql.prepare(`INSERT INTO "Enrollment" (id, userId, courseId, enrolledAt) VALUES (?, ?, ?, ?)`),
  progress: sql.prepare(`INSERT INTO "LessonProgress" (id, userId, lessonId, courseId, position, timeSpentSec, completedAt, startedAt, lastSeenAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  attempt: sql.prepare(`INSERT INTO "QuizAttempt" (id, userId, courseId, moduleId, kind, seed, itemIds, status, score, maxScore, percent, passed, startedAt, submittedAt) VALUES (?, ?, ?, ?, 'QUIZ', ?, '[]', 'SUBMITTED', ?, ?, ?, ?, ?, ?)`),
  response: sql.prepare(`INSERT INTO "Response" (id, attemptId, itemId, userId, answer, choice, score, correct, timeMs, createdAt) VALUES (?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)`),
  mastery: sql.prepare(`INSERT INTO "Mastery" (id, userId, objectiveId, courseId, pKnown, attempts, correct, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  card: sql.prepare(`INSERT INTO "ReviewCard" (id, userId, itemId, courseId, due, stability, difficulty, reps, state, createdAt) VALUES (?, ?, ?, ?, ?, ?, 5, 1, 2, ?)`),
  statement: sql.prepare(`INSERT INTO "Statement" (id, userId, courseId, verb, objectType, objectId, objectName, timestamp, day) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)`),
};
const counts = { users: 0, progress: 0, attempts: 0, responses: 0, mastery: 0, cards: 0, statements: 0 };
const t0 = performance.now();
const batch = sql.transaction((from: number, to: number) => {
  for (let u = from; u < to; u++) {
    const userId = id();
    const created = now - Math.floor(rand() * 180) * 86_400_000;
    ins.user.run(userId, `bench-learner-${u}@paracrine.test`, `Bench Learner ${u}`, passwordHash, ms(created), ms(created));
    ins.enrollment.run(id(), userId, courseId, ms(created));
    counts.users++;
    const reached = Math.floor(rand() * lessons.length);
    for (let i = 0; i <= reached; i++) {
      const done = i < reached || rand() < 0.5;
      const seen = created + i * 86_400_000;
      ins.progress.run(id(), userId, lessons[i].id, courseId, done ? 1 : rand(), 60 + Math.floor(rand() * 900), done ? ms(seen) : null, ms(seen), ms(seen));
      counts.progress++;
    }
    const modulesTried = modules.slice(0, Math.max(1, Math.ceil(((reached + 1) / lessons.length) * modules.length)));
    for (const moduleId of modulesTried) {
      const attemptId = id();
      const quiz = items.filter((it) => it.moduleId === moduleId && !it.isCheck).slice(0, 10);
      const scores = quiz.map(() => (rand() < 0.7 ? 1 : 0));
      const score = scores.reduce((a: number, b) => a + b, 0);
      const pct = quiz.length ? (score / quiz.length) * 100 : 0;
      ins.attempt.run(attemptId, userId, courseId, moduleId, Math.floor(rand() * 1e9), score, quiz.length, pct, pct >= 80 ? 1 : 0, ms(now - 86_400_000), ms(now - 86_400_000));
      counts.attempts++;
      quiz.forEach((it, k) => {
        const sc = scores[k];
        ins.response.run(id(), attemptId, it.id, userId, it.type === "single" ? pick(["a", "b", "c", "d"]) : null, sc, sc, 5_000 + Math.floor(rand() * 40_000), ms(now - Math.floor(rand() * 60) * 86_400_000));
        counts.responses++;
        if (rand() < 0.6) {
          ins.card.run(id(), userId, it.id, courseId, ms(now + Math.floor((rand() - 0.3) * 20) * 86_400_000), 1 + rand() * 30, ms(now));
          counts.cards++;
        }
      });
    }
    for (const o of objectives) {
      if (rand() < 0.5) continue;
      ins.mastery.run(id(), userId, o.id, courseId, rand(), 1 + Math.floor(rand() * 6), Math.floor(rand() * 4), ms(now));
      counts.mastery++;
    }
    for (let s = 0; s < 40; s++) {
      const t = now - Math.floor(rand() * 84) * 86_400_000;
      ins.statement.run(id(), userId, courseId, pick(["answered", "completed", "reviewed"]), "Item", "x", ms(t), new Date(t).toISOString().slice(0, 10));
      counts.statements++;
    }
  }
});
for (let from = 0; from < learners; from += 500) batch(from, Math.min(learners, from + 500));
sql.exec("ANALYZE");
sql.close();
console.log(JSON.stringify({ database: out, learners, ...counts, seconds: Math.round((performance.now() - t0) / 100) / 10 }, null, 2));
