import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getReviewSession } from "@/lib/data/review";
import { ReviewSession } from "@/components/review/review-session";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const session = await getReviewSession(user);
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">Review</h1>
        <p aria-live="polite" className="text-lg">
          <span className="font-semibold">{session.due}</span> {session.due === 1 ? "question" : "questions"} due
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Questions you answered come back just before you are likely to forget them (aiming at {Math.round(session.retention * 100)}% recall;{" "}
          <Link href="/account#review-settings">change</Link>).
        </p>
      </header>
      {session.card ? (
        <ReviewSession key={`${session.card.id}:${session.card.reps}`} card={session.card} />
      ) : (
        <Card className="space-y-2">
          <h2 className="text-lg font-semibold">Nothing to review right now</h2>
          <p>
            {session.nextDue ? `The next question is due ${when.format(session.nextDue)} (UTC).` : "Answer questions in a lesson check or module quiz and they will come back here for review."}
          </p>
          <p>
            <Link href="/dashboard">Back to your dashboard</Link>
          </p>
        </Card>
      )}
    </div>
  );
}
