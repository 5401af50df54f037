import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getCohort } from "@/lib/data/cohorts";
import { getCohortHeatmap } from "@/lib/data/analytics";
import { removeCohortMemberAction } from "@/lib/actions/cohorts";
import { ActionButton } from "@/components/studio/action-button";
import { DeadlineForm } from "@/components/studio/cohort-forms";
import { ProgressHeatmap } from "@/components/studio/progress-heatmap";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Cohort" };

export default async function CohortPage({ params }: { params: Promise<{ courseId: string; cohortId: string }> }) {
  const { courseId, cohortId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/cohorts/${cohortId}`);
  const [cohort, heatmap] = await Promise.all([getCohort(cohortId, user), getCohortHeatmap(cohortId, user)]);
  if (!cohort || cohort.course.id !== courseId) notFound();
  const due = new Map(cohort.deadlines.map((d) => [d.moduleId, d.dueAt.toISOString().slice(0, 10)]));
  return (
    <div className="space-y-8">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{cohort.course.title}</Link> › <Link href={`/studio/${courseId}/cohorts`}>Cohorts</Link> › {cohort.name}</p>
      <h1 className="text-3xl font-bold">{cohort.name}</h1>
      <p>
        Join code <code className="font-mono">{cohort.joinCode}</code>. Invite link: <code className="font-mono">/join/{cohort.joinCode}</code>
      </p>
      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-xl font-semibold">Members ({cohort.enrollments.length})</h2>
        {cohort.enrollments.length === 0 ? <p>Nobody has joined yet.</p> : null}
        <ul className="space-y-2">
          {cohort.enrollments.map((e) => (
            <li key={e.user.id} className="flex flex-wrap items-center gap-3">
              <span>{e.user.name} ({e.user.email}), joined {e.enrolledAt.toISOString().slice(0, 10)}</span>
              <ActionButton action={removeCohortMemberAction} args={{ cohortId: cohort.id, userId: e.user.id }} variant="ghost" label={`Remove ${e.user.name} from the cohort`} confirm={`Remove ${e.user.name} from this cohort? They stay enrolled and keep their progress.`}>
                Remove from cohort
              </ActionButton>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="deadlines" className="space-y-3">
        <h2 id="deadlines" className="text-xl font-semibold">Soft deadlines</h2>
        <Card className="space-y-4">
          {cohort.modules.map((m) => <DeadlineForm key={m.id} cohortId={cohort.id} module={m} dueAt={due.get(m.id) ?? ""} />)}
        </Card>
      </section>
      {heatmap ? (
        <section aria-labelledby="heatmap" className="space-y-3">
          <h2 id="heatmap" className="text-xl font-semibold">Progress</h2>
          <ProgressHeatmap data={heatmap} />
        </section>
      ) : null}
    </div>
  );
}
