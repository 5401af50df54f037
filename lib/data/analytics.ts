import "server-only";
// Course analytics for the team, computed by the database: groupBy/aggregate, and raw SQL only where
// Prisma cannot express it (per-item sums with a per-learner total, distinct learners per module).
// The raw queries stay in this one module and use only portable SQL (quoted identifiers, CASE, SUM,
// COUNT, sub-selects), so they run on SQLite and PostgreSQL alike. Responses never come to JavaScript
// one by one: only per-item, per-choice, per-module or per-learner aggregates do.
import { db } from "@/lib/db";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";
import { distractorCounts, facility, flagItem, MASTERY_BINS, pointBiserial, toCsv } from "@/lib/analytics/item-stats";

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

async function teamCourse(courseId: string, actor: Actor) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, slug: true, title: true, status: true, instructors: { select: { userId: true, role: true } } } });
  return course && canEditCourse(actor, course) ? course : null;
}

// ------------------------------------------------------------------ heatmap (cohort)

export type HeatCell = { state: "none" | "started" | "done"; position: number };

export async function getCohortHeatmap(cohortId: string, actor: Actor) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, name: true, courseId: true } });
  if (!cohort || !(await teamCourse(cohort.courseId, actor))) return null;
  const [learners, lessons] = await Promise.all([
    db.enrollment.findMany({ where: { cohortId: cohort.id }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
    db.lesson.findMany({
      where: { courseId: cohort.courseId, archivedAt: null, module: { archivedAt: null } },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: { id: true, title: true, module: { select: { title: true } } },
    }),
  ]);
  // One small row per (learner, lesson) touched: bounded by the table's own size, not by responses.
  const progress = await db.lessonProgress.findMany({
    where: { courseId: cohort.courseId, userId: { in: learners.map((l) => l.user.id) } },
    select: { userId: true, lessonId: true, position: true, completedAt: true },
  });
  const byKey = new Map(progress.map((p) => [`${p.userId}:${p.lessonId}`, p]));
  const rows = learners.map(({ user }) => ({
    learner: user,
    cells: lessons.map((l): HeatCell => {
      const p = byKey.get(`${user.id}:${l.id}`);
      return !p ? { state: "none", position: 0 } : p.completedAt ? { state: "done", position: 1 } : { state: "started", position: p.position };
    }),
  }));
  return { cohort, lessons: lessons.map((l) => ({ id: l.id, title: l.title, module: l.module.title })), rows };
}

// ------------------------------------------------------------------ completion funnel

export async function getCompletionFunnel(courseId: string, actor: Actor) {
  const course = await teamCourse(courseId, actor);
  if (!course) return null;
  const [enrolled, modules, started, finishedLessons, completed] = await Promise.all([
    db.enrollment.count({ where: { courseId: course.id } }),
    db.module.findMany({ where: { courseId: course.id, archivedAt: null }, orderBy: { order: "asc" }, select: { id: true, title: true } }),
    db.$queryRaw<{ moduleId: string; learners: unknown }[]>`
      SELECT l."moduleId" AS "moduleId", COUNT(DISTINCT p."userId") AS "learners"
      FROM "LessonProgress" p JOIN "Lesson" l ON l."id" = p."lessonId"
      WHERE p."courseId" = ${course.id} AND l."archivedAt" IS NULL
      GROUP BY l."moduleId"`,
    // Learners who completed every live lesson of a module.
    db.$queryRaw<{ moduleId: string; learners: unknown }[]>`
      SELECT x."moduleId" AS "moduleId", COUNT(*) AS "learners" FROM (
        SELECT l."moduleId" AS "moduleId", p."userId" AS "userId", COUNT(*) AS "done"
        FROM "LessonProgress" p JOIN "Lesson" l ON l."id" = p."lessonId"
        WHERE p."courseId" = ${course.id} AND p."completedAt" IS NOT NULL AND l."archivedAt" IS NULL
        GROUP BY l."moduleId", p."userId"
      ) x JOIN (
        SELECT "moduleId", COUNT(*) AS "total" FROM "Lesson" WHERE "courseId" = ${course.id} AND "archivedAt" IS NULL GROUP BY "moduleId"
      ) t ON t."moduleId" = x."moduleId"
      WHERE x."done" >= t."total"
      GROUP BY x."moduleId"`,
    db.moduleCompletion.groupBy({ by: ["moduleId"], where: { courseId: course.id }, _count: { _all: true } }),
  ]);
  const m = (rows: { moduleId: string; learners: unknown }[]) => new Map(rows.map((r) => [r.moduleId, n(r.learners)]));
  const s = m(started);
  const f = m(finishedLessons);
  const c = new Map(completed.map((r) => [r.moduleId, r._count._all]));
  return {
    course,
    enrolled,
    modules: modules.map((mod) => ({ id: mod.id, title: mod.title, started: s.get(mod.id) ?? 0, lessonsDone: f.get(mod.id) ?? 0, completed: c.get(mod.id) ?? 0 })),
  };
}

// ------------------------------------------------------------------ item analysis

export interface ItemAnalysisRow {
  id: string;
  key: string;
  type: string;
  stem: string;
  n: number;
  facility: number | null;
  discrimination: number | null;
  flags: string[];
  options: { id: string; text: string; correct: boolean; count: number; share: number }[];
}

export async function getItemAnalysis(courseId: string, actor: Actor): Promise<{ course: { id: string; title: string }; items: ItemAnalysisRow[] } | null> {
  const course = await teamCourse(courseId, actor);
  if (!course) return null;
  // x = correctness, y = the learner's total score in the course minus this response (rest score).
  const [sums, choices, items] = await Promise.all([
    db.$queryRaw<{ itemId: string; n: unknown; sumX: unknown; sumScore: unknown; sumY: unknown; sumYY: unknown; sumXY: unknown }[]>`
      WITH "totals" AS (
        SELECT r."userId" AS "userId", SUM(r."score") AS "total"
        FROM "Response" r JOIN "Item" i ON i."id" = r."itemId"
        WHERE i."courseId" = ${course.id}
        GROUP BY r."userId"
      ), "obs" AS (
        SELECT r."itemId" AS "itemId", r."score" AS "score",
               CASE WHEN r."correct" THEN 1.0 ELSE 0.0 END AS "x",
               t."total" - r."score" AS "y"
        FROM "Response" r JOIN "Item" i ON i."id" = r."itemId" JOIN "totals" t ON t."userId" = r."userId"
        WHERE i."courseId" = ${course.id}
      )
      SELECT "itemId", COUNT(*) AS "n", SUM("x") AS "sumX", SUM("score") AS "sumScore", SUM("y") AS "sumY",
             SUM("y" * "y") AS "sumYY", SUM("x" * "y") AS "sumXY"
      FROM "obs" GROUP BY "itemId"`,
    db.response.groupBy({ by: ["itemId", "choice"], where: { item: { courseId: course.id } }, _count: { _all: true } }),
    db.item.findMany({
      where: { courseId: course.id, archivedAt: null },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }, { key: "asc" }],
      select: { id: true, key: true, type: true, stem: true, data: true },
    }),
  ]);
  const sumsBy = new Map(sums.map((r) => [r.itemId, { n: n(r.n), sumX: n(r.sumX), sumScore: n(r.sumScore), sumY: n(r.sumY), sumYY: n(r.sumYY), sumXY: n(r.sumXY) }]));
  const choiceGroups = new Map<string, { choice: string | null; count: number }[]>();
  for (const g of choices) {
    const list = choiceGroups.get(g.itemId) ?? [];
    list.push({ choice: g.choice, count: g._count._all });
    choiceGroups.set(g.itemId, list);
  }
  return {
    course,
    items: items.map((it) => {
      const s = sumsBy.get(it.id) ?? { n: 0, sumX: 0, sumScore: 0, sumY: 0, sumYY: 0, sumXY: 0 };
      const fac = facility(s);
      const disc = pointBiserial(s);
      const counts = distractorCounts(choiceGroups.get(it.id) ?? []);
      let options: ItemAnalysisRow["options"] = [];
      try {
        const d = JSON.parse(it.data) as { type: string; options?: { id: string; text: string; weight: number }[]; answer?: boolean };
        if (d.options) options = d.options.map((o) => ({ id: o.id, text: o.text, correct: o.weight > 0, count: counts.get(o.id) ?? 0, share: 0 }));
        else if (d.type === "truefalse")
          options = [true, false].map((v) => ({ id: String(v), text: v ? "True" : "False", correct: d.answer === v, count: counts.get(String(v)) ?? 0, share: 0 }));
      } catch {
        options = [];
      }
      for (const o of options) o.share = s.n ? o.count / s.n : 0;
      return { id: it.id, key: it.key, type: it.type, stem: it.stem, n: s.n, facility: fac, discrimination: disc, flags: flagItem({ n: s.n, facility: fac, discrimination: disc }), options };
    }),
  };
}

