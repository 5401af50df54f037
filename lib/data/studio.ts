import "server-only";
// Reads for the studio. Every function takes the actor and returns null for a course the actor may
// not edit (instructors see the courses they teach, admins all), so a guessed id reveals nothing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canEditCourse, canManageCourse, isAdmin, type Actor } from "@/lib/auth/permissions";
import { renderLimitNotice } from "@/lib/markdown/render";
import { parsePool, WorkerTimeoutError } from "@/lib/workers/pool";
import { itemDataSchema } from "@/lib/items/schema";

const teamSelect = { id: true, slug: true, title: true, status: true, instructors: { select: { userId: true, role: true } } } as const;

export type CourseTeamRow = { id: string; slug: string; title: string; status: string; instructors: { userId: string; role: string }[] };

/**
 * For actions: loads a course's team and checks the actor may edit it (or manage it). A course the
 * actor does not teach is NOT_FOUND (its existence is not confirmed); a co-instructor trying an
 * owner-only operation is FORBIDDEN.
 */
export async function requireCourse(courseId: string, actor: Actor, level: "edit" | "manage" = "edit"): Promise<CourseTeamRow> {
  const course = await db.course.findUnique({ where: { id: courseId }, select: teamSelect });
  if (!course || !canEditCourse(actor, course)) throw new AppError("NOT_FOUND", "That course was not found.");
  if (level === "manage" && !canManageCourse(actor, course)) throw new AppError("FORBIDDEN", "Only the course owner or an administrator can do that.");
  return course;
}

export async function listStudioCourses(actor: Actor) {
  if (actor.role !== "INSTRUCTOR" && !isAdmin(actor)) return [];
  const courses = await db.course.findMany({
    where: isAdmin(actor) ? {} : { instructors: { some: { userId: actor.id } } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true,
      instructors: { select: { userId: true, role: true } },
      _count: { select: { modules: { where: { archivedAt: null } }, lessons: { where: { archivedAt: null } }, items: { where: { archivedAt: null } }, enrollments: true } },
    },
  });
  return courses.map((c) => ({ ...c, myRole: c.instructors.find((i) => i.userId === actor.id)?.role ?? (isAdmin(actor) ? "ADMIN" : null) }));
}

export async function getStudioCourse(courseId: string, actor: Actor) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true, slug: true, title: true, summary: true, description: true, passMark: true, status: true, publishedAt: true,
      instructors: { orderBy: { createdAt: "asc" }, select: { userId: true, role: true, user: { select: { name: true, email: true } } } },
      modules: {
        where: { archivedAt: null },
        orderBy: [{ order: "asc" }, { slug: "asc" }],
        select: {
          id: true, slug: true, title: true, summary: true, order: true, publishedAt: true,
          lessons: { where: { archivedAt: null }, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true, version: true, publishedVersion: true } },
          _count: { select: { items: { where: { archivedAt: null } } } },
        },
      },
    },
  });
  if (!course || !canEditCourse(actor, course)) return null;
  return { ...course, canManage: canManageCourse(actor, course) };
}

export async function getStudioLesson(lessonId: string, actor: Actor) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, archivedAt: null },
    select: {
      id: true, slug: true, title: true, body: true, version: true, publishedVersion: true, publishedAt: true, updatedAt: true,
      module: { select: { id: true, title: true } },
      course: { select: teamSelect },
      objectives: { orderBy: { order: "asc" }, select: { id: true, key: true, text: true } },
      items: { where: { archivedAt: null }, orderBy: [{ order: "asc" }, { key: "asc" }], select: { id: true, key: true, type: true, check: true } },
    },
  });
  if (!lesson || !canEditCourse(actor, lesson.course)) return null;
  return lesson;
}

export async function getLessonHistory(lessonId: string, actor: Actor) {
  const lesson = await getStudioLesson(lessonId, actor);
  if (!lesson) return null;
  const revisions = await db.lessonRevision.findMany({
    where: { lessonId: lesson.id },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    take: 200,
    select: { id: true, version: true, kind: true, title: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return { lesson, revisions };
}

/** The draft rendered exactly as the reader renders published text: sanitised, with math and figures. */
export async function renderDraft(courseId: string, body: string) {
  const [terms, assets] = await Promise.all([
    db.glossaryTerm.findMany({ where: { courseId }, select: { slug: true, term: true, definition: true } }),
    db.asset.findMany({ where: { courseId }, select: { name: true } }),
  ]);
  // Off the request thread with a timeout: the draft is whatever the author typed (lib/workers/pool.ts).
  try {
    return await parsePool().run({
      kind: "markdown",
      markdown: body,
      glossary: Object.fromEntries(terms.map((t) => [t.slug, { term: t.term, definition: t.definition }])),
      figureUrls: Object.fromEntries(assets.map((a) => [a.name, `/assets/${courseId}/${encodeURIComponent(a.name)}`])),
    });
  } catch (e) {
    if (!(e instanceof WorkerTimeoutError)) throw e;
    return { html: renderLimitNotice(e.message), toc: [], warnings: [e.message] };
  }
}

export async function listStudioItems(courseId: string, actor: Actor) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: teamSelect });
  if (!course || !canEditCourse(actor, course)) return null;
  const [items, modules] = await Promise.all([
    db.item.findMany({
      where: { courseId, archivedAt: null },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }, { key: "asc" }],
      select: { id: true, key: true, type: true, stem: true, check: true, published: true, version: true, module: { select: { id: true, title: true } }, lesson: { select: { title: true } } },
    }),
    db.module.findMany({ where: { courseId, archivedAt: null }, orderBy: { order: "asc" }, select: { id: true, title: true } }),
  ]);
  return { course, items, modules };
}

/** What the item editor needs: the course's modules, lessons and objectives, and the item if editing. */
export async function getItemEditor(courseId: string, itemId: string | null, actor: Actor) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: teamSelect });
  if (!course || !canEditCourse(actor, course)) return null;
  const [modules, item] = await Promise.all([
    db.module.findMany({
      where: { courseId, archivedAt: null },
      orderBy: { order: "asc" },
      select: { id: true, title: true, lessons: { where: { archivedAt: null }, orderBy: { order: "asc" }, select: { id: true, title: true, objectives: { select: { id: true, key: true, text: true } } } } },
    }),
    itemId
      ? db.item.findFirst({
          where: { id: itemId, courseId },
          select: { id: true, key: true, type: true, stem: true, explanation: true, topic: true, level: true, check: true, data: true, moduleId: true, lessonId: true, objectiveId: true, version: true },
        })
      : null,
  ]);
  if (itemId && !item) return null;
  const data = item ? itemDataSchema.safeParse(JSON.parse(item.data)) : null;
  return { course, modules, item: item ? { ...item, parsed: data?.success ? data.data : null } : null };
}

/** The course's images and figures, for the lesson editor's "Images" panel. */
export async function listCourseImages(courseId: string, actor: Actor) {
  await requireCourse(courseId, actor);
  return db.asset.findMany({ where: { courseId }, orderBy: { name: "asc" }, select: { name: true, mime: true, size: true } });
}
