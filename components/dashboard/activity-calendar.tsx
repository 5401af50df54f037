/**
 * Twelve weeks of activity, one square per day. The grid is decorative (hidden from screen readers,
 * with a hover title on active days); the same facts are given as text: the streak, the number of
 * active days, and a list of the active days with their counts.
 */
export function ActivityCalendar({ cells, streak, activeDays }: { cells: { day: string; count: number }[]; streak: number; activeDays: number }) {
  const shade = (n: number) => (n === 0 ? "bg-slate-200 dark:bg-slate-800" : n < 3 ? "bg-brand-100" : n < 8 ? "bg-brand-500" : "bg-brand-700");
  const active = cells.filter((c) => c.count > 0);
  return (
    <div className="space-y-2">
      <p>
        <span className="text-2xl font-bold" data-testid="streak">
          {streak}
        </span>
        -day streak · {activeDays} active day{activeDays === 1 ? "" : "s"} in the last 12 weeks
      </p>
      <div className="grid w-fit grid-flow-col grid-rows-7 gap-1" aria-hidden="true">
        {cells.map((c) => (
          <span key={c.day} className={`block h-3.5 w-3.5 rounded-sm ${shade(c.count)}`} title={c.count ? `${c.day}: ${c.count}` : undefined} />
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">Darker squares: more learning events that day (answers, completed lessons, reviews).</p>
      {active.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer">Active days</summary>
          <ul className="mt-1 columns-2">
            {active.map((c) => (
              <li key={c.day}>
                {c.day}: {c.count} event{c.count === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
