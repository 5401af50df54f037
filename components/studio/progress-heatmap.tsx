// Learners × lessons. Every cell says its state in text ("Done", "45%", "—"); colour only repeats it.
import { cn } from "@/lib/utils";

export type HeatCell = { state: "none" | "started" | "done"; position: number };

interface Props {
  data: { lessons: { id: string; title: string; module: string }[]; rows: { learner: { id: string; name: string }; cells: HeatCell[] }[] };
}

const cellClass: Record<HeatCell["state"], string> = {
  none: "bg-white text-slate-600 dark:bg-slate-900 dark:text-slate-400",
  started: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  done: "bg-green-200 text-green-950 dark:bg-green-900 dark:text-green-50",
};

export function ProgressHeatmap({ data }: Props) {
  if (!data.rows.length) return <p>No learners in this cohort yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="text-xs">
        <caption className="sr-only">Lesson progress per learner: Done, the share read, or a dash for not started</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white p-1 text-left dark:bg-slate-950">Learner</th>
            {data.lessons.map((l, i) => (
              <th key={l.id} scope="col" className="p-1 align-bottom font-normal" title={`${l.module} › ${l.title}`}>
                <span className="sr-only">{l.module} › {l.title}</span>
                <span aria-hidden="true">L{i + 1}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.learner.id}>
              <th scope="row" className="sticky left-0 bg-white p-1 text-left font-medium dark:bg-slate-950">{r.learner.name}</th>
              {r.cells.map((c, i) => (
                <td key={data.lessons[i].id} className={cn("min-w-12 border border-slate-200 p-1 text-center dark:border-slate-700", cellClass[c.state])}>
                  {c.state === "done" ? "Done" : c.state === "started" ? `${Math.round(c.position * 100)}%` : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="mt-2 grid gap-x-6 text-xs sm:grid-cols-2" aria-label="Lesson key">
        {data.lessons.map((l, i) => <li key={l.id}>L{i + 1}: {l.module} › {l.title}</li>)}
      </ol>
    </div>
  );
}
