/** Twelve weeks of activity, one square per day, with the count in each square's label. */
export function ActivityCalendar({ cells, streak, activeDays }: { cells: { day: string; count: number }[]; streak: number; activeDays: number }) {
  const shade = (n: number) =>
    n === 0 ? "bg-slate-200 dark:bg-slate-800" : n < 3 ? "bg-brand-100" : n < 8 ? "bg-brand-500" : "bg-brand-700";
  return (
    <div className="space-y-2">
      <p>
        <span className="text-2xl font-bold" data-testid="streak">
          {streak}
        </span>
        -day streak · {activeDays} active day{activeDays === 1 ? "" : "s"} in the last 12 weeks
      </p>
      <ol className="grid w-fit grid-flow-col grid-rows-7 gap-1" aria-label="Activity per day, last 12 weeks">
        {cells.map((c) => (
          <li key={c.day} className={`h-3.5 w-3.5 rounded-sm ${shade(c.count)}`} title={`${c.day}: ${c.count} learning event${c.count === 1 ? "" : "s"}`}>
            <span className="sr-only">
              {c.day}: {c.count} learning event{c.count === 1 ? "" : "s"}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
