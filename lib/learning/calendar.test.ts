import { describe, expect, it } from "vitest";
import { activityCalendar } from "./calendar";

const now = new Date("2026-11-26T12:00:00Z");

describe("activityCalendar", () => {
  it("fills every day and counts the streak back from today", () => {
    const c = activityCalendar([{ day: "2026-11-26", count: 3 }, { day: "2026-11-25", count: 1 }, { day: "2026-11-23", count: 2 }], now, 7);
    expect(c.cells.map((x) => x.day)).toEqual(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]);
    expect(c.cells.map((x) => x.count)).toEqual([0, 0, 0, 2, 0, 1, 3]);
    expect(c.streak).toBe(2);
    expect(c.activeDays).toBe(3);
  });

  it("keeps yesterday's streak alive before today's first activity, and is zero after a gap", () => {
    expect(activityCalendar([{ day: "2026-11-25", count: 1 }, { day: "2026-11-24", count: 1 }], now, 7).streak).toBe(2);
    expect(activityCalendar([{ day: "2026-11-24", count: 1 }], now, 7).streak).toBe(0);
  });
});
