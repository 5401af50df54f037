import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getStudioLesson, renderDraft } from "@/lib/data/studio";
import { Alert } from "@/components/ui/card";

export const metadata: Metadata = { title: "Preview lesson" };

/** The draft as a learner would see it after the next publish (the reader's styles, sanitised HTML). */
export default async function PreviewLessonPage({ params }: { params: Promise<{ courseId: string; lessonId: string }> }) {
  const { courseId, lessonId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/lessons/${lessonId}/preview`);
  const lesson = await getStudioLesson(lessonId, user);
  if (!lesson || lesson.course.id !== courseId) notFound();
  const rendered = await renderDraft(lesson.course.id, lesson.body);
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <Alert tone="info">
        Preview of draft version {lesson.version}. Learners see this after the course is published.{" "}
        <Link href={`/studio/${courseId}/lessons/${lesson.id}`}>Back to the editor</Link>
      </Alert>
      {rendered.warnings.length ? (
        <Alert tone="warning">
          {rendered.warnings.map((w) => <p key={w}>{w}</p>)}
        </Alert>
      ) : null}
      <p className="text-sm">{lesson.course.title} › {lesson.module.title}</p>
      <h1 className="text-3xl font-bold sm:text-4xl">{lesson.title}</h1>
      {lesson.objectives.length ? (
        <section aria-labelledby="objectives" className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h2 id="objectives" className="font-semibold">After this lesson you will be able to</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {lesson.objectives.map((o) => <li key={o.id}>{o.text}</li>)}
          </ul>
        </section>
      ) : null}
      <div className="prose-lesson" dangerouslySetInnerHTML={{ __html: rendered.html }} />
    </article>
  );
}