// ------------------------------------------------------------------ mastery

export async function getMasteryDistribution(courseId: string, actor: Actor) {
  const course = await teamCourse(courseId, actor);
  if (!course) return null;
  const [objectives, bins] = await Promise.all([
    db.objective.findMany({ where: { courseId: course.id }, orderBy: [{ lesson: { order: "asc" } }, { order: "asc" }], select: { id: true, key: true, text: true } }),
    db.$queryRaw<{ objectiveId: string; bin: unknown; learners: unknown }[]>`
      SELECT "objectiveId", CASE WHEN "pKnown" < 0.2 THEN 0 WHEN "pKnown" < 0.4 THEN 1 WHEN "pKnown" < 0.6 THEN 2 WHEN "pKnown" < 0.8 THEN 3 ELSE 4 END AS "bin",
             COUNT(*) AS "learners"
      FROM "Mastery" WHERE "courseId" = ${course.id}
      GROUP BY "objectiveId", CASE WHEN "pKnown" < 0.2 THEN 0 WHEN "pKnown" < 0.4 THEN 1 WHEN "pKnown" < 0.6 THEN 2 WHEN "pKnown" < 0.8 THEN 3 ELSE 4 END`,
  ]);
  const counts = new Map<string, number[]>();
  for (const b of bins) {
    const arr = counts.get(b.objectiveId) ?? MASTERY_BINS.map(() => 0);
    arr[n(b.bin)] += n(b.learners);
    counts.set(b.objectiveId, arr);
  }
  return { course, bins: MASTERY_BINS.map((b) => b.label), objectives: objectives.map((o) => ({ ...o, counts: counts.get(o.id) ?? MASTERY_BINS.map(() => 0) })) };
}

