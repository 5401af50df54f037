// Mastery per learning objective by Bayesian knowledge tracing (Corbett & Anderson, 1995). Pure.
// Each response is evidence: the posterior that the learner knows the objective given a right or
// wrong answer (allowing for slips and guesses), then a chance to learn from the attempt. Partial
// credit s mixes the two posteriors: s·P(known | right) + (1 − s)·P(known | wrong).
export interface BktParams {
  prior: number;
  learn: number;
  slip: number;
  guess: number;
}

export const DEFAULT_BKT: BktParams = { prior: 0.2, learn: 0.15, slip: 0.1, guess: 0.2 };
export const MASTERED = 0.95;

/** Guessing is likelier where the item offers few choices. */
export function guessFor(itemType: string): number {
  if (itemType === "truefalse") return 0.5;
  if (itemType === "single") return 0.25;
  if (itemType === "multiple" || itemType === "matching" || itemType === "ordering") return 0.1;
  return 0.05; // numeric and short answers are hard to guess
}

export function updateMastery(pKnown: number, score: number, p: BktParams = DEFAULT_BKT): number {
  const s = Math.max(0, Math.min(1, score));
  const right = (pKnown * (1 - p.slip)) / (pKnown * (1 - p.slip) + (1 - pKnown) * p.guess);
  const wrong = (pKnown * p.slip) / (pKnown * p.slip + (1 - pKnown) * (1 - p.guess));
  const posterior = s * right + (1 - s) * wrong;
  const next = posterior + (1 - posterior) * p.learn;
  return Math.min(0.999, Math.max(0.001, next));
}

export type MasteryLevel = "not started" | "beginning" | "developing" | "proficient" | "mastered";

export function masteryLevel(pKnown: number | null, attempts = 1): MasteryLevel {
  if (pKnown === null || attempts === 0) return "not started";
  if (pKnown >= MASTERED) return "mastered";
  if (pKnown >= 0.7) return "proficient";
  if (pKnown >= 0.4) return "developing";
  return "beginning";
}

export function describeMastery(pKnown: number | null, attempts: number): string {
  const level = masteryLevel(pKnown, attempts);
  if (level === "not started") return "No answers yet.";
  const pct = Math.round((pKnown ?? 0) * 100);
  return `${level[0].toUpperCase()}${level.slice(1)}: an estimated ${pct}% chance you have this objective, from ${attempts} answer${attempts === 1 ? "" : "s"}.`;
}
