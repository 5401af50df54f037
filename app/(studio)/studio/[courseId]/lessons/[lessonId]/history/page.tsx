import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getLessonHistory } from "@/lib/data/studio";
import { restoreRevisionAction } from "@/lib/actions/studio";
import { diffLines, diffStats } from "@/lib/text/diff";
import { ActionButton } from "@/components/studio/action-button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Revision history" };

const KIND: Record<string, string> = { DRAFT: "Saved", PUBLISHED: "Published", RESTORED: "Restored" };

export default async function HistoryPage({ params }: { params: Promise<{ courseId: string; lessonId: string }> }) {
  const { courseId, lessonId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/lessons/${lessonId}/history`);
  const data = await getLessonHistory(lessonId, user);
  if (!data || data.lesson.course.id !== courseId) notFound();
  const { lesson, revisions } = data;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/studio/${courseId}`}>{lesson.course.title}</Link> › <Link href={`/studio/${courseId}/lessons/${lesson.id}`}>{lesson.title}</Link> › History
      </p>
      <h1 className="text-3xl font-bold">Revision history</h1>
      <p>Each entry shows what changed compared with the entry below it. Restoring makes that text the new draft; nothing is deleted.</p>
      <ol className="space-y-4">
        {revisions.map((r, i) => {
          const prev = revisions[i + 1];
          const ops = diffLines(prev ? `${prev.title}\n\n${prev.body}` : "", `${r.title}\n\n${r.body}`);
          const stats = diffStats(ops);
          return (
            <li key={r.id}>
              <Card className="space-y-2">
                <h2 className="font-semibold">
                  Version {r.version} · {KIND[r.kind] ?? r.kind} {r.author ? `by ${r.author.name}` : ""} · <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
                </h2>
                <p className="text-sm">{stats.added} line(s) added, {stats.removed} removed</p>
                <details>
                  <summary className="cursor-pointer text-sm">Show changes</summary>
                  <pre className="mt-2 max-h-96 overflow-auto text-xs" aria-label={`Changes in version ${r.version}`}>
                    {ops.filter((o) => o.kind !== "same").length === 0 ? "No changes." : null}
                    {ops.map((o, k) =>
                      o.kind === "same" ? null : (
                        <div key={k} className={o.kind === "add" ? "bg-green-100 text-green-950 dark:bg-green-950 dark:text-green-100" : "bg-red-100 text-red-950 dark:bg-red-950 dark:text-red-100"}>
                          <span aria-hidden="true">{o.kind === "add" ? "+ " : "- "}</span>
                          <span className="sr-only">{o.kind === "add" ? "Added: " : "Removed: "}</span>
                          {o.text || " "}
                        </div>
                      ),
                    )}
                  </pre>
                </details>
                {r.version !== lesson.version || i > 0 ? (
                  <ActionButton action={restoreRevisionAction} args={{ revisionId: r.id, version: lesson.version }} label={`Restore this version (${r.version})`} done="Restored as a new draft.">
                    Restore this version
                  </ActionButton>
                ) : (
                  <p className="text-sm">This is the current draft.</p>
                )}
              </Card>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
