"use client";
// The answer controls for each item type. Every control has a visible label; ordering uses buttons
// ("Move up"/"Move down"), never drag alone. After answering, controls are read-only and each part is
// marked right or wrong in text as well as colour.
import { useRef, useState } from "react";
import { cn } from "@/lib/utils";
import { Input, Select } from "@/components/ui/field";
import { move, type Draft } from "./draft";
import type { Feedback, PlayerView } from "./types";

interface Props {
  idPrefix: string;
  view: PlayerView;
  draft: Draft;
  onChange: (d: Draft) => void;
  disabled?: boolean;
  feedback?: Feedback | null;
}

function Mark({ ok }: { ok: boolean }) {
  return (
    <span className={cn("ml-2 text-sm font-semibold", ok ? "text-brand-700 dark:text-brand-100" : "text-red-700 dark:text-red-400")}>
      {ok ? "✓ correct" : "✗ incorrect"}
    </span>
  );
}

const moveButton =
  "inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-2 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800";
const optionRow = "flex min-h-10 items-center gap-3 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600";

export function ItemInput({ idPrefix, view, draft, onChange, disabled, feedback }: Props) {
  const answered = !!feedback;
  if ((view.type === "single" || view.type === "truefalse") && (draft.type === "single" || draft.type === "truefalse")) {
    const options = view.type === "single" ? view.options : [{ id: "true", text: "True" }, { id: "false", text: "False" }];
    const selected = draft.type === "single" ? draft.optionId : draft.value === null ? null : String(draft.value);
    return (
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="mb-2 text-sm font-medium">Choose one answer</legend>
        {options.map((o) => {
          const id = `${idPrefix}-${o.id}`;
          const chosen = selected === o.id;
          return (
            <label key={o.id} htmlFor={id} className={cn(optionRow, chosen && "border-brand-600 bg-brand-50 dark:bg-brand-900/40")}>
              <input
                id={id}
                type="radio"
                name={`${idPrefix}-choice`}
                value={o.id}
                checked={chosen}
                onChange={() => onChange(draft.type === "single" ? { type: "single", optionId: o.id } : { type: "truefalse", value: o.id === "true" })}
                className="h-4 w-4"
              />
              <span>{o.text}</span>
              {answered && chosen ? <Mark ok={feedback!.correct} /> : null}
            </label>
          );
        })}
      </fieldset>
    );
  }
  if (view.type === "multiple" && draft.type === "multiple") {
    return (
      <fieldset className="space-y-2" disabled={disabled}>
        <legend className="mb-2 text-sm font-medium">Choose all answers that apply</legend>
        {view.options.map((o) => {
          const id = `${idPrefix}-${o.id}`;
          const chosen = draft.optionIds.includes(o.id);
          return (
            <label key={o.id} htmlFor={id} className={cn(optionRow, chosen && "border-brand-600 bg-brand-50 dark:bg-brand-900/40")}>
              <input
                id={id}
                type="checkbox"
                checked={chosen}
                onChange={(e) => onChange({ type: "multiple", optionIds: e.target.checked ? [...draft.optionIds, o.id] : draft.optionIds.filter((x) => x !== o.id) })}
                className="h-4 w-4"
              />
              <span>{o.text}</span>
            </label>
          );
        })}
      </fieldset>
    );
  }
  if (view.type === "numeric" && draft.type === "numeric") {
    const id = `${idPrefix}-number`;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">
          Your answer{view.unit ? ` (in ${view.unit})` : ""}
        </label>
        <div className="flex max-w-xs items-center gap-2">
          <Input id={id} type="text" inputMode="decimal" autoComplete="off" value={draft.text} disabled={disabled} onChange={(e) => onChange({ type: "numeric", text: e.target.value })} />
          {view.unit ? <span aria-hidden="true">{view.unit}</span> : null}
        </div>
      </div>
    );
  }
  if (view.type === "matching" && draft.type === "matching") {
    return (
      <fieldset className="space-y-3" disabled={disabled}>
        <legend className="mb-2 text-sm font-medium">Choose the match for each item</legend>
        {view.prompts.map((p) => {
          const id = `${idPrefix}-${p.id}`;
          return (
            <div key={p.id} className="grid gap-1 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
              <label htmlFor={id} className="font-medium">
                {p.text}
                {answered && feedback!.parts && p.id in feedback!.parts ? <Mark ok={feedback!.parts[p.id]} /> : null}
              </label>
              <Select id={id} value={draft.matches[p.id] ?? ""} onChange={(e) => onChange({ type: "matching", matches: { ...draft.matches, [p.id]: e.target.value } })}>
                <option value="">Choose…</option>
                {view.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </div>
          );
        })}
      </fieldset>
    );
  }
  if (view.type === "ordering" && draft.type === "ordering") return <OrderingInput idPrefix={idPrefix} view={view} draft={draft} onChange={onChange} disabled={disabled} feedback={feedback} />;
  if (view.type === "short" && draft.type === "short") {
    const id = `${idPrefix}-text`;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium">
          Your answer
        </label>
        <Input id={id} type="text" autoComplete="off" maxLength={500} value={draft.text} disabled={disabled} onChange={(e) => onChange({ type: "short", text: e.target.value })} className="max-w-md" />
      </div>
    );
  }
  return null;
}

function OrderingInput({
  idPrefix,
  view,
  draft,
  onChange,
  disabled,
  feedback,
}: Props & { view: Extract<PlayerView, { type: "ordering" }>; draft: Extract<Draft, { type: "ordering" }> }) {
  const text = new Map(view.steps.map((s) => [s.id, s.text]));
  const [announce, setAnnounce] = useState("");
  const refs = useRef(new Map<string, HTMLButtonElement | null>());
  const shift = (i: number, dir: -1 | 1) => {
    const next = move(draft.order, i, i + dir);
    const id = draft.order[i];
    onChange({ type: "ordering", order: next });
    setAnnounce(`${text.get(id)} moved to position ${i + dir + 1} of ${next.length}.`);
    // Keep focus on the same step's button in its new place (or its other button at the ends).
    requestAnimationFrame(() => {
      const end = i + dir === 0 || i + dir === next.length - 1;
      const which = end ? (dir === -1 ? "down" : "up") : dir === -1 ? "up" : "down";
      refs.current.get(`${id}-${which}`)?.focus();
    });
  };
  return (
    <div className="space-y-2">
      <p id={`${idPrefix}-hint`} className="text-sm font-medium">
        Put the steps in order, first at the top. Use the buttons to move a step.
      </p>
      <ol className="space-y-2" aria-describedby={`${idPrefix}-hint`}>
        {draft.order.map((id, i) => (
          <li key={id} className={cn(optionRow, "justify-between")}>
            <span>
              <span className="mr-2 font-mono text-sm text-slate-600 dark:text-slate-400">{i + 1}.</span>
              {text.get(id)}
              {feedback?.parts && id in feedback.parts ? <Mark ok={feedback.parts[id]} /> : null}
            </span>
            <span className="flex gap-1">
              <button
                type="button"
                className={moveButton}
                disabled={disabled || i === 0}
                aria-label={`Move up: ${text.get(id)}`}
                ref={(el: HTMLButtonElement | null) => void refs.current.set(`${id}-up`, el)}
                onClick={() => shift(i, -1)}
              >
                ↑ Move up
              </button>
              <button
                type="button"
                className={moveButton}
                disabled={disabled || i === draft.order.length - 1}
                aria-label={`Move down: ${text.get(id)}`}
                ref={(el: HTMLButtonElement | null) => void refs.current.set(`${id}-down`, el)}
                onClick={() => shift(i, 1)}
              >
                ↓ Move down
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
