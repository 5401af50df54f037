import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION, describeInterval, fromFields, MAX_RETENTION, MIN_RETENTION, newCard, preview, RATING_LABELS, RATINGS, schedule, toFields } from "./fsrs";

const t0 = new Date("2026-01-05T09:00:00.000Z");
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 86_400_000;

describe("fsrs wrapper", () => {
  it("creates a new card due now, in state New", () => {
    const c = newCard(t0);
    expect(c).toMatchObject({ due: t0, reps: 0, lapses: 0, state: 0, lastReview: null, learningSteps: 0 });
  });

  it("round-trips the row fields", () => {
    const { card } = schedule(newCard(t0), 3, t0);
    expect(toFields(fromFields(card))).toEqual(card);
  });

  it("schedules a new card: Again soonest, Easy latest, deterministically (no fuzz)", () => {
    const p = preview(newCard(t0), t0);
    expect(p[1].getTime()).toBeLessThan(p[2].getTime());
    expect(p[2].getTime()).toBeLessThanOrEqual(p[3].getTime());
    expect(p[3].getTime()).toBeLessThan(p[4].getTime());
    expect(days(t0, p[1]) * 24 * 60).toBeCloseTo(1, 5); // first learning step: 1 minute
    expect(days(t0, p[4])).toBeGreaterThanOrEqual(1);
    expect(preview(newCard(t0), t0)).toEqual(p);
  });

  it("moves a card through learning into review with growing intervals and a log per review", () => {
    let card = newCard(t0);
    let now = t0;
    const intervals: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = schedule(card, 3, now);
      expect(r.log).toMatchObject({ rating: 3, reviewedAt: now });
      expect(r.card.reps).toBe(card.reps + 1);
      expect(r.card.lastReview).toEqual(now);
      intervals.push(days(now, r.card.due));
      card = r.card;
      now = r.card.due;
    }
    expect(card.state).toBe(2); // Review
    const review = intervals.slice(-3);
    expect(review[1]).toBeGreaterThan(review[0]);
    expect(review[2]).toBeGreaterThan(review[1]);
  });

  it("Again on a review card is a lapse and relearns", () => {
    let card = newCard(t0);
    let now = t0;
    for (let i = 0; i < 4; i++) ({ card } = schedule(card, 3, now)), (now = card.due);
    const r = schedule(card, 1, now);
    expect(r.card.lapses).toBe(1);
    expect(r.card.state).toBe(3); // Relearning
    expect(days(now, r.card.due)).toBeLessThan(1);
  });

  it("a higher desired retention gives shorter intervals", () => {
    let card = newCard(t0);
    let now = t0;
    for (let i = 0; i < 3; i++) ({ card } = schedule(card, 3, now)), (now = card.due);
    const at90 = days(now, schedule(card, 3, now, 0.9).card.due);
    const at95 = days(now, schedule(card, 3, now, 0.95).card.due);
    expect(at95).toBeLessThan(at90);
    // Out-of-range retention is clamped to 0.80–0.97 rather than trusted.
    expect(schedule(card, 3, now, 5).card.due).toEqual(schedule(card, 3, now, 0.97).card.due);
  });

  it("refuses ratings outside 1–4", () => {
    expect(() => schedule(newCard(t0), 0, t0)).toThrow(RangeError);
    expect(() => schedule(newCard(t0), 5, t0)).toThrow(RangeError);
  });

  it("describes intervals briefly", () => {
    expect(describeInterval(t0, new Date(t0.getTime() + 10 * 60_000))).toBe("10 min");
    expect(describeInterval(t0, new Date(t0.getTime() + 3 * 86_400_000))).toBe("3 days");
    expect(describeInterval(t0, new Date(t0.getTime() + 86_400_000))).toBe("1 day");
  });
});

