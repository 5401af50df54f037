// Activity calendar and streak from per-day activity counts. Pure. Days are UTC calendar days.
export const CALENDAR_DAYS = 84; // twelve weeks

export interface CalendarDay {
  day: string;
  count: number;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export function activityCalendar(active: CalendarDay[], now: Date, days = CALENDAR_DAYS) {
  const counts = new Map(active.map((a) => [a.day, a.count]));
  const cells: CalendarDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = dayOf(new Date(now.getTime() - i * 86_400_000));
    cells.push({ day, count: counts.get(day) ?? 0 });
  }
  // The streak counts back from today, or from yesterday when nothing has happened yet today.
  let streak = 0;
  let i = cells.length - 1;
  if (cells[i]?.count === 0) i--;
  for (; i >= 0 && cells[i].count > 0; i--) streak++;
  return { cells, streak, activeDays: cells.filter((c) => c.count > 0).length };
}
