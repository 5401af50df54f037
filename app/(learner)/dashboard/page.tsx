import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { Card, ProgressBar } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { MasteryChart } from "@/components/dashboard/mastery-chart";
import { ActivityCalendar } from "@/components/dashboard/activity-calendar";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const d = await getDashboard(user);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Welcome back, {user.name.split(" ")[0]}</h1>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">Continue where you left off</h2>
          {d.resume ? (
            <p className="mt-2">
              <Link href={`/courses/${d.resume.courseSlug}/lessons/${d.resume.lessonSlug}`}>{d.resume.lessonTitle}</Link>
              <span className="block text-sm text-slate-600 dark:text-slate-400">{d.resume.courseTitle}</span>
            </p>
          ) : (
            <p className="mt-2 text-slate-700 dark:text-slate-300">Nothing in progress. Pick a lesson from one of your courses.</p>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Review</h2>
          <p className="mt-2">
            <span className="text-3xl font-bold" data-testid="due-count">
              {d.dueReviews}
            </span>{" "}
            {d.dueReviews === 1 ? "card is" : "cards are"} due.
          </p>
          {d.dueReviews ? <ButtonLink href="/review" className="mt-3">Start reviewing</ButtonLink> : null}
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Mastery by topic</h2>
          <MasteryChart rows={d.masteryByTopic} />
          <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
            Estimated from every answer you give (Bayesian knowledge tracing): the chance you have mastered a topic&apos;s objectives, averaged.
          </p>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Activity</h2>
          <ActivityCalendar {...d.calendar} />
        </Card>
      </div>
      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-2xl font-semibold">
          Recent attempts
        </h2>
        {d.recent.length ? (
          <ul className="space-y-1">
            {d.recent.map((a) => (
              <li key={a.id} className="text-sm">
                {a.title}: <span className="font-medium">{Math.round(a.percent ?? 0)}%</span>
                {a.passed === true ? " · passed" : a.passed === false ? " · not yet passed" : ""} · {a.submittedAt?.toISOString().slice(0, 10)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No quiz attempts yet.</p>
        )}
      </section>
      <section aria-labelledby="my-courses" className="space-y-3">
        <h2 id="my-courses" className="text-2xl font-semibold">
          Your courses
        </h2>
        {d.courses.length === 0 ? (
          <p>
            You are not enrolled in a course yet. <Link href="/courses">Browse the catalogue</Link>.
          </p>
        ) : (
          <ul className="space-y-3">
            {d.courses.map((c) => (
              <li key={c.id}>
                <Card>
                  <h3 className="font-semibold">
                    <Link href={`/courses/${c.slug}`}>{c.title}</Link>
                  </h3>
                  <ProgressBar className="mt-3" value={c.lessons ? (c.completed / c.lessons) * 100 : 0} label={`Lessons completed in ${c.title}`} />
                  <p className="mt-1 text-sm" data-testid={`course-progress-${c.slug}`}>
                    {c.completed} of {c.lessons} lessons completed
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