// ------------------------------------------------------------------ learners (at risk, gradebook)

async function learnerAggregates(courseId: string) {
  const [enrolments, lastSeen, done, mastery] = await Promise.all([
    db.enrollment.findMany({ where: { courseId }, orderBy: { user: { name: "asc" } }, select: { enrolledAt: true, cohort: { select: { name: true } }, user: { select: { id: true, name: true, email: true } } } }),
    db.lessonProgress.groupBy({ by: ["userId"], where: { courseId }, _max: { lastSeenAt: true } }),
    db.lessonProgress.groupBy({ by: ["userId"], where: { courseId, completedAt: { not: null } }, _count: { _all: true } }),
    db.mastery.groupBy({ by: ["userId"], where: { courseId }, _avg: { pKnown: true } }),
  ]);
  return {
    enrolments,
    lastSeen: new Map(lastSeen.map((r) => [r.userId, r._max.lastSeenAt])),
    done: new Map(done.map((r) => [r.userId, r._count._all])),
    mastery: new Map(mastery.map((r) => [r.userId, r._avg.pKnown])),
  };
}

export async function getLearnersAtRisk(courseId: string, actor: Actor, opts: { inactiveDays?: number; masteryBelow?: number; now?: Date } = {}) {
  const course = await teamCourse(courseId, actor);
  if (!course) return null;
  const days = opts.inactiveDays ?? 14;
  const below = opts.masteryBelow ?? 0.4;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * 86_400_000);
  const a = await learnerAggregates(course.id);
  const learners = a.enrolments.flatMap(({ user, enrolledAt, cohort }) => {
    const last = a.lastSeen.get(user.id) ?? null;
    const mean = a.mastery.get(user.id) ?? null;
    const reasons: string[] = [];
    if ((last ?? enrolledAt) < cutoff) reasons.push(last ? `inactive since ${last.toISOString().slice(0, 10)}` : `no activity since enrolling on ${enrolledAt.toISOString().slice(0, 10)}`);
    if (mean !== null && mean < below) reasons.push(`mean mastery ${Math.round(mean * 100)}%`);
    return reasons.length ? [{ ...user, cohort: cohort?.name ?? null, lastSeen: last, meanMastery: mean, reasons }] : [];
  });
  return { course, inactiveDays: days, masteryBelow: below, learners };
}

export async function getGradebook(courseId: string, actor: Actor) {
  const course = await teamCourse(courseId, actor);
  if (!course) return null;
  const [a, modules, best] = await Promise.all([
    learnerAggregates(course.id),
    db.module.findMany({ where: { courseId: course.id, archivedAt: null }, orderBy: { order: "asc" }, select: { id: true, title: true } }),
    db.quizAttempt.groupBy({ by: ["userId", "moduleId"], where: { courseId: course.id, kind: "QUIZ", status: "SUBMITTED" }, _max: { percent: true } }),
  ]);
  const bestBy = new Map(best.map((b) => [`${b.userId}:${b.moduleId}`, b._max.percent]));
  const rows = a.enrolments.map(({ user }) => ({
    name: user.name,
    email: user.email,
    lessonsCompleted: a.done.get(user.id) ?? 0,
    modules: modules.map((m) => bestBy.get(`${user.id}:${m.id}`) ?? null),
    meanMastery: a.mastery.get(user.id) ?? null,
  }));
  return { course, modules, rows };
}

export function gradebookCsv(g: NonNullable<Awaited<ReturnType<typeof getGradebook>>>): string {
  const round = (v: number | null, k = 1) => (v === null ? null : Math.round(v * k * 10) / 10);
  return toCsv([
    ["Name", "Email", "Lessons completed", ...g.modules.map((m) => `Best quiz % – ${m.title}`), "Mean mastery %"],
    ...g.rows.map((r) => [r.name, r.email, r.lessonsCompleted, ...r.modules.map((p) => round(p)), round(r.meanMastery, 100)]),
  ]);
}
