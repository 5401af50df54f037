// Benchmark of the studio analytics (lib/data/analytics.ts) on a large SQLite database.
//   npx tsx --conditions=react-server bench/analytics.ts [--learners 5000] [--keep]
// Generates a separate SQLite file (never the app's database) with ≥ 1,000,000 responses through
// better-sqlite3 directly (prepared statements, one transaction per batch), then times each analytics
// function through the app's own Prisma client and prints the figures. It prints; it asserts nothing.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const LEARNERS = opt("learners", 5000);
const MODULES = 10;
const LESSONS_PER_MODULE = 5;
const ITEMS_PER_MODULE = 20;
const ATTEMPTS_PER_LEARNER = MODULES * 2; // every learner takes each module quiz twice
const COHORT_SIZE = 200;

const dir = mkdtempSync(path.join(os.tmpdir(), "paracrine-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.DATA_DIR = dir;

// Deterministic pseudo-random numbers (mulberry32), so runs are comparable.
let seed = 42;
const rand = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00"); // Prisma's SQLite DateTime text

async function generate() {
  const { migrate } = await import("../prisma/migrate");
  await migrate(process.env.DATABASE_URL!);
  const Database = (await import("better-sqlite3")).default;
  const sql = new Database(file);
  sql.pragma("journal_mode = WAL");
  sql.pragma("synchronous = OFF");
  const now = Date.now();
  const t0 = performance.now();
  const ins = (table: string, cols: string[]) => sql.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);

  const courseId = "bench-course";
  const nowIso = iso(new Date(now));
  sql.transaction(() => {
    ins("User", ["id", "email", "name", "role", "createdAt", "updatedAt"]).run("bench-admin", "admin@bench.test", "Admin", "ADMIN", nowIso, nowIso);
    ins("Course", ["id", "slug", "title", "status", "createdAt", "updatedAt"]).run(courseId, "bench", "Bench course", "PUBLISHED", nowIso, nowIso);
    ins("Cohort", ["id", "courseId", "name", "joinCode", "createdAt"]).run("bench-cohort", courseId, "Bench cohort", "BENCH234", nowIso);
    const mod = ins("Module", ["id", "courseId", "slug", "order", "title", "createdAt", "updatedAt"]);
    const les = ins("Lesson", ["id", "courseId", "moduleId", "slug", "order", "title", "body", "createdAt", "updatedAt"]);
    const obj = ins("Objective", ["id", "courseId", "lessonId", "key", "text", "createdAt"]);
    const item = ins("Item", ["id", "courseId", "moduleId", "key", "type", "stem", "data", "objectiveId", "createdAt", "updatedAt"]);
    const data = JSON.stringify({ type: "single", options: ["a", "b", "c", "d"].map((id, k) => ({ id, text: `Option ${id}`, weight: k === 0 ? 1 : 0 })) });
    for (let m = 0; m < MODULES; m++) {
      mod.run(`m${m}`, courseId, `m${m}`, m + 1, `Module ${m + 1}`, nowIso, nowIso);
      for (let l = 0; l < LESSONS_PER_MODULE; l++) {
        les.run(`l${m}-${l}`, courseId, `m${m}`, `l${m}-${l}`, l + 1, `Lesson ${m + 1}.${l + 1}`, "text", nowIso, nowIso);
        obj.run(`o${m}-${l}`, courseId, `l${m}-${l}`, `o${m}-${l}`, `Objective ${m}.${l}`, nowIso);
      }
      for (let i = 0; i < ITEMS_PER_MODULE; i++) item.run(`i${m}-${i}`, courseId, `m${m}`, `i${m}-${i}`, "single", "Q", data, `o${m}-${i % LESSONS_PER_MODULE}`, nowIso, nowIso);
    }
  })();

  const user = ins("User", ["id", "email", "name", "role", "createdAt", "updatedAt"]);
  const enr = ins("Enrollment", ["id", "userId", "courseId", "cohortId", "enrolledAt"]);
  const prog = ins("LessonProgress", ["id", "userId", "lessonId", "courseId", "position", "completedAt", "startedAt", "lastSeenAt"]);
  const mast = ins("Mastery", ["id", "userId", "objectiveId", "courseId", "pKnown", "attempts", "correct", "updatedAt"]);
  const att = ins("QuizAttempt", ["id", "userId", "courseId", "moduleId", "kind", "seed", "itemIds", "status", "score", "maxScore", "percent", "startedAt", "submittedAt"]);
  const resp = ins("Response", ["id", "attemptId", "itemId", "userId", "answer", "choice", "score", "correct", "createdAt"]);
  let responses = 0;
  const BATCH = 250; // learners per transaction
  for (let start = 0; start < LEARNERS; start += BATCH) {
    sql.transaction(() => {
      for (let u = start; u < Math.min(LEARNERS, start + BATCH); u++) {
        const uid = `u${u}`;
        const ability = rand();
        const seen = iso(new Date(now - Math.floor(rand() * 40) * 86_400_000));
        user.run(uid, `u${u}@bench.test`, `Learner ${String(u).padStart(5, "0")}`, "LEARNER", nowIso, nowIso);
        enr.run(`e${u}`, uid, courseId, u < COHORT_SIZE ? "bench-cohort" : null, nowIso);
        const reach = Math.floor(ability * MODULES * LESSONS_PER_MODULE);
        for (let k = 0; k < reach; k++) {
          const m = Math.floor(k / LESSONS_PER_MODULE);
          const l = k % LESSONS_PER_MODULE;
          prog.run(`p${u}-${k}`, uid, `l${m}-${l}`, courseId, 1, seen, seen, seen);
          mast.run(`ma${u}-${k}`, uid, `o${m}-${l}`, courseId, Math.min(1, ability * 0.6 + rand() * 0.4), 1, 1, seen);
        }
        for (let a = 0; a < ATTEMPTS_PER_LEARNER; a++) {
          const m = a % MODULES;
          const aid = `a${u}-${a}`;
          let score = 0;
          const rows: [string, string, number][] = [];
          for (let i = 0; i < ITEMS_PER_MODULE; i++) {
            // Item i of a module is harder as i grows; the last item is "reversed" (negative discrimination).
            const difficulty = i / ITEMS_PER_MODULE;
            const p = i === ITEMS_PER_MODULE - 1 ? 1 - ability : Math.max(0.05, Math.min(0.95, 0.5 + ability - difficulty));
            const ok = rand() < p;
            const choice = ok ? "a" : ["b", "c", "d"][Math.floor(rand() * 3)];
            rows.push([`i${m}-${i}`, choice, ok ? 1 : 0]);
            score += ok ? 1 : 0;
          }
          att.run(aid, uid, courseId, `m${m}`, "QUIZ", 1, "[]", "SUBMITTED", score, ITEMS_PER_MODULE, (100 * score) / ITEMS_PER_MODULE, seen, seen);
          for (const [itemId, choice, s] of rows) resp.run(`r${responses++}`, aid, itemId, uid, "{}", choice, s, s, seen);
        }
      }
    })();
  }
  sql.exec("ANALYZE");
  sql.close();
  return { responses, seconds: (performance.now() - t0) / 1000 };
}

async function main() {
  console.log(`bench/analytics: ${LEARNERS} learners into ${file}`);
  const gen = await generate();
  console.log(`generated ${gen.responses.toLocaleString("en")} responses in ${gen.seconds.toFixed(1)} s`);
  const a = await import("../lib/data/analytics");
  const { getDb } = await import("../lib/db");
  const actor = { id: "bench-admin", role: "ADMIN" as const };
  const cases: [string, () => Promise<unknown>][] = [
    ["getItemAnalysis (facility, point-biserial, distractors)", () => a.getItemAnalysis("bench-course", actor)],
    ["getCompletionFunnel", () => a.getCompletionFunnel("bench-course", actor)],
    ["getMasteryDistribution", () => a.getMasteryDistribution("bench-course", actor)],
    ["getLearnersAtRisk", () => a.getLearnersAtRisk("bench-course", actor)],
    ["getCohortHeatmap (200 learners)", () => a.getCohortHeatmap("bench-cohort", actor)],
    ["getGradebook + CSV", async () => a.gradebookCsv((await a.getGradebook("bench-course", actor))!)],
  ];
  console.log("\nfunction                                              first ms   median of 3 ms");
  for (const [name, fn] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    const warm = times.slice(1).sort((x, y) => x - y)[1];
    console.log(`${name.padEnd(52)} ${times[0].toFixed(0).padStart(8)} ${warm.toFixed(0).padStart(16)}`);
  }
  const items = await a.getItemAnalysis("bench-course", actor);
  console.log(`\nitems flagged with negative discrimination: ${items!.items.filter((i) => i.flags.includes("negative discrimination")).length} of ${items!.items.length} (expected: the ${MODULES} reversed items)`);
  await getDb().$disconnect();
  if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
