"use client";
// Predict–observe–explain: the learner picks a prediction, runs the simulator on the preset and on
// the changed preset (in the browser, same simulator as the lab), then learns from the server whether
// the prediction was right and why. The answer is not in the page until the prediction is recorded.
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { recordPredictionAction } from "@/lib/actions/lab";
import type { LearnerActivity } from "@/lib/lab/activities";
import { formatDuration, formatPercentChange, formatQuantity } from "@/lib/lab/format";
import { describePoeChange, runPoe, type PoeRun } from "@/lib/lab/poe";
import { getPreset } from "@/lib/sim";

type Outcome = { correct: boolean; answer: number; explanation: string };

export function PoeActivity({ lessonId, activity }: { lessonId: string; activity: LearnerActivity }) {
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [run, setRun] = useState<PoeRun | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const preset = getPreset(activity.preset);
  const fmt = (v: number | null, unit: string) => (unit === "s" ? formatDuration(v) : formatQuantity(v, unit));

  const onRun = () => {
    if (choice === null) {
      setError("Choose a prediction first.");
      return;
    }
    setError(null);
    start(async () => {
      let observed: PoeRun;
      try {
        observed = runPoe(activity);
      } catch (e) {
        setError(e instanceof Error ? e.message : "The simulation failed.");
        return;
      }
      const r = await recordPredictionAction({ lessonId, activityKey: activity.key, choice });
      setRun(observed);
      if (r.ok) setOutcome(r.data);
      else setError(r.message);
    });
  };

  return (
    <section aria-labelledby={`${id}-h`} className="mt-8 space-y-4 rounded-lg border border-sky-700 p-4" data-testid={`poe-${activity.key}`}>
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        Predict, observe, explain
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Simulation: {preset?.title ?? activity.preset}, with the {describePoeChange(activity.change)}.
      </p>
      <fieldset className="space-y-2" disabled={!!outcome}>
        <legend className="font-medium">{activity.prompt}</legend>
        {activity.choices.map((c, i) => (
          <label key={i} className="flex items-start gap-2">
            <input type="radio" name={`${id}-choice`} value={i} checked={choice === i} onChange={() => setChoice(i)} className="mt-1.5 accent-brand-600" />
            <span>
              {c}
              {outcome && outcome.answer === i ? <strong className="ml-2 text-brand-700 dark:text-brand-100">(correct answer)</strong> : null}
            </span>
          </label>
        ))}
      </fieldset>
      {!outcome ? (
        <Button type="button" onClick={onRun} disabled={pending}>
          {pending ? "Running…" : "Run the simulation"}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div aria-live="polite" className="space-y-3">
        {run && outcome ? (
          <>
            <table className="text-left text-sm">
              <caption className="text-left font-medium">{run.label}</caption>
              <tbody>
                <tr>
                  <th scope="row" className="pr-4 font-normal">Before the change</th>
                  <td className="tabular-nums" data-testid="poe-before">{fmt(run.before, run.unit)}</td>
                </tr>
                <tr>
                  <th scope="row" className="pr-4 font-normal">After the change</th>
                  <td className="tabular-nums" data-testid="poe-after">
                    {fmt(run.after, run.unit)}
                    {run.before !== null && run.after !== null ? ` (${formatPercentChange(run.before, run.after)})` : ""}
                  </td>
                </tr>
              </tbody>
            </table>
            <p className={outcome.correct ? "font-semibold text-brand-700 dark:text-brand-100" : "font-semibold text-red-700 dark:text-red-400"} data-testid="poe-verdict">
              {outcome.correct ? "✓ Your prediction was right." : `✗ Your prediction was not right. The correct answer: ${activity.choices[outcome.answer]}`}
            </p>
            <p>{outcome.explanation}</p>
          </>
        ) : null}
      </div>
    </section>
  );
}
