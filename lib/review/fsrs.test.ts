import { describe, expect, it } from "vitest";
import { describeInterval, newCard, preview, schedule, toFields, fromFields } from "./fsrs";

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
