import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listSubmittedAttempts } from "@/lib/data/quiz";

export const metadata: Metadata = { title: "Your attempts" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AttemptsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/courses/${slug}/attempts`);
  const data = await listSubmittedAttempts(slug, user);
  if (!data) notFound();
  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <Link href={`/courses/${slug}`}>{data.course.title}</Link>
      </p>
      <h1 className="text-3xl font-bold">Your attempts</h1>
      {data.attempts.length === 0 ? (
        <p>You have not finished a lesson check or module quiz in this course yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Finished lesson checks and module quizzes, newest first</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-600">
                <th scope="col" className="py-2 pr-4">What</th>
                <th scope="col" className="py-2 pr-4">Type</th>
                <th scope="col" className="py-2 pr-4">Score</th>
                <th scope="col" className="py-2 pr-4">Result</th>
                <th scope="col" className="py-2">Finished (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {data.attempts.map((a) => (
                <tr key={a.id} className="border-b border-slate-200 dark:border-slate-700">
                  <td className="py-2 pr-4">{a.href ? <Link href={a.href}>{a.title}</Link> : a.title}</td>
                  <td className="py-2 pr-4">{a.kind === "QUIZ" ? "Module quiz" : "Lesson check"}</td>
                  <td className="py-2 pr-4">
                    {Number.isInteger(a.score) ? a.score : a.score.toFixed(2)} / {a.maxScore} ({Math.round(a.percent)}%)
                  </td>
                  <td className="py-2 pr-4">{a.kind === "QUIZ" ? (a.passed ? "Passed" : "Not passed") : "Completed"}</td>
                  <td className="py-2">{a.submittedAt ? dateFormat.format(a.submittedAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
