// Spaced review scheduling: a thin wrapper over ts-fsrs that converts to and from the ReviewCard row.
// Pure (no Prisma, no Next): the caller passes "now" and the learner's desired retention, so tests
// run with fixed dates. Fuzz is off, so the same history always gives the same schedule.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade, type State } from "ts-fsrs";

export const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
export const RATING_LABELS: Record<number, string> = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.8;
export const MAX_RETENTION = 0.97;

/** The scheduling fields of a ReviewCard row (names as in prisma/schema.prisma). */
export interface CardFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

export interface LogFields {
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reviewedAt: Date;
}

const clampRetention = (r: number) => Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, Number.isFinite(r) ? r : DEFAULT_RETENTION));

function scheduler(retention: number) {
  return fsrs(generatorParameters({ request_retention: clampRetention(retention), enable_fuzz: false }));
}

export function toFields(c: Card): CardFields {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ?? null,
  };
}

export function fromFields(f: CardFields): Card {
  return {
    due: f.due,
    stability: f.stability,
    difficulty: f.difficulty,
    elapsed_days: f.elapsedDays,
    scheduled_days: f.scheduledDays,
    learning_steps: f.learningSteps,
    reps: f.reps,
    lapses: f.lapses,
    state: f.state as State,
    last_review: f.lastReview ?? undefined,
  };
}

/** A new card, due at `now`. */
export function newCard(now: Date): CardFields {
  return toFields(createEmptyCard(now));
}

export function isGrade(n: number): n is Grade {
  return n === Rating.Again || n === Rating.Hard || n === Rating.Good || n === Rating.Easy;
}

/** The card after a review with `rating` at `now`, and the log of that review. */
export function schedule(card: CardFields, rating: number, now: Date, retention = DEFAULT_RETENTION): { card: CardFields; log: LogFields } {
  if (!isGrade(rating)) throw new RangeError("rating must be 1 (Again) to 4 (Easy)");
  const { card: next, log } = scheduler(retention).next(fromFields(card), now, rating);
  return {
    card: toFields(next),
    log: {
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      scheduledDays: log.scheduled_days,
      reviewedAt: log.review,
    },
  };
}

/** What each rating would do, for showing "Good · 3 days" on the buttons. */
export function preview(card: CardFields, now: Date, retention = DEFAULT_RETENTION): Record<1 | 2 | 3 | 4, Date> {
  const f = scheduler(retention);
  const out = {} as Record<1 | 2 | 3 | 4, Date>;
  for (const r of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) out[r] = f.next(fromFields(card), now, r).card.due;
  return out;
}

/** "in 10 minutes", "in 3 days": a short human interval. */
export function describeInterval(from: Date, to: Date): string {
  const min = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h`;
  const d = Math.round(h / 24);
  if (d < 31) return `${d} day${d === 1 ? "" : "s"}`;
  const mo = Math.round(d / 30);
  if (mo < 12) return `${mo} month${mo === 1 ? "" : "s"}`;
  const y = Math.round((d / 365) * 10) / 10;
  return `${y} year${y === 1 ? "" : "s"}`;
}
