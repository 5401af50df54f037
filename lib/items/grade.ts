// Grading and the learner's view of an item. Pure. Partial-credit rules (documented in
// docs/assessment.md):
//   single      the chosen option's weight (0 if negative)
//   multiple    sum of the chosen options' weights, clamped to [0, 1]
//   truefalse   1 or 0
//   numeric     the best weight among answers whose value ± tolerance contains the response
//   matching    share of prompts matched correctly
//   ordering    share of item pairs in the right relative order (Kendall); 1 only for the exact order
//   short       the best weight among accepted answers, compared after trimming, collapsing spaces,
//               Unicode normalisation and (unless case-sensitive) lower-casing
// An item is "correct" only with full credit.
import type { ItemData, ItemResponse } from "./schema";

export interface GradeResult {
  score: number;
  correct: boolean;
  /** Feedback for what the learner chose, in display order. */
  feedback: string[];
  /** A compact record of the choice for distractor analysis (option id, ",a,c,", "true"). */
  choice: string | null;
  /** Per-part correctness for matching (pair id → correct) and ordering (item id → in place). */
  parts?: Record<string, boolean>;
}

const EPS = 1e-9;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function normaliseText(s: string, caseSensitive = false): string {
  const t = s.normalize("NFKC").trim().replace(/\s+/g, " ");
  return caseSensitive ? t : t.toLowerCase();
}

function result(score: number, feedback: (string | undefined)[], choice: string | null, parts?: Record<string, boolean>): GradeResult {
  const s = round(clamp01(score));
  return { score: s, correct: s >= 1 - EPS, feedback: feedback.filter((f): f is string => !!f && f.trim().length > 0), choice, parts };
}

export class ResponseMismatchError extends Error {}

export function gradeItem(data: ItemData, response: ItemResponse): GradeResult {
  if (data.type !== response.type) throw new ResponseMismatchError(`expected a ${data.type} response`);
  switch (data.type) {
    case "single": {
      const r = response as Extract<ItemResponse, { type: "single" }>;
      const opt = data.options.find((o) => o.id === r.optionId);
      if (!opt) throw new ResponseMismatchError("unknown option");
      return result(Math.max(0, opt.weight), [opt.feedback], opt.id);
    }
    case "multiple": {
      const r = response as Extract<ItemResponse, { type: "multiple" }>;
      const chosen = data.options.filter((o) => r.optionIds.includes(o.id));
      if (chosen.length !== new Set(r.optionIds).size) throw new ResponseMismatchError("unknown option");
      const score = chosen.reduce((s, o) => s + o.weight, 0);
      return result(score, chosen.map((o) => o.feedback), `,${chosen.map((o) => o.id).sort().join(",")},`);
    }
    case "truefalse": {
      const r = response as Extract<ItemResponse, { type: "truefalse" }>;
      return result(r.value === data.answer ? 1 : 0, [r.value ? data.feedbackTrue : data.feedbackFalse], String(r.value));
    }
    case "numeric": {
      const r = response as Extract<ItemResponse, { type: "numeric" }>;
      const hits = data.answers.filter((a) => Math.abs(r.value - a.value) <= a.tolerance + EPS * Math.max(1, Math.abs(a.value)));
      const best = hits.sort((a, b) => b.weight - a.weight)[0];
      return result(best?.weight ?? 0, [best ? best.feedback : data.feedbackIncorrect], null);
    }
    case "matching": {
      const r = response as Extract<ItemResponse, { type: "matching" }>;
      const parts: Record<string, boolean> = {};
      for (const p of data.pairs) parts[p.id] = normaliseText(r.matches[p.id] ?? "") === normaliseText(p.match);
      const right = Object.values(parts).filter(Boolean).length;
      return result(right / data.pairs.length, [data.feedback], null, parts);
    }
    case "ordering": {
      const r = response as Extract<ItemResponse, { type: "ordering" }>;
      const ids = data.sequence.map((s) => s.id);
      const valid = r.order.length === ids.length && new Set(r.order).size === ids.length && r.order.every((id) => ids.includes(id));
      if (!valid) throw new ResponseMismatchError("the order must list every step once");
      const pos = new Map(ids.map((id, i) => [id, i]));
      let concordant = 0;
      const n = ids.length;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (pos.get(r.order[i])! < pos.get(r.order[j])!) concordant++;
      const parts = Object.fromEntries(r.order.map((id, i) => [id, pos.get(id) === i]));
      return result(concordant / ((n * (n - 1)) / 2), [data.feedback], null, parts);
    }
    case "short": {
      const r = response as Extract<ItemResponse, { type: "short" }>;
      const given = normaliseText(r.text, data.caseSensitive);
      const best = data.answers.filter((a) => normaliseText(a.text, data.caseSensitive) === given).sort((a, b) => b.weight - a.weight)[0];
      return result(best?.weight ?? 0, [best ? best.feedback : data.feedbackIncorrect], null);
    }
  }
}

