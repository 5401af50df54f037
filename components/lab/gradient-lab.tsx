"use client";
// The paracrine gradient lab: preset picker, parameter controls, live plots, numbers, a 2-D heat map
// and a spoken summary of what changed. All computation runs in a Web Worker (debounced; a new
// request cancels a stale one that is still running), so dragging a slider never blocks the page.
// Progress is shown while a run computes; a run over the simulator's work budget is refused with a
// message in place of the plots, never a stale plot.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { PRESETS, type GradientResult } from "@/lib/sim";
import { formatDuration, formatNumber, formatQuantity } from "@/lib/lab/format";
import { CONTROLS, paramsFromPreset, parseDistances, toGradientInput, type LabParams, type NumericKey } from "@/lib/lab/params";
import { planSheet } from "@/lib/lab/sheet";
import { describeChange, describeFirstRun } from "@/lib/lab/summary";

type Run = { params: LabParams; result: GradientResult };
import { HeatMap } from "./heat-map";
import { ParamControl } from "./param-control";
import { ProfilePlot } from "./profile-plot";
import { SimRunner, type RunnerEvent, type WorkerLike } from "./sim-runner";

const DEBOUNCE_MS = 120;
const INITIAL = paramsFromPreset(PRESETS[0]);

export function GradientLab() {
  const [params, setParams] = useState<LabParams>(INITIAL);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(true);
  const [progress, setProgress] = useState(0);
  const runnerRef = useRef<SimRunner | null>(null);
  const latest = useRef(0);
  const sentParams = useRef(new Map<number, LabParams>());
  const lastRun = useRef<Run | null>(null);

  useEffect(() => {
    const onEvent = (ev: RunnerEvent) => {
      if (ev.id !== latest.current) return; // a newer request is on its way
      if (ev.type === "started") return;
      if (ev.type === "progress") {
        setProgress(ev.fraction);
        return;
      }
      const sent = sentParams.current.get(ev.id);
      sentParams.current.clear();
      setBusy(false);
      if (ev.type === "error") {
        setError({ code: ev.code, message: ev.message });
        return;
      }
      if (!sent) return;
      const next: Run = { params: sent, result: ev.result };
      const prev = lastRun.current;
      setSummary(prev ? (describeChange(prev, next) ?? describeFirstRun(next)) : describeFirstRun(next));
      lastRun.current = next;
      setError(null);
      setRun(next);
    };
    const runner = new SimRunner(() => new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike, onEvent);
    runnerRef.current = runner;
    return () => runner.dispose();
  }, []);

  useEffect(() => {
    const t = setTimeout(() => {
      const runner = runnerRef.current;
      if (!runner) return;
      setBusy(true);
      setProgress(0);
      const id = runner.request(toGradientInput(params));
      latest.current = id;
      sentParams.current.set(id, params);
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [params]);

  const set = (key: NumericKey) => (v: number) => setParams((p) => ({ ...p, [key]: v }));
  const overBudget = error?.code === "over-budget";
  // Over budget: no stale plot, the message takes its place.
  const result = overBudget ? null : (run?.result ?? null);
  const plan = useMemo(() => (run ? safePlan(run.params, run.result) : null), [run]);
  const preset = PRESETS.find((p) => p.id === params.presetId) ?? null;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        <PresetPicker params={params} onPick={(id) => setParams(paramsFromPreset(PRESETS.find((p) => p.id === id)!))} />
        {error && !overBudget ? (
          <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-950 dark:bg-red-950/50 dark:text-red-100" data-testid="lab-error">
            <strong>These values cannot be simulated:</strong> {error.message}. The plots show the last valid result.
          </div>
        ) : null}
        <Fieldset legend="Geometry">
          <Radio name="geometry" value="1d" checked={params.geometry === "1d"} onChange={() => setParams((p) => ({ ...p, geometry: "1d" }))} label="Flat source (1-D): a sheet of secreting cells" />
          <Radio name="geometry" value="3d" checked={params.geometry === "3d"} onChange={() => setParams((p) => ({ ...p, geometry: "3d" }))} label="Small source cell (3-D): one secreting cell" />
          {params.geometry === "3d" ? <ParamControl spec={CONTROLS.radius} value={params.radius} onChange={set("radius")} /> : null}
        </Fieldset>
        <Fieldset legend="Transport and removal">
          <ParamControl spec={CONTROLS.D} value={params.D} onChange={set("D")} />
          <ParamControl spec={CONTROLS.k} value={params.k} onChange={set("k")} />
          <ParamControl spec={CONTROLS.secretion} value={params.secretion} onChange={set("secretion")} />
        </Fieldset>
        <Fieldset legend="Matrix binding">
          <ParamControl spec={CONTROLS.matrixRatio} value={params.matrixRatio} onChange={set("matrixRatio")} />
          <Radio name="matrixMode" value="protected" checked={params.matrixMode === "protected"} onChange={() => setParams((p) => ({ ...p, matrixMode: "protected" }))} label="Protected: matrix-bound ligand is protected from removal" />
          <Radio name="matrixMode" value="removed" checked={params.matrixMode === "removed"} onChange={() => setParams((p) => ({ ...p, matrixMode: "removed" }))} label="Removed: matrix-bound ligand is removed like free ligand" />
        </Fieldset>
        <Fieldset legend="Receptors">
          <ParamControl spec={CONTROLS.Kd} value={params.Kd} onChange={set("Kd")} />
          <ParamControl spec={CONTROLS.hill} value={params.hill} onChange={set("hill")} />
          <ParamControl spec={CONTROLS.threshold} value={params.threshold} onChange={set("threshold")} />
        </Fieldset>
        <Fieldset legend="Interventions">
          <ParamControl spec={CONTROLS.inhibitorFactor} value={params.inhibitorFactor} onChange={set("inhibitorFactor")} />
          <ParamControl spec={CONTROLS.antibodyRate} value={params.antibodyRate} onChange={set("antibodyRate")} />
          <ParamControl spec={CONTROLS.bmaxFactor} value={params.bmaxFactor} onChange={set("bmaxFactor")} />
        </Fieldset>
        <Fieldset legend="Release">
          <Radio name="schedule" value="constant" checked={params.schedule === "constant"} onChange={() => setParams((p) => ({ ...p, schedule: "constant" }))} label="Constant secretion" />
          <Radio name="schedule" value="pulse" checked={params.schedule === "pulse"} onChange={() => setParams((p) => ({ ...p, schedule: "pulse" }))} label="One pulse" />
          <Radio name="schedule" value="periodic" checked={params.schedule === "periodic"} onChange={() => setParams((p) => ({ ...p, schedule: "periodic" }))} label="Repeated pulses" />
          {params.schedule !== "constant" ? <ParamControl spec={CONTROLS.pulseDuration} value={params.pulseDuration} onChange={set("pulseDuration")} /> : null}
          {params.schedule === "periodic" ? <ParamControl spec={CONTROLS.pulsePeriod} value={params.pulsePeriod} onChange={set("pulsePeriod")} /> : null}
        </Fieldset>
        <DistancesInput value={params.distances} onChange={(d) => setParams((p) => ({ ...p, distances: d }))} />
      </div>

      <div className="min-w-0 space-y-8">
        <p role="status" aria-live="polite" aria-atomic="true" className="rounded-md border-l-4 border-sky-700 bg-sky-50 p-3 text-sm text-sky-950 dark:bg-sky-950/50 dark:text-sky-100" data-testid="lab-summary">
          {summary || "Computing…"}
        </p>
        <div className="min-h-6 text-sm" data-testid="lab-progress">
          {busy ? (
            <div className="flex items-center gap-3">
              <span aria-hidden="true">Computing…</span>
              <progress max={1} value={progress} className="h-2 w-48 accent-brand-600" aria-label="Simulation progress" aria-valuetext={`${Math.round(progress * 100)} %`} />
              <span className="tabular-nums" aria-hidden="true">
                {Math.round(progress * 100)} %
              </span>
            </div>
          ) : null}
        </div>
        <p className="sr-only" aria-live="polite">
          {busy ? "Computing…" : ""}
        </p>
        {overBudget ? (
          <div role="alert" className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950/50 dark:text-amber-100" data-testid="lab-over-budget">
            <strong>This run is too large to compute here.</strong> {error?.message}. Try a shorter pulse period,
            fewer or closer distances, or a faster removal rate. No results are shown for these values.
          </div>
        ) : null}
        <div aria-busy={busy} className={busy && result ? "opacity-60 transition-opacity" : undefined}>
          {result ? <Numbers result={result} /> : null}
          {result?.steadyState ? (
            <>
              <ProfilePlot
                testId="plot-concentration"
                title={`Free ligand at steady state${result.parameters.schedule.kind === "constant" ? "" : " under constant secretion"}`}
                xs={result.steadyState.distance}
                ys={result.steadyState.concentration}
                xLabel={result.geometry === "3d" ? "Distance from the cell surface" : "Distance from the source"}
                xUnit="µm"
                yLabel="Free ligand"
                yUnit="nM"
                markers={markers(result)}
              />
              <ProfilePlot
                testId="plot-occupancy"
                title="Receptor occupancy at steady state"
                xs={result.steadyState.distance}
                ys={result.steadyState.occupancy}
                xLabel={result.geometry === "3d" ? "Distance from the cell surface" : "Distance from the source"}
                xUnit="µm"
                yLabel="Occupancy θ"
                yUnit=""
                yDomain={[0, 1]}
                hLine={{ y: result.parameters.threshold, label: `threshold θ* = ${formatNumber(result.parameters.threshold)}` }}
                markers={markers(result)}
              />
            </>
          ) : result ? (
            <p>There is no steady state to plot: the ligand is never removed.</p>
          ) : null}
        </div>
        <HeatMap plan={overBudget ? null : plan} constantSecretion={params.schedule === "constant"} />
        {preset ? <p className="sr-only">Preset: {preset.title}</p> : null}
      </div>
    </div>
  );
}

function safePlan(p: LabParams, r: GradientResult) {
  try {
    return planSheet(p, r);
  } catch {
    return null;
  }
}

function markers(r: GradientResult) {
  const out: Array<{ x: number; label: string; kind: "lambda" | "range" }> = [];
  if (r.decayLength !== null) out.push({ x: r.decayLength, label: `λ = ${formatQuantity(r.decayLength, "µm")}`, kind: "lambda" });
  if (r.signallingRange?.range != null) out.push({ x: r.signallingRange.range, label: `range = ${formatQuantity(r.signallingRange.range, "µm")}`, kind: "range" });
  return out;
}

function Numbers({ result: r }: { result: GradientResult }) {
  const tf = r.timeToFraction;
  return (
    <section aria-labelledby="lab-numbers" className="space-y-3">
      <h2 id="lab-numbers" className="text-lg font-semibold">
        Results
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <Figure label="Decay length λ = √(D/k)" value={formatQuantity(r.decayLength, "µm")} testId="decay-length" />
        {r.geometry === "3d" ? <Figure label="Apparent decay length (from the cell surface)" value={formatQuantity(r.apparentDecayLength, "µm")} testId="apparent-decay-length" /> : null}
        <Figure
          label={`Signalling range (occupancy ≥ ${formatNumber(r.signallingRange?.threshold ?? r.parameters.threshold)}, C* = ${formatQuantity(r.signallingRange?.thresholdConcentration ?? null, "nM")})`}
          value={formatQuantity(r.signallingRange?.range ?? null, "µm")}
          testId="signalling-range"
        />
        <Figure label="Free ligand at the source (steady state)" value={formatQuantity(r.sourceConcentration, "nM")} testId="source-concentration" />
        <Figure label="Time scale 1/k_eff" value={formatDuration(r.effective.timeScale)} testId="time-scale" />
      </dl>
      {tf ? (
        <table className="w-full text-left text-sm" data-testid="t90-table">
          <caption className="text-left font-medium">
            Time to reach {Math.round(tf.fraction * 100)}% of steady state ({tf.method === "exact-1d" ? "exact solution" : "numerical solver"})
          </caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4">
                Distance (µm)
              </th>
              <th scope="col" className="py-1 pr-4">
                Time
              </th>
              {tf.accumulationTime ? (
                <th scope="col" className="py-1">
                  <abbr title="mean local accumulation time τ(x) = ∫(1 − C/C_ss) dt, exact">Mean time τ</abbr>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {tf.distance.map((x, i) => (
              <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1 pr-4 tabular-nums">{formatNumber(x)}</td>
                <td className="py-1 pr-4 tabular-nums">{formatDuration(tf.time[i])}</td>
                {tf.accumulationTime ? <td className="py-1 tabular-nums">{formatDuration(tf.accumulationTime[i])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.pulses ? (
        <table className="w-full text-left text-sm">
          <caption className="text-left font-medium">Peak of the pulsed signal</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-4">Distance (µm)</th>
              <th scope="col" className="py-1 pr-4">Peak free ligand</th>
              <th scope="col" className="py-1 pr-4">Time of peak</th>
              <th scope="col" className="py-1">Peak occupancy</th>
            </tr>
          </thead>
          <tbody>
            {r.pulses.distance.map((x, i) => (
              <tr key={i} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1 pr-4 tabular-nums">{formatNumber(x)}</td>
                <td className="py-1 pr-4 tabular-nums">{formatQuantity(r.pulses!.peakConcentration[i], "nM")}</td>
                <td className="py-1 pr-4 tabular-nums">{formatDuration(r.pulses!.peakTime[i])}</td>
                <td className="py-1 tabular-nums">{formatNumber(r.pulses!.peakOccupancy[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {r.warnings.length ? (
        <ul className="list-disc pl-5 text-sm text-amber-900 dark:text-amber-200">
          {r.warnings.map((w) => (
            <li key={w}>Note: {w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-slate-700 dark:text-slate-300">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-4 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <legend className="px-1 font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Radio({ name, value, checked, onChange, label }: { name: string; value: string; checked: boolean; onChange: () => void; label: string }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-1 accent-brand-600" />
      <span>{label}</span>
    </label>
  );
}

function PresetPicker({ params, onPick }: { params: LabParams; onPick: (id: string) => void }) {
  const id = useId();
  const preset = PRESETS.find((p) => p.id === params.presetId);
  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-s`} className="block font-semibold">
        Preset
      </label>
      <select
        id={`${id}-s`}
        value={params.presetId ?? ""}
        onChange={(e) => onPick(e.target.value)}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
      >
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
      {preset ? (
        <>
          <p className="text-sm text-slate-800 dark:text-slate-200" data-testid="preset-description">
            {preset.description}
          </p>
          <details className="rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
            <summary className="cursor-pointer font-medium">Sources of the values ({preset.sources.length})</summary>
            <ul className="mt-2 space-y-3">
              {preset.sources.map((s) => (
                <li key={s.parameter}>
                  <span className="font-medium">{s.parameter}</span> = {s.value}{" "}
                  <span className={s.kind === "literature" ? "rounded bg-brand-50 px-1.5 text-xs font-medium text-brand-900 dark:bg-brand-900 dark:text-brand-50" : "rounded bg-amber-50 px-1.5 text-xs font-medium text-amber-950 dark:bg-amber-950 dark:text-amber-100"}>
                    {s.kind === "literature" ? "Literature" : "Teaching estimate"}
                  </span>
                  <p className="mt-1 text-slate-700 dark:text-slate-300">{s.source}</p>
                </li>
              ))}
            </ul>
            {preset.outsideSliderRange.length ? (
              <p className="mt-2 text-slate-700 dark:text-slate-300">Outside the slider ranges (kept as they are): {preset.outsideSliderRange.join(", ")}.</p>
            ) : null}
          </details>
        </>
      ) : null}
    </div>
  );
}

function DistancesInput({ value, onChange }: { value: number[] | null; onChange: (d: number[] | null) => void }) {
  const id = useId();
  const [text, setText] = useState(value ? value.join(", ") : "");
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (shown !== value) {
    setShown(value);
    const parsed = parseDistances(text);
    if (JSON.stringify(parsed) !== JSON.stringify(value)) setText(value ? value.join(", ") : "");
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        Distances for the time to steady state (µm)
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setInvalid(false);
            onChange(null);
            return;
          }
          const d = parseDistances(e.target.value);
          setInvalid(!d);
          if (d) onChange(d);
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
        Up to 8 distances ≥ 0, separated by commas or spaces. Leave empty for 0, λ/2, λ, 2λ and 4λ.{invalid ? " Not a valid list yet." : ""}
      </p>
    </div>
  );
}
