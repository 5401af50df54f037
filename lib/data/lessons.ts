import "server-only";
// The lesson reader: the published body rendered once per published version (cached in memory, so
// the page's cost does not grow with the lesson), plus the learner's own small progress row.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { renderMarkdown, type Rendered } from "@/lib/markdown/render";
import { getCourseAccess, readingMinutes } from "./courses";

const renderCache = new Map<string, Rendered>();
const RENDER_CACHE_MAX = 500;

export async function renderedLesson(lesson: { id: string; courseId: string; publishedVersion: number | null; publishedBody: string | null }, courseSlug: string): Promise<Rendered> {
  const key = `${lesson.id}:${lesson.publishedVersion}`;
  const hit = renderCache.get(key);
  if (hit) return hit;
  const [terms, assets] = await Promise.all([
    db.glossaryTerm.findMany({ where: { courseId: lesson.courseId }, select: { slug: true, term: true, definition: true } }),
    db.asset.findMany({ where: { courseId: lesson.courseId }, select: { name: true } }),
  ]);
  const names = new Set(assets.map((a) => a.name));
  const rendered = renderMarkdown(lesson.publishedBody ?? "", {
    glossary: Object.fromEntries(terms.map((t) => [t.slug, { term: t.term, definition: t.definition }])),
    glossaryHref: `/courses/${courseSlug}/glossary`,
    figureUrl: (name) => (names.has(name) ? `/assets/${lesson.courseId}/${encodeURIComponent(name)}` : null),
  });
  if (renderCache.size >= RENDER_CACHE_MAX) renderCache.delete(renderCache.keys().next().value!);
  renderCache.set(key, rendered);
  return rendered;
}

export async function getLessonForReader(courseSlug: string, lessonSlug: string, actor: Actor) {
  const access = await getCourseAccess(courseSlug, actor);
  if (!access) return null;
  const { course, team, enrollment } = access;
  if (!enrollment && !team) return { course, needsEnrollment: true as const };
  const lesson = await db.lesson.findFirst({
    where: { courseId: course.id, slug: lessonSlug, archivedAt: null, publishedAt: { not: null }, module: { archivedAt: null, publishedAt: { not: null } } },
    select: {
      id: true, slug: true, courseId: true, publishedTitle: true, publishedBody: true, publishedVersion: true, wordCount: true, order: true,
      module: { select: { id: true, slug: true, order: true, publishedTitle: true } },
      objectives: { orderBy: { order: "asc" }, select: { id: true, text: true } },
    },
  });
  if (!lesson) return null;
  // Neighbours in course order (module order, then lesson order), from one small ordered list.
  const [outline, progress, checkCount] = await Promise.all([
    db.lesson.findMany({
      where: { courseId: course.id, archivedAt: null, publishedAt: { not: null }, module: { archivedAt: null, publishedAt: { not: null } } },
      orderBy: [{ module: { order: "asc" } }, { order: "asc" }],
      select: { slug: true, publishedTitle: true },
    }),
    db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: actor.id, lessonId: lesson.id } }, select: { position: true, anchor: true, completedAt: true, timeSpentSec: true } }),
    db.item.count({ where: { lessonId: lesson.id, check: true, archivedAt: null, published: { not: null } } }),
  ]);
  const i = outline.findIndex((l) => l.slug === lesson.slug);
  const rendered = await renderedLesson(lesson, course.slug);
  return {
    needsEnrollment: false as const,
    course,
    team,
    lesson: {
      id: lesson.id,
      slug: lesson.slug,
      title: lesson.publishedTitle ?? "",
      minutes: readingMinutes(lesson.wordCount),
      objectives: lesson.objectives,
      html: rendered.html,
      toc: rendered.toc,
      module: { id: lesson.module.id, slug: lesson.module.slug, title: lesson.module.publishedTitle ?? "" },
    },
    prev: i > 0 ? { slug: outline[i - 1].slug, title: outline[i - 1].publishedTitle ?? "" } : null,
    next: i >= 0 && i < outline.length - 1 ? { slug: outline[i + 1].slug, title: outline[i + 1].publishedTitle ?? "" } : null,
    progress,
    checkCount,
  };
}
