import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { listStudioItems } from "@/lib/data/studio";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Questions" };

export default async function ItemsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/items`);
  const data = await listStudioItems(courseId, user);
  if (!data) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{data.course.title}</Link> › Questions</p>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Questions</h1>
        {data.modules.length ? <ButtonLink href={`/studio/${courseId}/items/new`}>New question</ButtonLink> : <p>Add a module first.</p>}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Questions of the course, by module</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left dark:border-slate-700">
              <th scope="col" className="py-2 pr-4">Key</th>
              <th scope="col" className="py-2 pr-4">Type</th>
              <th scope="col" className="py-2 pr-4">Module</th>
              <th scope="col" className="py-2 pr-4">Used in</th>
              <th scope="col" className="py-2 pr-4">Question</th>
              <th scope="col" className="py-2 pr-4">Published</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id} className="border-b border-slate-200 dark:border-slate-800">
                <td className="py-2 pr-4"><Link href={`/studio/${courseId}/items/${i.id}`}>{i.key}</Link></td>
                <td className="py-2 pr-4">{i.type}</td>
                <td className="py-2 pr-4">{i.module?.title ?? "—"}</td>
                <td className="py-2 pr-4">{i.check ? `Check: ${i.lesson?.title ?? "—"}` : "Module quiz"}</td>
                <td className="py-2 pr-4">{i.stem.length > 90 ? `${i.stem.slice(0, 90)}…` : i.stem}</td>
                <td className="py-2 pr-4">{i.published ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
