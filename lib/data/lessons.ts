import "server-only";
// The lesson reader. What every learner of a course sees alike (the outline, the lesson bodies
// rendered to HTML, objectives, activities, check counts) changes only when the course is published
// or re-imported, so it is loaded once per course version (course.publishedAt + updatedAt) and kept
// in memory. Per request there remain three small reads as plain SQL: the session, the course with
// this learner's enrolment and team membership, and the learner's progress row.
import { db } from "@/lib/db";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";
import { renderMarkdown } from "@/lib/markdown/render";
import { activitiesSchema, activityForLearner, type LearnerActivity } from "@/lib/lab/activities";
import { readingMinutes } from "./courses";

interface CachedLesson {
  id: string;
  slug: string;
  title: string;
  minutes: number;
  objectives: { id: string; text: string }[];
  module: { id: string; slug: string; title: string };
  body: string;
  bodyVersion: number | null;
  activities: LearnerActivity[];
  checkCount: number;
}

interface CourseVersion {
  key: string;
  outline: { slug: string; title: string }[];
  lessons: Map<string, CachedLesson>;
  rendered: Map<string, { html: string; toc: { id: string; text: string; depth: 2 | 3 }[] }>;
  glossary: Record<string, { term: string; definition: string }>;
  assets: Set<string>;
}

const versions = new Map<string, Promise<CourseVersion>>();
const MAX_COURSES = 50;

async function loadCourseVersion(courseId: string, key: string): Promise<CourseVersion> {
  const published = { archivedAt: null, publishedAt: { not: null } } as const;
  const [lessons, checks, terms, assets] = await Promise.all([
    db.lesson.findMany({
      where: { courseId, ...published, module: published },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: {
        id: true, slug: true, publishedTitle: true, publishedBody: true, publishedVersion: true, publishedActivities: true, wordCount: true,
        module: { select: { id: true, slug: true, publishedTitle: true } },
        objectives: { orderBy: { order: "asc" }, select: { id: true, text: true } },
      },
    }),
    db.item.groupBy({ by: ["lessonId"], where: { courseId, check: true, archivedAt: null, published: { not: null } }, _count: { _all: true } }),
    db.glossaryTerm.findMany({ where: { courseId }, select: { slug: true, term: true, definition: true } }),
    db.asset.findMany({ where: { courseId }, select: { name: true } }),
  ]);
  const checkCount = new Map(checks.map((c) => [c.lessonId, c._count._all]));
  const parseActivities = (json: string | null) => {
    const parsed = json ? activitiesSchema.safeParse(JSON.parse(json)) : null;
    return parsed?.success ? parsed.data.map(activityForLearner) : [];
  };
  return {
    key,
    outline: lessons.map((l) => ({ slug: l.slug, title: l.publishedTitle ?? "" })),
    lessons: new Map(
      lessons.map((l) => [
        l.slug,
        {
          id: l.id,
          slug: l.slug,
          title: l.publishedTitle ?? "",
          minutes: readingMinutes(l.wordCount),
          objectives: l.objectives,
          module: { id: l.module.id, slug: l.module.slug, title: l.module.publishedTitle ?? "" },
          body: l.publishedBody ?? "",
          bodyVersion: l.publishedVersion,
          activities: parseActivities(l.publishedActivities),
          checkCount: checkCount.get(l.id) ?? 0,
        },
      ]),
    ),
    rendered: new Map(),
    glossary: Object.fromEntries(terms.map((t) => [t.slug, { term: t.term, definition: t.definition }])),
    assets: new Set(assets.map((a) => a.name)),
  };
}

function courseVersion(courseId: string, key: string): Promise<CourseVersion> {
  const id = `${courseId}:${key}`;
  let v = versions.get(id);
  if (!v) {
    if (versions.size >= MAX_COURSES) versions.delete(versions.keys().next().value!);
    v = loadCourseVersion(courseId, key);
    v.catch(() => versions.delete(id));
    versions.set(id, v);
  }
  return v;
}

function render(v: CourseVersion, lesson: CachedLesson, courseId: string, courseSlug: string) {
  let r = v.rendered.get(lesson.slug);
  if (!r) {
    r = renderMarkdown(lesson.body, {
      glossary: v.glossary,
      glossaryHref: `/courses/${courseSlug}/glossary`,
      figureUrl: (name) => (v.assets.has(name) ? `/assets/${courseId}/${encodeURIComponent(name)}` : null),
    });
    v.rendered.set(lesson.slug, r);
  }
  return r;
}

type AccessRow = {
  id: string; slug: string; title: string; status: string; passMark: number | bigint;
  publishedAt: Date | string | null; updatedAt: Date | string;
  enrolled: bigint | number; team: bigint | number;
};

export async function getLessonForReader(courseSlug: string, lessonSlug: string, actor: Actor) {
  // One statement: the course, whether this learner is enrolled, whether they teach it.
  const [course] = await db.$queryRaw<AccessRow[]>`
    SELECT c."id", c."slug", c."title", c."status", c."passMark", c."publishedAt", c."updatedAt",
      (SELECT COUNT(*) FROM "Enrollment" e WHERE e."courseId" = c."id" AND e."userId" = ${actor.id}) AS "enrolled",
      (SELECT COUNT(*) FROM "CourseInstructor" i WHERE i."courseId" = c."id" AND i."userId" = ${actor.id}) AS "team"
    FROM "Course" c WHERE c."slug" = ${courseSlug}`;
  if (!course) return null;
  // The policy decides, from the one membership fact the query fetched.
  const team = canEditCourse(actor, { instructors: Number(course.team) > 0 ? [{ userId: actor.id, role: "CO" }] : [] });
  if (course.status !== "PUBLISHED" && !team) return null;
  const courseInfo = { id: course.id, slug: course.slug, title: course.title, status: course.status, passMark: Number(course.passMark) };
  if (Number(course.enrolled) === 0 && !team) return { course: courseInfo, needsEnrollment: true as const };

  const key = `${course.publishedAt ? new Date(course.publishedAt).getTime() : 0}:${new Date(course.updatedAt).getTime()}`;
  const v = await courseVersion(course.id, key);
  const lesson = v.lessons.get(lessonSlug);
  if (!lesson) return null;
  const [progressRow] = await db.$queryRaw<{ position: number; anchor: string | null; completedAt: Date | string | null; timeSpentSec: number | bigint }[]>`
    SELECT "position", "anchor", "completedAt", "timeSpentSec" FROM "LessonProgress" WHERE "userId" = ${actor.id} AND "lessonId" = ${lesson.id}`;
  const i = v.outline.findIndex((l) => l.slug === lesson.slug);
  const rendered = render(v, lesson, course.id, course.slug);
  return {
    needsEnrollment: false as const,
    course: courseInfo,
    team,
    lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title, minutes: lesson.minutes, objectives: lesson.objectives, html: rendered.html, toc: rendered.toc, module: lesson.module },
    activities: lesson.activities,
    prev: i > 0 ? v.outline[i - 1] : null,
    next: i >= 0 && i < v.outline.length - 1 ? v.outline[i + 1] : null,
    progress: progressRow
      ? {
          position: Number(progressRow.position),
          anchor: progressRow.anchor,
          completedAt: progressRow.completedAt ? new Date(progressRow.completedAt) : null,
          timeSpentSec: Number(progressRow.timeSpentSec),
        }
      : null,
    checkCount: lesson.checkCount,
  };
}
