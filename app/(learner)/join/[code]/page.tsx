import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getInvite } from "@/lib/data/cohorts";
import { JoinCohortForm } from "@/components/course/join-cohort-form";
import { Alert, Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Join a cohort" };

/** The invite link. Signed-out visitors go to sign-in and come back here (callbackUrl). */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requireUser(`/join/${encodeURIComponent(code)}`);
  const invite = await getInvite(code, user);
  if (!invite)
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-3xl font-bold">Join a cohort</h1>
        <Alert tone="error">No open cohort has the join code “{code}”. Check the link with your instructor.</Alert>
        <Link href="/courses">Browse courses</Link>
      </div>
    );
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Join {invite.cohort.name}</h1>
      <Card className="space-y-2">
        <h2 className="text-xl font-semibold">{invite.course.title}</h2>
        <p>{invite.course.summary}</p>
        {invite.cohort.startsAt ? <p className="text-sm">Starts {invite.cohort.startsAt.toISOString().slice(0, 10)}.</p> : null}
      </Card>
      {invite.member ? (
        <Alert tone="success">
          You are already in this cohort. <Link href={`/courses/${invite.course.slug}`}>Go to the course</Link>
        </Alert>
      ) : (
        <JoinCohortForm initialCode={code.toUpperCase()} />
      )}
    </div>
  );
}
