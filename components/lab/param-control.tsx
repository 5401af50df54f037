"use client";
// One parameter: a native range slider (log scale where the range spans decades) and a number input
// with its unit, kept in sync. Values outside the slider range (some presets) are never clamped: the
// number keeps the value, the slider is pinned at its end with a note.
import { useId, useState } from "react";
import { formatNumber, formatQuantity, parseNumber } from "@/lib/lab/format";
import { SLIDER_STEPS, fromSlider, rangeText, toSlider, type ControlSpec } from "@/lib/lab/params";

export function ParamControl({ spec, value, onChange }: { spec: ControlSpec; value: number; onChange: (v: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // Adopt values set from elsewhere (slider, preset) unless the box already says the same number.
  if (shown !== value) {
    setShown(value);
    if (parseNumber(text) !== value) {
      setText(String(value));
      setInvalid(false);
    }
  }
  const { position, outside } = toSlider(spec, value);
  const unit = spec.unit ? ` (${spec.unit})` : "";
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  return (
    <div className="space-y-1" role="group" aria-labelledby={`${id}-label`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <label id={`${id}-label`} htmlFor={`${id}-num`} className="text-sm font-medium">
          {spec.label}
          {unit}
        </label>
      </div>
      <div className="flex items-center gap-2">
        <input
          type="range"
          className="min-w-0 flex-1 accent-brand-600"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={position}
          aria-label={`${spec.label}${unit}`}
          aria-describedby={hintId}
          aria-valuetext={formatQuantity(value, spec.unit)}
          onChange={(e) => {
            const v = fromSlider(spec, Number(e.target.value));
            setText(String(v));
            setInvalid(false);
            onChange(v);
          }}
        />
        <input
          id={`${id}-num`}
          type="number"
          inputMode="decimal"
          step="any"
          className="w-28 shrink-0 rounded-md border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${hintId} ${errId}` : hintId}
          onChange={(e) => {
            setText(e.target.value);
            const v = parseNumber(e.target.value);
            setInvalid(v === null);
            if (v !== null && v !== value) {
              setShown(v);
              onChange(v);
            }
          }}
        />
        <span className="w-14 shrink-0 text-xs text-slate-700 dark:text-slate-300" aria-hidden="true">
          {spec.unit}
        </span>
      </div>
      <p id={hintId} className="text-xs text-slate-700 dark:text-slate-300">
        Slider {rangeText(spec, (v) => formatNumber(v))}
        {spec.hint ? `; ${spec.hint}` : ""}.
        {outside ? ` This value lies ${outside} the slider range, so the slider is pinned at its ${outside === "above" ? "right" : "left"} end; the simulation uses the typed value.` : ""}
      </p>
      {invalid ? (
        <p id={errId} className="text-xs text-red-700 dark:text-red-400">
          Enter a number, for example 0.5 or 2.5e-4.
        </p>
      ) : null}
    </div>
  );
}
