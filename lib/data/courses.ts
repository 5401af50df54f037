import "server-only";
// Reads for the catalogue, the syllabus and the lesson reader. Learners see published versions only;
// the course team may preview drafts' published state too (never another team's drafts).
import { db } from "@/lib/db";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";

export const WORDS_PER_MINUTE = 200;
export const readingMinutes = (words: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE));

const publishedLesson = { archivedAt: null, publishedAt: { not: null } } as const;
const publishedModule = { archivedAt: null, publishedAt: { not: null } } as const;

export async function listPublishedCourses() {
  const courses = await db.course.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, summary: true, _count: { select: { modules: { where: publishedModule } } } },
  });
  const words = await db.lesson.groupBy({ by: ["courseId"], where: { ...publishedLesson, courseId: { in: courses.map((c) => c.id) } }, _sum: { wordCount: true }, _count: { _all: true } });
  const byCourse = new Map(words.map((w) => [w.courseId, w]));
  return courses.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    modules: c._count.modules,
    lessons: byCourse.get(c.id)?._count._all ?? 0,
    minutes: readingMinutes(byCourse.get(c.id)?._sum.wordCount ?? 0),
  }));
}

export async function getCourseAccess(slug: string, actor: Actor | null) {
  const course = await db.course.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, summary: true, description: true, status: true, passMark: true, instructors: { select: { userId: true, role: true } } },
  });
  if (!course) return null;
  const team = canEditCourse(actor, course);
  if (course.status !== "PUBLISHED" && !team) return null;
  const enrollment = actor
    ? await db.enrollment.findUnique({ where: { userId_courseId: { userId: actor.id, courseId: course.id } }, select: { id: true, cohortId: true, enrolledAt: true } })
    : null;
  return { course, team, enrollment };
}

export async function getSyllabus(slug: string, actor: Actor | null) {
  const access = await getCourseAccess(slug, actor);
  if (!access) return null;
  const { course } = access;
  const [modules, progress, glossaryCount, mastery] = await Promise.all([
    db.module.findMany({
      where: { courseId: course.id, ...publishedModule },
      orderBy: [{ order: "asc" }],
      select: {
        id: true,
        slug: true,
        publishedTitle: true,
        publishedSummary: true,
        passMark: true,
        references: true,
        lessons: {
          where: publishedLesson,
          orderBy: { order: "asc" },
          select: { id: true, slug: true, publishedTitle: true, wordCount: true, objectives: { orderBy: { order: "asc" }, select: { id: true, text: true } } },
        },
        _count: { select: { items: { where: { archivedAt: null, published: { not: null }, check: false } } } },
      },
    }),
    actor
      ? db.lessonProgress.findMany({ where: { userId: actor.id, courseId: course.id }, select: { lessonId: true, completedAt: true, position: true } })
      : Promise.resolve([]),
    db.glossaryTerm.count({ where: { courseId: course.id } }),
    actor ? db.mastery.findMany({ where: { userId: actor.id, courseId: course.id }, select: { objectiveId: true, pKnown: true, attempts: true } }) : Promise.resolve([]),
  ]);
  const done = new Map(progress.map((p) => [p.lessonId, p]));
  const known = new Map(mastery.map((m) => [m.objectiveId, m]));
  return {
    ...access,
    glossaryCount,
    modules: modules.map((m) => ({
      id: m.id,
      slug: m.slug,
      title: m.publishedTitle ?? "",
      summary: m.publishedSummary ?? "",
      passMark: m.passMark ?? course.passMark,
      quizItems: m._count.items,
      references: JSON.parse(m.references) as string[],
      lessons: m.lessons.map((l) => ({
        id: l.id,
        slug: l.slug,
        title: l.publishedTitle ?? "",
        minutes: readingMinutes(l.wordCount),
        objectives: l.objectives.map((o) => ({ ...o, pKnown: known.get(o.id)?.pKnown ?? null, attempts: known.get(o.id)?.attempts ?? 0 })),
        completed: !!done.get(l.id)?.completedAt,
        position: done.get(l.id)?.position ?? 0,
      })),
    })),
  };
}

/** The public read-only API's view of a published course: modules in order, lessons with counts. */
export async function getPublishedCourseOutline(slug: string) {
  const course = await db.course.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true, slug: true, title: true, summary: true, passMark: true, publishedAt: true,
      modules: {
        where: publishedModule,
        orderBy: { order: "asc" },
        select: {
          slug: true, order: true, publishedTitle: true, publishedSummary: true, passMark: true,
          lessons: { where: publishedLesson, orderBy: { order: "asc" }, select: { id: true, slug: true, order: true, publishedTitle: true, wordCount: true } },
        },
      },
    },
  });
  if (!course) return null;
  const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const [objectives, items] = await Promise.all([
    db.objective.groupBy({ by: ["lessonId"], where: { lessonId: { in: lessonIds } }, _count: { _all: true } }),
    db.item.groupBy({ by: ["lessonId"], where: { lessonId: { in: lessonIds }, archivedAt: null, published: { not: null } }, _count: { _all: true } }),
  ]);
  const o = new Map(objectives.map((r) => [r.lessonId, r._count._all]));
  const it = new Map(items.map((r) => [r.lessonId, r._count._all]));
  return {
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    passMark: course.passMark,
    publishedAt: course.publishedAt?.toISOString() ?? null,
    modules: course.modules.map((m) => ({
      slug: m.slug,
      order: m.order,
      title: m.publishedTitle,
      summary: m.publishedSummary,
      passMark: m.passMark ?? course.passMark,
      lessons: m.lessons.map((l) => ({
        slug: l.slug,
        order: l.order,
        title: l.publishedTitle,
        readingMinutes: readingMinutes(l.wordCount),
        objectiveCount: o.get(l.id) ?? 0,
        itemCount: it.get(l.id) ?? 0,
      })),
    })),
  };
}
