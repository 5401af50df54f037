import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getCheckPlayer } from "@/lib/data/quiz";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { Alert } from "@/components/ui/card";

export const metadata: Metadata = { title: "Check your understanding" };

export default async function LessonCheckPage({ params }: { params: Promise<{ slug: string; lesson: string }> }) {
  const { slug, lesson } = await params;
  const path = `/courses/${slug}/lessons/${lesson}/check`;
  const user = await requireUser(path);
  // Starts the learner's attempt, or resumes the one in progress (reloads and tabs share it).
  const page = await getCheckPlayer(slug, lesson, user);
  if (page.status === "not-found") notFound();
  if (page.status === "needs-enrolment") redirect(`/courses/${slug}`);
  const lessonHref = `/courses/${slug}/lessons/${lesson}`;
  if (page.status === "empty")
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold">Check your understanding</h1>
        <Alert tone="info">{page.message}</Alert>
        <Link href={lessonHref}>Back to the lesson</Link>
      </div>
    );
  const a = page.attempt;
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/courses/${slug}`}>{a.courseTitle}</Link> › <Link href={lessonHref}>{a.title}</Link>
        </p>
        <h1 className="text-3xl font-bold">Check your understanding</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {a.items.length} {a.items.length === 1 ? "question" : "questions"} on “{a.title}”. You see the answer and an explanation after each one; this check does not count towards the module.
        </p>
      </header>
      <QuizPlayer
        key={a.id}
        attemptId={a.id}
        kind="CHECK"
        title={a.title}
        passMark={null}
        items={a.items}
        result={a.result}
        backHref={lessonHref}
        backLabel="Back to the lesson"
        historyHref={`/courses/${slug}/attempts`}
        target={a.target}
      />
    </div>
  );
}
