// The learner's unfinished answer to one item, and its conversion to a response. Pure, so the
// player and the review page share it and it can be unit-tested.
import type { ItemResponse, PlayerView } from "./types";

export type Draft =
  | { type: "single"; optionId: string | null }
  | { type: "multiple"; optionIds: string[] }
  | { type: "truefalse"; value: boolean | null }
  | { type: "numeric"; text: string }
  | { type: "matching"; matches: Record<string, string> }
  | { type: "ordering"; order: string[] }
  | { type: "short"; text: string };

export function emptyDraft(view: PlayerView): Draft {
  switch (view.type) {
    case "single":
      return { type: "single", optionId: null };
    case "multiple":
      return { type: "multiple", optionIds: [] };
    case "truefalse":
      return { type: "truefalse", value: null };
    case "numeric":
      return { type: "numeric", text: "" };
    case "matching":
      return { type: "matching", matches: {} };
    case "ordering":
      return { type: "ordering", order: view.steps.map((s) => s.id) };
    case "short":
      return { type: "short", text: "" };
  }
}

/** A stored response shown again after a reload. */
export function draftFromResponse(r: ItemResponse): Draft {
  switch (r.type) {
    case "single":
      return { type: "single", optionId: r.optionId };
    case "multiple":
      return { type: "multiple", optionIds: r.optionIds };
    case "truefalse":
      return { type: "truefalse", value: r.value };
    case "numeric":
      return { type: "numeric", text: String(r.value) };
    case "matching":
      return { type: "matching", matches: r.matches };
    case "ordering":
      return { type: "ordering", order: r.order };
    case "short":
      return { type: "short", text: r.text };
  }
}

/** Accepts "1,5" as well as "1.5"; null when not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The response to send, or a message saying what is missing. */
export function toResponse(view: PlayerView, d: Draft): { ok: true; response: ItemResponse } | { ok: false; message: string } {
  switch (d.type) {
    case "single":
      return d.optionId ? { ok: true, response: { type: "single", optionId: d.optionId } } : { ok: false, message: "Choose an answer." };
    case "multiple":
      return d.optionIds.length ? { ok: true, response: { type: "multiple", optionIds: d.optionIds } } : { ok: false, message: "Choose at least one answer." };
    case "truefalse":
      return d.value === null ? { ok: false, message: "Choose true or false." } : { ok: true, response: { type: "truefalse", value: d.value } };
    case "numeric": {
      const n = parseNumber(d.text);
      return n === null ? { ok: false, message: "Enter a number, for example 12.5." } : { ok: true, response: { type: "numeric", value: n } };
    }
    case "matching": {
      const prompts = view.type === "matching" ? view.prompts : [];
      if (prompts.some((p) => !d.matches[p.id])) return { ok: false, message: "Choose a match for every item." };
      return { ok: true, response: { type: "matching", matches: d.matches } };
    }
    case "ordering":
      return { ok: true, response: { type: "ordering", order: d.order } };
    case "short":
      return d.text.trim() ? { ok: true, response: { type: "short", text: d.text } } : { ok: false, message: "Type an answer." };
  }
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}
