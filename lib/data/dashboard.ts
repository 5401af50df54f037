import "server-only";
// The learner dashboard: a fixed number of queries whatever the data size, aggregates computed by the
// database. This page is on every learner's path, so its reads are four portable SQL statements
// (about 0.2 ms each through the driver adapter) rather than eight model queries (about 0.7 ms each);
// bench/pages.ts measures the difference. Identifiers are quoted for PostgreSQL; no dialect-only SQL.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { TOPICS } from "@/lib/items/schema";
import { activityCalendar, CALENDAR_DAYS } from "@/lib/learning/calendar";
import { utcDay } from "./statements";
import { countDueCards } from "./review";

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function getDashboard(actor: Actor, now = new Date()) {
  const since = utcDay(new Date(now.getTime() - (CALENDAR_DAYS - 1) * 86_400_000));
  const [courses, aggregates, activity, dueReviews] = await Promise.all([
    // Enrolled courses with published lessons and the learner's completed lessons.
    db.$queryRaw<{ id: string; slug: string; title: string; lessons: bigint | number; completed: bigint | number }[]>`
      SELECT c."id", c."slug", c."title",
        (SELECT COUNT(*) FROM "Lesson" l JOIN "Module" m ON m."id" = l."moduleId"
          WHERE l."courseId" = c."id" AND l."archivedAt" IS NULL AND l."publishedAt" IS NOT NULL
            AND m."archivedAt" IS NULL AND m."publishedAt" IS NOT NULL) AS "lessons",
        (SELECT COUNT(*) FROM "LessonProgress" p JOIN "Lesson" l ON l."id" = p."lessonId"
          WHERE p."userId" = e."userId" AND p."courseId" = c."id" AND p."completedAt" IS NOT NULL
            AND l."archivedAt" IS NULL AND l."publishedAt" IS NOT NULL) AS "completed"
      FROM "Enrollment" e JOIN "Course" c ON c."id" = e."courseId"
      WHERE e."userId" = ${actor.id}
      ORDER BY e."enrolledAt" ASC`,
    // Mastery by topic (each objective counts once per topic its items carry) and activity per day.
    db.$queryRaw<{ kind: string; label: string; value: number | null; n: bigint | number }[]>`
      SELECT 'topic' AS "kind", t."topic" AS "label", AVG(m."pKnown") AS "value", COUNT(*) AS "n"
      FROM "Mastery" m
      JOIN (SELECT DISTINCT "objectiveId", "topic" FROM "Item" WHERE "topic" IS NOT NULL AND "objectiveId" IS NOT NULL) t ON t."objectiveId" = m."objectiveId"
      WHERE m."userId" = ${actor.id}
      GROUP BY t."topic"
      UNION ALL
      SELECT 'day', s."day", NULL, COUNT(*) FROM "Statement" s
      WHERE s."userId" = ${actor.id} AND s."day" >= ${since}
      GROUP BY s."day"`,
    // The lesson to resume and the five latest submitted attempts, as one list.
    db.$queryRaw<{ kind: string; a: string | null; b: string | null; c: string | null; d: string | null; pct: number | null; passed: boolean | number | null; at: Date | string | null }[]>`
      SELECT * FROM (
        SELECT 'resume' AS "kind", l."slug" AS "a", l."publishedTitle" AS "b", c."slug" AS "c", c."title" AS "d", CAST(NULL AS DOUBLE PRECISION) AS "pct", CAST(NULL AS BOOLEAN) AS "passed", p."lastSeenAt" AS "at"
        FROM "LessonProgress" p JOIN "Lesson" l ON l."id" = p."lessonId" JOIN "Course" c ON c."id" = p."courseId"
        WHERE p."userId" = ${actor.id} AND p."completedAt" IS NULL
        ORDER BY p."lastSeenAt" DESC LIMIT 1
      ) r
      UNION ALL
      SELECT * FROM (
        SELECT 'attempt', q."id", q."kind", COALESCE(mo."publishedTitle", le."publishedTitle"), c."slug", q."percent", q."passed", q."submittedAt"
        FROM "QuizAttempt" q JOIN "Course" c ON c."id" = q."courseId"
        LEFT JOIN "Module" mo ON mo."id" = q."moduleId" LEFT JOIN "Lesson" le ON le."id" = q."lessonId"
        WHERE q."userId" = ${actor.id} AND q."status" = 'SUBMITTED'
        ORDER BY q."submittedAt" DESC LIMIT 5
      ) a`,
    // The same count as the review page: only cards whose item is still published.
    countDueCards(actor.id, now),
  ]);

  const topics = aggregates.filter((r) => r.kind === "topic");
  const days = aggregates.filter((r) => r.kind === "day").map((r) => ({ day: r.label, count: num(r.n) }));
  const resume = activity.find((r) => r.kind === "resume");
  const attempts = activity.filter((r) => r.kind === "attempt");
  return {
    courses: courses.map((c) => ({ id: c.id, slug: c.slug, title: c.title, lessons: num(c.lessons), completed: num(c.completed) })),
    resume: resume ? { lessonSlug: resume.a!, lessonTitle: resume.b ?? "", courseSlug: resume.c!, courseTitle: resume.d ?? "" } : null,
    dueReviews,
    masteryByTopic: TOPICS.map((topic) => {
      const row = topics.find((r) => r.label === topic);
      return { topic, mean: row && row.value !== null ? Number(row.value) : null, objectives: num(row?.n) };
    }),
    calendar: activityCalendar(days, now),
    recent: attempts.map((a) => ({
      id: a.a!,
      title: a.b === "QUIZ" ? `Module quiz: ${a.c ?? ""}` : `Check: ${a.c ?? ""}`,
      percent: a.pct === null ? null : Number(a.pct),
      passed: a.passed === null ? null : Boolean(a.passed),
      submittedAt: a.at === null ? null : new Date(a.at),
      courseSlug: a.d ?? "",
    })),
  };
}