/** The correct answer in words, shown after answering. */
export function correctAnswerText(data: ItemData): string {
  switch (data.type) {
    case "single":
      return data.options.find((o) => o.weight === 1)?.text ?? "";
    case "multiple":
      return data.options.filter((o) => o.weight > 0).map((o) => o.text).join("; ");
    case "truefalse":
      return data.answer ? "True" : "False";
    case "numeric": {
      const a = data.answers.find((x) => x.weight === 1)!;
      return `${a.value}${a.tolerance ? ` ± ${a.tolerance}` : ""}${data.unit ? ` ${data.unit}` : ""}`;
    }
    case "matching":
      return data.pairs.map((p) => `${p.prompt} → ${p.match}`).join("; ");
    case "ordering":
      return data.sequence.map((s, i) => `${i + 1}. ${s.text}`).join("  ");
    case "short":
      return data.answers.filter((a) => a.weight === 1).map((a) => a.text).join(" / ");
  }
}

// ------------------------------------------------------------------ the learner's view

/** mulberry32: a small, fast, seedable PRNG, so an attempt's shuffle is reproducible from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Per-item seed derived from the attempt seed, so each item shuffles differently but reproducibly. */
export function itemSeed(attemptSeed: number, itemId: string): number {
  let h = attemptSeed ^ 0x9e3779b9;
  for (let i = 0; i < itemId.length; i++) h = Math.imul(h ^ itemId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type PlayerView =
  | { type: "single" | "multiple"; options: { id: string; text: string }[] }
  | { type: "truefalse" }
  | { type: "numeric"; unit?: string }
  | { type: "matching"; prompts: { id: string; text: string }[]; choices: string[] }
  | { type: "ordering"; steps: { id: string; text: string }[] }
  | { type: "short" };

/** What the browser may see before answering: no weights, no answers, options shuffled by seed. */
export function playerView(data: ItemData, seed: number): PlayerView {
  const rand = prng(seed);
  switch (data.type) {
    case "single":
    case "multiple":
      return { type: data.type, options: shuffle(data.options.map((o) => ({ id: o.id, text: o.text })), rand) };
    case "truefalse":
      return { type: "truefalse" };
    case "numeric":
      return { type: "numeric", unit: data.unit };
    case "matching": {
      const choices = [...new Set([...data.pairs.map((p) => p.match), ...data.distractors])];
      return { type: "matching", prompts: shuffle(data.pairs.map((p) => ({ id: p.id, text: p.prompt })), rand), choices: shuffle(choices, rand) };
    }
    case "ordering": {
      const steps = data.sequence.map((s) => ({ id: s.id, text: s.text }));
      let out = shuffle(steps, rand);
      // Never serve the answer: reshuffle (deterministically) while the order is already correct.
      for (let k = 0; k < 5 && out.every((s, i) => s.id === steps[i].id); k++) out = shuffle(steps, rand);
      if (out.every((s, i) => s.id === steps[i].id)) out = [...steps].reverse();
      return { type: "ordering", steps: out };
    }
    case "short":
      return { type: "short" };
  }
}
