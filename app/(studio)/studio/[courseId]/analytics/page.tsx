import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getCompletionFunnel, getItemAnalysis, getLearnersAtRisk, getMasteryDistribution } from "@/lib/data/analytics";
import { Alert, Badge } from "@/components/ui/card";

export const metadata: Metadata = { title: "Analytics" };

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);

export default async function AnalyticsPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ days?: string }> }) {
  const { courseId } = await params;
  const { days } = await searchParams;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/analytics`);
  const inactiveDays = Math.min(365, Math.max(1, Number(days) || 14));
  const [funnel, items, mastery, risk] = await Promise.all([
    getCompletionFunnel(courseId, user),
    getItemAnalysis(courseId, user),
    getMasteryDistribution(courseId, user),
    getLearnersAtRisk(courseId, user, { inactiveDays }),
  ]);
  if (!funnel || !items || !mastery || !risk) notFound();
  const th = "py-2 pr-4 text-left";
  const td = "py-2 pr-4 align-top";
  return (
    <div className="space-y-10">
      <p className="text-sm"><Link href={`/studio/${courseId}`}>{funnel.course.title}</Link> › Analytics</p>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Analytics</h1>
        <a href={`/api/studio/courses/${courseId}/gradebook`} download>Download gradebook (CSV)</a>
      </div>
      <p className="text-sm">Per-cohort progress heatmaps are on each <Link href={`/studio/${courseId}/cohorts`}>cohort&apos;s page</Link>.</p>

      <section aria-labelledby="funnel" className="space-y-2">
        <h2 id="funnel" className="text-xl font-semibold">Completion funnel ({funnel.enrolled} enrolled)</h2>
        <table className="w-full text-sm">
          <thead><tr className="border-b"><th scope="col" className={th}>Module</th><th scope="col" className={th}>Started</th><th scope="col" className={th}>All lessons done</th><th scope="col" className={th}>Module completed</th></tr></thead>
          <tbody>
            {funnel.modules.map((m) => (
              <tr key={m.id} className="border-b">
                <th scope="row" className={td + " font-medium"}>{m.title}</th>
                <td className={td}>{m.started}</td>
                <td className={td}>{m.lessonsDone}</td>
                <td className={td}>{m.completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="risk" className="space-y-2">
        <h2 id="risk" className="text-xl font-semibold">Learners at risk</h2>
        <form className="flex items-end gap-2 text-sm">
          <label htmlFor="days">Inactive for at least (days)</label>
          <input id="days" name="days" type="number" min={1} max={365} defaultValue={inactiveDays} className="w-20 rounded border border-slate-400 px-2 py-1 dark:bg-slate-900" />
          <button className="rounded border border-slate-400 px-2 py-1">Apply</button>
        </form>
        <p className="text-sm">Listed: no activity for {risk.inactiveDays} days, or mean mastery below {Math.round(risk.masteryBelow * 100)}%.</p>
        {risk.learners.length === 0 ? <p>Nobody at the moment.</p> : (
          <ul className="list-disc pl-6">
            {risk.learners.map((l) => <li key={l.id}>{l.name} ({l.email}){l.cohort ? `, ${l.cohort}` : ""}: {l.reasons.join("; ")}</li>)}
          </ul>
        )}
      </section>

      <section aria-labelledby="items" className="space-y-2">
        <h2 id="items" className="text-xl font-semibold">Item analysis</h2>
        <p className="text-sm">
          Facility: mean score. Discrimination: point-biserial correlation between answering correctly and the learner&apos;s score on the rest of the course (−1 to 1; below 0 means stronger learners did worse).
        </p>
        {items.items.some((i) => i.flags.includes("negative discrimination")) ? <Alert tone="warning">Some questions have negative discrimination: check their keys and wording.</Alert> : null}
        <div className="overflow-x-auto">
          <table className="w-full min-w-[48rem] text-sm">
            <thead><tr className="border-b"><th scope="col" className={th}>Question</th><th scope="col" className={th}>Responses</th><th scope="col" className={th}>Facility</th><th scope="col" className={th}>Discrimination</th><th scope="col" className={th}>Options chosen</th></tr></thead>
            <tbody>
              {items.items.map((i) => (
                <tr key={i.id} className="border-b">
                  <th scope="row" className={td + " font-medium"}>
                    <Link href={`/studio/${courseId}/items/${i.id}`}>{i.key}</Link> <span className="font-normal">({i.type})</span>
                    {i.flags.map((f) => <Badge key={f} className="ml-1">{f}</Badge>)}
                  </th>
                  <td className={td}>{i.n}</td>
                  <td className={td}>{pct(i.facility)}</td>
                  <td className={td}>{i.discrimination === null ? "—" : i.discrimination.toFixed(2)}</td>
                  <td className={td}>
                    {i.options.length ? (
                      <ul>{i.options.map((o) => <li key={o.id}>{o.correct ? "✓ " : ""}<span className="sr-only">{o.correct ? "correct: " : ""}</span>{o.text}: {o.count} ({pct(o.share)})</li>)}</ul>
                    ) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="mastery" className="space-y-2">
        <h2 id="mastery" className="text-xl font-semibold">Mastery distribution</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Number of learners per mastery band, per objective</caption>
            <thead><tr className="border-b"><th scope="col" className={th}>Objective</th>{mastery.bins.map((b) => <th key={b} scope="col" className={th}>{b}</th>)}</tr></thead>
            <tbody>
              {mastery.objectives.map((o) => (
                <tr key={o.id} className="border-b">
                  <th scope="row" className={td + " font-medium"}><code>{o.key}</code> {o.text}</th>
                  {o.counts.map((c, k) => <td key={k} className={td}>{c}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
