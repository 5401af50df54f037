import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { listCohorts } from "@/lib/data/cohorts";
import { CreateCohortForm } from "@/components/studio/cohort-forms";
import { Alert, Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Cohorts" };

export default async function CohortsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/cohorts`);
  const data = await listCohorts(courseId, user);
  if (!data) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{data.course.title}</Link> › Cohorts</p>
      <h1 className="text-3xl font-bold">Cohorts</h1>
      {data.course.status !== "PUBLISHED" ? <Alert tone="warning">Join links work once the course is published.</Alert> : null}
      <ul className="space-y-3">
        {data.cohorts.map((c) => (
          <li key={c.id}>
            <Card className="space-y-1">
              <h2 className="text-lg font-semibold"><Link href={`/studio/${courseId}/cohorts/${c.id}`}>{c.name}</Link></h2>
              <p className="text-sm">
                Join code <code className="font-mono">{c.joinCode}</code> · invite link <code className="font-mono">/join/{c.joinCode}</code> · {c._count.enrollments} learner(s)
                {c.startsAt ? ` · starts ${c.startsAt.toISOString().slice(0, 10)}` : ""}
              </p>
            </Card>
          </li>
        ))}
      </ul>
      <Card><CreateCohortForm courseId={courseId} /></Card>
    </div>
  );
}