describe("fsrs: the intervals a learner gets", () => {
  // A card answered Good three times (at t0, 10 minutes later, then 2 days later): in Review,
  // due 11 days after its last review. Intervals below are whole days (no fuzz).
  const reviewCard = () => {
    let card = newCard(t0);
    let now = t0;
    for (let i = 0; i < 3; i++) ({ card } = schedule(card, 3, now)), (now = card.due);
    return { card, now };
  };

  it("schedules the first reviews: 10 minutes, 2 days, 11 days", () => {
    let card = newCard(t0);
    let now = t0;
    const got: number[] = [];
    for (let i = 0; i < 3; i++) {
      ({ card } = schedule(card, 3, now));
      got.push(days(now, card.due));
      now = card.due;
    }
    expect(got).toEqual([10 / 1440, 2, 11]);
    expect(card).toMatchObject({ state: 2, reps: 3, lapses: 0, scheduledDays: 11 });
  });

  it("the learner's desired retention sets the next interval", () => {
    const { card, now } = reviewCard();
    const next = (retention?: number) => days(now, schedule(card, 3, now, retention).card.due);
    expect(next()).toBe(46); // default 0.9
    expect([0.8, 0.85, 0.9, 0.95, 0.97].map(next)).toEqual([154, 88, 46, 19, 10]);
    // Outside 0.80–0.97 it is clamped; a value that is not a number falls back to 0.9.
    expect([0.5, 2, Number.NaN, Number.POSITIVE_INFINITY].map(next)).toEqual([154, 10, 46, 46]);
  });

  it("an overdue review that is still remembered earns a longer interval", () => {
    const { card, now } = reviewCard();
    const after = (lateDays: number) => {
      const when = new Date(now.getTime() + lateDays * 86_400_000);
      return days(when, schedule(card, 3, when).card.due);
    };
    expect([0, 5, 20].map(after)).toEqual([46, 57, 79]);
  });

  it("preview shows what each rating would schedule, with the learner's retention", () => {
    const { card, now } = reviewCard();
    const inDays = (p: Record<1 | 2 | 3 | 4, Date>) => [1, 2, 3, 4].map((r) => days(now, p[r as 1 | 2 | 3 | 4]));
    expect(inDays(preview(card, now))).toEqual([10 / 1440, 32, 46, 77]);
    expect(inDays(preview(card, now, 0.97))).toEqual([10 / 1440, 7, 10, 17]);
    for (const r of [1, 2, 3, 4] as const) expect(preview(card, now, 0.97)[r]).toEqual(schedule(card, r, now, 0.97).card.due);
    // A new card: 1 minute, 6 minutes, 10 minutes, 8 days.
    expect(inDays(preview(newCard(now), now)).map((d) => Math.round(d * 1440))).toEqual([1, 6, 10, 11520]);
  });

  it("accepts each of the four ratings and records the review in its log", () => {
    const { card, now } = reviewCard();
    for (const rating of [1, 2, 3, 4]) {
      const r = schedule(card, rating, now);
      expect(r.log).toEqual({
        rating,
        state: 2,
        due: card.lastReview,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsedDays: 11,
        scheduledDays: 11,
        reviewedAt: now,
      });
    }
    expect(() => schedule(card, 2.5, now)).toThrow("rating must be 1 (Again) to 4 (Easy)");
  });

  it("maps every row field to ts-fsrs and back", () => {
    const row = {
      due: new Date("2026-02-01T00:00:00Z"),
      stability: 3.5,
      difficulty: 6.25,
      elapsedDays: 4,
      scheduledDays: 7,
      learningSteps: 1,
      reps: 9,
      lapses: 2,
      state: 3,
      lastReview: new Date("2026-01-25T00:00:00Z"),
    };
    expect(fromFields(row)).toEqual({
      due: row.due,
      stability: 3.5,
      difficulty: 6.25,
      elapsed_days: 4,
      scheduled_days: 7,
      learning_steps: 1,
      reps: 9,
      lapses: 2,
      state: 3,
      last_review: row.lastReview,
    });
    expect(toFields(fromFields(row))).toEqual(row);
    // A card never reviewed has no last review on either side.
    expect(fromFields({ ...row, lastReview: null }).last_review).toBeUndefined();
    expect(toFields({ ...fromFields(row), last_review: undefined }).lastReview).toBeNull();
  });

  it("labels the rating buttons and bounds the retention setting", () => {
    expect(RATINGS).toEqual({ again: 1, hard: 2, good: 3, easy: 4 });
    expect([1, 2, 3, 4].map((r) => RATING_LABELS[r])).toEqual(["Again", "Hard", "Good", "Easy"]);
    expect([MIN_RETENTION, DEFAULT_RETENTION, MAX_RETENTION]).toEqual([0.8, 0.9, 0.97]);
  });
});

describe("describeInterval", () => {
  const after = (ms: number) => describeInterval(t0, new Date(t0.getTime() + ms));
  const MIN = 60_000;
  const DAY = 86_400_000;

  it("switches units at an hour, a day, a month and a year", () => {
    expect([0, 29_000, 31_000, 59 * MIN, 59.6 * MIN, 60 * MIN].map(after)).toEqual(["0 min", "0 min", "1 min", "59 min", "1 h", "1 h"]);
    expect([89 * MIN, 90 * MIN, 23 * 60 * MIN, 23.5 * 60 * MIN].map(after)).toEqual(["1 h", "2 h", "23 h", "1 day"]);
    expect([1.5 * DAY, 2 * DAY, 30 * DAY, 31 * DAY, 44 * DAY, 45 * DAY].map(after)).toEqual(["2 days", "2 days", "30 days", "1 month", "1 month", "2 months"]);
    expect([300 * DAY, 344 * DAY, 345 * DAY, 365 * DAY, 547 * DAY, 730 * DAY].map(after)).toEqual([
      "10 months",
      "11 months",
      "0.9 years",
      "1 year",
      "1.5 years",
      "2 years",
    ]);
  });

  it("shows a due date in the past as 0 min", () => {
    expect(after(-5 * DAY)).toBe("0 min");
  });
});
