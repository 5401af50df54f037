import { masteryLevel } from "@/lib/items/mastery";

const LABELS: Record<string, string> = {
  foundations: "Foundations",
  mechanism: "Mechanism",
  regulation: "Regulation",
  physiology: "Physiology",
  cancer: "Cancer",
  inflammation: "Inflammation",
  regenerative: "Regenerative medicine",
};

/** Mastery per topic as labelled bars; every value is also written out, so colour is never the only cue. */
export function MasteryChart({ rows }: { rows: { topic: string; mean: number | null; objectives: number }[] }) {
  return (
    <ul className="space-y-2" aria-label="Mastery by topic">
      {rows.map((r) => {
        const pct = r.mean === null ? 0 : Math.round(r.mean * 100);
        return (
          <li key={r.topic} className="grid grid-cols-[9rem_1fr_auto] items-center gap-3 text-sm" data-testid={`mastery-${r.topic}`}>
            <span>{LABELS[r.topic] ?? r.topic}</span>
            <span className="h-3 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
              <span className="block h-full rounded bg-brand-600" style={{ width: `${pct}%` }} />
            </span>
            <span className="w-48 text-right tabular-nums">
              {r.mean === null ? "not started" : `${pct}% · ${masteryLevel(r.mean)} (${r.objectives} objective${r.objectives === 1 ? "" : "s"})`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
