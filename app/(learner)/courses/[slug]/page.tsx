import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getSyllabus } from "@/lib/data/courses";
import { renderMarkdown } from "@/lib/markdown/render";
import { Badge, Card, ProgressBar } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { EnrollButton } from "@/components/course/enroll-button";
import { describeMastery } from "@/lib/items/mastery";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug.replace(/-/g, " ") };
}

export default async function CoursePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const s = await getSyllabus(slug, user);
  if (!s) notFound();
  const lessons = s.modules.flatMap((m) => m.lessons);
  const done = lessons.filter((l) => l.completed).length;
  const minutes = lessons.reduce((n, l) => n + l.minutes, 0);
  const objectives = lessons.reduce((n, l) => n + l.objectives.length, 0);
  const resume = lessons.find((l) => !l.completed) ?? lessons[0];
  const description = renderMarkdown(s.course.description).html;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        {s.course.status !== "PUBLISHED" ? <Badge>Draft preview</Badge> : null}
        <h1 className="text-3xl font-bold sm:text-4xl">{s.course.title}</h1>
        <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">{s.course.summary}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {s.modules.length} modules · {lessons.length} lessons · {objectives} learning objectives · about {Math.round(minutes / 60)} h {minutes % 60} min of reading ·{" "}
          quiz pass mark {s.course.passMark}%
        </p>
        {!user ? (
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/courses/${slug}`)}`}>Sign in to enrol</ButtonLink>
        ) : s.enrollment || s.team ? (
          <div className="max-w-md space-y-2">
            <ProgressBar value={lessons.length ? (done / lessons.length) * 100 : 0} label="Lessons completed" />
            <p className="text-sm">
              {done} of {lessons.length} lessons completed.
            </p>
            <div className="flex flex-wrap items-center gap-4">
              {resume ? <ButtonLink href={`/courses/${slug}/lessons/${resume.slug}`}>{done ? "Continue" : "Start the course"}</ButtonLink> : null}
              <Link href={`/courses/${slug}/attempts`}>Your quiz attempts</Link>
            </div>
          </div>
        ) : (
          <EnrollButton courseId={s.course.id} />
        )}
      </header>
      <section className="prose-lesson max-w-3xl" dangerouslySetInnerHTML={{ __html: description }} />
      <section aria-labelledby="syllabus" className="space-y-4">
        <h2 id="syllabus" className="text-2xl font-semibold">
          Syllabus
        </h2>
        <ol className="space-y-4">
          {s.modules.map((m, i) => (
            <li key={m.id}>
              <Card>
                <h3 className="text-lg font-semibold">
                  Module {i + 1}. {m.title}
                </h3>
                <p className="mt-1 text-slate-700 dark:text-slate-300">{m.summary}</p>
                <ol className="mt-3 space-y-2">
                  {m.lessons.map((l) => (
                    <li key={l.id} className="flex flex-wrap items-baseline gap-2">
                      {s.enrollment || s.team ? <Link href={`/courses/${slug}/lessons/${l.slug}`}>{l.title}</Link> : <span>{l.title}</span>}
                      <span className="text-sm text-slate-600 dark:text-slate-400">{l.minutes} min</span>
                      {l.completed ? <Badge className="bg-brand-100 text-brand-900">Completed</Badge> : null}
                    </li>
                  ))}
                </ol>
                {s.enrollment ? (
                  <details className="mt-3 text-sm">
                    <summary className="cursor-pointer">Your mastery of this module&apos;s objectives</summary>
                    <ul className="mt-2 space-y-2">
                      {m.lessons.flatMap((l) =>
                        l.objectives.map((o) => (
                          <li key={o.id}>
                            <span className="block">{o.text}</span>
                            <span className="text-slate-600 dark:text-slate-400">{describeMastery(o.pKnown, o.attempts)}</span>
                          </li>
                        )),
                      )}
                    </ul>
                  </details>
                ) : null}
                {m.quizItems ? (
                  <p className="mt-3 text-sm">
                    {s.enrollment || s.team ? <Link href={`/courses/${slug}/modules/${m.slug}/quiz`}>Module quiz</Link> : "Module quiz"}: {m.quizItems} questions, pass mark{" "}
                    {m.passMark}%.
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
      </section>
      {s.glossaryCount ? (
        <p>
          <Link href={`/courses/${slug}/glossary`}>Glossary ({s.glossaryCount} terms)</Link>
        </p>
      ) : null}
    </div>
  );
}
