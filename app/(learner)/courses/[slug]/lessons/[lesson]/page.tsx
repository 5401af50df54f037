import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getLessonForReader } from "@/lib/data/lessons";
import { LessonProgressTracker } from "@/components/lesson/progress-tracker";
import { MarkCompleteButton } from "@/components/lesson/mark-complete";
import { ButtonLink } from "@/components/ui/button";
import { PoeActivity } from "@/components/lesson/poe-activity";

export const metadata: Metadata = { title: "Lesson" };

export default async function LessonPage({ params }: { params: Promise<{ slug: string; lesson: string }> }) {
  const { slug, lesson: lessonSlug } = await params;
  const user = await requireUser(`/courses/${slug}/lessons/${lessonSlug}`);
  const data = await getLessonForReader(slug, lessonSlug, user);
  if (!data) notFound();
  if (data.needsEnrollment) redirect(`/courses/${slug}`);
  const { lesson, prev, next, progress, course, activities } = data;
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="order-2 lg:order-1">
        <nav aria-label="On this page" className="space-y-2 lg:sticky lg:top-4">
          <p className="text-sm font-semibold">On this page</p>
          <ul className="space-y-1 text-sm">
            {lesson.toc.map((t) => (
              <li key={t.id} className={t.depth === 3 ? "pl-3" : ""}>
                <a href={`#${t.id}`} className="text-slate-700 dark:text-slate-300">
                  {t.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <article className="order-1 min-w-0 lg:order-2">
        <p className="text-sm">
          <Link href={`/courses/${slug}`}>{course.title}</Link> › {lesson.module.title}
        </p>
        <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{lesson.title}</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          About {lesson.minutes} min of reading{progress?.completedAt ? " · Completed" : ""}
        </p>
        <section aria-labelledby="objectives" className="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h2 id="objectives" className="font-semibold">
            After this lesson you will be able to
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {lesson.objectives.map((o) => (
              <li key={o.id}>{o.text}</li>
            ))}
          </ul>
        </section>
        <div className="prose-lesson mt-6" dangerouslySetInnerHTML={{ __html: lesson.html }} />
        {activities.map((a) => (
          <PoeActivity key={a.key} lessonId={lesson.id} activity={a} />
        ))}
        <LessonProgressTracker lessonId={lesson.id} resumeAnchor={progress?.completedAt ? null : progress?.anchor ?? null} />
        <section aria-label="Finish the lesson" className="mt-10 space-y-4 border-t border-slate-200 pt-6 dark:border-slate-700">
          {data.checkCount ? (
            <ButtonLink href={`/courses/${slug}/lessons/${lesson.slug}/check`} variant="secondary">
              Check your understanding ({data.checkCount} questions)
            </ButtonLink>
          ) : null}
          <MarkCompleteButton lessonId={lesson.id} completed={!!progress?.completedAt} />
          <nav aria-label="Lesson navigation" className="flex flex-wrap justify-between gap-4 pt-4">
            {prev ? <Link href={`/courses/${slug}/lessons/${prev.slug}`} rel="prev">← {prev.title}</Link> : <span />}
            {next ? <Link href={`/courses/${slug}/lessons/${next.slug}`} rel="next">{next.title} →</Link> : <span />}
          </nav>
        </section>
      </article>
    </div>
  );
}
