import "server-only";
// The learner dashboard: a fixed number of queries whatever the data size, with aggregates computed by
// the database (counts and groupBy), never by loading a learner's history into JavaScript.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { TOPICS } from "@/lib/items/schema";
import { activityCalendar, CALENDAR_DAYS } from "@/lib/learning/calendar";
import { utcDay } from "./statements";
import { countDueCards } from "./review";

export async function getDashboard(actor: Actor, now = new Date()) {
  const enrollments = await db.enrollment.findMany({
    where: { userId: actor.id },
    orderBy: { enrolledAt: "asc" },
    select: { course: { select: { id: true, slug: true, title: true } } },
  });
  const courseIds = enrollments.map((e) => e.course.id);
  const since = utcDay(new Date(now.getTime() - (CALENDAR_DAYS - 1) * 86_400_000));
  const [lessonTotals, lessonDone, lastSeen, dueReviews, topicRows, days, recent] = await Promise.all([
    db.lesson.groupBy({ by: ["courseId"], where: { courseId: { in: courseIds }, archivedAt: null, publishedAt: { not: null } }, _count: { _all: true } }),
    db.lessonProgress.groupBy({ by: ["courseId"], where: { userId: actor.id, courseId: { in: courseIds }, completedAt: { not: null } }, _count: { _all: true } }),
    db.lessonProgress.findFirst({
      where: { userId: actor.id, completedAt: null },
      orderBy: { lastSeenAt: "desc" },
      select: { lesson: { select: { slug: true, publishedTitle: true, course: { select: { slug: true, title: true } } } } },
    }),
    // The same count as the review page: only cards whose item is still published.
    countDueCards(actor.id, now),
    // Mastery by topic: each objective counts once per topic its items carry; computed in SQL.
    db.$queryRaw<{ topic: string; mean: number | null; objectives: bigint | number }[]>`
      SELECT t."topic" AS topic, AVG(m."pKnown") AS mean, COUNT(*) AS objectives
      FROM "Mastery" m
      JOIN (SELECT DISTINCT "objectiveId", "topic" FROM "Item" WHERE "topic" IS NOT NULL AND "objectiveId" IS NOT NULL) t ON t."objectiveId" = m."objectiveId"
      WHERE m."userId" = ${actor.id}
      GROUP BY t."topic"`,
    db.statement.groupBy({ by: ["day"], where: { userId: actor.id, day: { gte: since } }, _count: { _all: true } }),
    db.quizAttempt.findMany({
      where: { userId: actor.id, status: "SUBMITTED" },
      orderBy: { submittedAt: "desc" },
      take: 5,
      select: { id: true, kind: true, percent: true, passed: true, submittedAt: true, module: { select: { publishedTitle: true } }, lesson: { select: { publishedTitle: true } }, course: { select: { slug: true } } },
    }),
  ]);
  const total = new Map(lessonTotals.map((t) => [t.courseId, t._count._all]));
  const done = new Map(lessonDone.map((t) => [t.courseId, t._count._all]));
  return {
    courses: enrollments.map((e) => ({ ...e.course, lessons: total.get(e.course.id) ?? 0, completed: done.get(e.course.id) ?? 0 })),
    resume: lastSeen ? { courseSlug: lastSeen.lesson.course.slug, courseTitle: lastSeen.lesson.course.title, lessonSlug: lastSeen.lesson.slug, lessonTitle: lastSeen.lesson.publishedTitle ?? "" } : null,
    dueReviews,
    masteryByTopic: TOPICS.map((topic) => {
      const row = topicRows.find((r) => r.topic === topic);
      return { topic, mean: row?.mean === null || row?.mean === undefined ? null : Number(row.mean), objectives: Number(row?.objectives ?? 0) };
    }),
    calendar: activityCalendar(days.map((d) => ({ day: d.day, count: d._count._all })), now),
    recent: recent.map((a) => ({
      id: a.id,
      title: a.kind === "QUIZ" ? `Module quiz: ${a.module?.publishedTitle ?? ""}` : `Check: ${a.lesson?.publishedTitle ?? ""}`,
      percent: a.percent,
      passed: a.passed,
      submittedAt: a.submittedAt,
      courseSlug: a.course.slug,
    })),
  };
}
