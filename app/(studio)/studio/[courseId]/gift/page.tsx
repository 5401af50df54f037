import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getStudioCourse } from "@/lib/data/studio";
import { GiftImportForm } from "@/components/studio/import-forms";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "GIFT import and export" };

export default async function GiftPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/gift`);
  const course = await getStudioCourse(courseId, user);
  if (!course) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/studio/${course.id}`}>{course.title}</Link> › GIFT</p>
      <h1 className="text-3xl font-bold">GIFT import and export</h1>
      <section aria-labelledby="export" className="space-y-2">
        <h2 id="export" className="text-xl font-semibold">Export</h2>
        <p>
          <a href={`/api/studio/courses/${course.id}/export?format=gift`} download>Download the question bank as GIFT</a> (ordering questions have no GIFT form and are left out as comments).
        </p>
      </section>
      <section aria-labelledby="import" className="space-y-2">
        <h2 id="import" className="text-xl font-semibold">Import</h2>
        {course.modules.length ? <Card><GiftImportForm courseId={course.id} modules={course.modules} /></Card> : <p>Add a module first.</p>}
      </section>
    </div>
  );
}
