import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getItemEditor } from "@/lib/data/studio";
import { itemDataToForm } from "@/lib/validation/studio";
import { ItemEditor } from "@/components/studio/item-editor";
import { Alert } from "@/components/ui/card";

export const metadata: Metadata = { title: "Edit question" };

export default async function EditItemPage({ params }: { params: Promise<{ courseId: string; itemId: string }> }) {
  const { courseId, itemId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/items/${itemId}`);
  const data = await getItemEditor(courseId, itemId, user);
  if (!data?.item) notFound();
  const { item } = data;
  const fields = item.parsed ? itemDataToForm(item.parsed) : { options: "", lines: "" };
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{data.course.title}</Link> › <Link href={`/studio/${courseId}/items`}>Questions</Link> › {item.key}</p>
      <h1 className="text-3xl font-bold">Edit question {item.key}</h1>
      {!item.parsed ? <Alert tone="warning">The stored data of this question does not validate; saving replaces it.</Alert> : null}
      <ItemEditor
        courseId={courseId}
        modules={data.modules}
        initial={{
          itemId: item.id, version: item.version, key: item.key, type: item.type, stem: item.stem, explanation: item.explanation, topic: item.topic ?? "", level: item.level ?? "",
          check: item.check, moduleId: item.moduleId ?? data.modules[0]?.id ?? "", lessonId: item.lessonId ?? "", objectiveId: item.objectiveId ?? "", ...fields,
        }}
      />
    </div>
  );
}
