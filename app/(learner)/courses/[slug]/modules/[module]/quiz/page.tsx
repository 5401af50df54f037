import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getQuizPlayer } from "@/lib/data/quiz";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { Alert } from "@/components/ui/card";

export const metadata: Metadata = { title: "Module quiz" };

export default async function ModuleQuizPage({ params }: { params: Promise<{ slug: string; module: string }> }) {
  const { slug, module } = await params;
  const path = `/courses/${slug}/modules/${module}/quiz`;
  const user = await requireUser(path);
  // Starts the learner's attempt, or resumes the one in progress (reloads and tabs share it).
  const page = await getQuizPlayer(slug, module, user);
  if (page.status === "not-found") notFound();
  if (page.status === "needs-enrolment") redirect(`/courses/${slug}`);
  const courseHref = `/courses/${slug}`;
  if (page.status === "empty")
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold">Module quiz</h1>
        <Alert tone="info">{page.message}</Alert>
        <Link href={courseHref}>Back to the course</Link>
      </div>
    );
  const a = page.attempt;
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={courseHref}>{a.courseTitle}</Link> › {a.title}
        </p>
        <h1 className="text-3xl font-bold">Quiz: {a.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {a.items.length} {a.items.length === 1 ? "question" : "questions"} · pass mark {a.passMark}%. Partial answers earn partial credit; unanswered questions count as 0. Your best attempt counts.
        </p>
      </header>
      <QuizPlayer
        key={a.id}
        attemptId={a.id}
        kind="QUIZ"
        title={a.title}
        passMark={a.passMark}
        items={a.items}
        result={a.result}
        backHref={courseHref}
        backLabel="Back to the course"
        historyHref={`/courses/${slug}/attempts`}
        target={a.target}
      />
    </div>
  );
}
