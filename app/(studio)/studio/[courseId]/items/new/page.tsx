import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getItemEditor } from "@/lib/data/studio";
import { ItemEditor } from "@/components/studio/item-editor";

export const metadata: Metadata = { title: "New question" };

export default async function NewItemPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ lesson?: string }> }) {
  const { courseId } = await params;
  const { lesson } = await searchParams;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/items/new`);
  const data = await getItemEditor(courseId, null, user);
  if (!data || !data.modules.length) notFound();
  const owner = data.modules.find((m) => m.lessons.some((l) => l.id === lesson));
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{data.course.title}</Link> › <Link href={`/studio/${courseId}/items`}>Questions</Link> › New</p>
      <h1 className="text-3xl font-bold">New question</h1>
      <ItemEditor
        courseId={courseId}
        modules={data.modules}
        initial={{ key: "", type: "single", stem: "", explanation: "", topic: "", level: "", check: !!owner, moduleId: owner?.id ?? data.modules[0].id, lessonId: owner ? lesson! : "", objectiveId: "", options: "=\n~\n~", lines: "" }}
      />
    </div>
  );
}
