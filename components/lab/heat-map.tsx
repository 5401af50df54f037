"use client";
// The 2-D tissue sheet as a heat map: a canvas fed by frames computed in a Web Worker (one frame
// requested per animation frame, never more than one outstanding, a bounded number of solver steps
// per frame), with play / pause / reset, a colour legend, and a text and table alternative.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDuration, formatNumber } from "@/lib/lab/format";
import { MAX_STEPS_PER_FRAME, type SheetPlan } from "@/lib/lab/sheet";
import type { WorkerRequest, WorkerResponse } from "@/lib/lab/worker-protocol";
import { VIRIDIS, VIRIDIS_CSS } from "./colormap";

type Frame = Extract<WorkerResponse, { type: "sheet-frame" }>;
/** A frame with the colour-scale maximum fixed when it arrived (nM). */
type Shown = Frame & { scale: number };

export function HeatMap({ plan, constantSecretion }: { plan: SheetPlan | null; constantSecretion: boolean }) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const workerRef = useRef<Worker | null>(null);
  const reqId = useRef(0);
  const waiting = useRef(false);
  const playingRef = useRef(false);
  const peakRef = useRef(0);
  const [playing, setPlaying] = useState(false);
  const [frame, setFrame] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const planRef = useRef(plan);
  const constantRef = useRef(constantSecretion);
  useEffect(() => {
    planRef.current = plan;
    constantRef.current = constantSecretion;
  }, [plan, constantSecretion]);

  const send = useCallback((msg: WorkerRequest) => workerRef.current?.postMessage(msg), []);

  const draw = useCallback(
    (f: Shown) => {
      const c = canvasRef.current;
      const ctx = c?.getContext("2d");
      if (!c || !ctx) return;
      if (c.width !== f.nx || c.height !== f.ny) {
        c.width = f.nx;
        c.height = f.ny;
      }
      const scale = f.scale;
      const img = ctx.createImageData(f.nx, f.ny);
      for (let iy = 0; iy < f.ny; iy++) {
        // Row 0 of the sheet is drawn at the bottom (y grows upwards).
        const row = (f.ny - 1 - iy) * f.nx;
        for (let ix = 0; ix < f.nx; ix++) {
          const v = f.field[iy * f.nx + ix] / scale;
          const k = Math.max(0, Math.min(255, Math.round(v * 255))) * 3;
          const o = (row + ix) * 4;
          img.data[o] = VIRIDIS[k];
          img.data[o + 1] = VIRIDIS[k + 1];
          img.data[o + 2] = VIRIDIS[k + 2];
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
    },
    [],
  );

  useEffect(() => {
    const w = new Worker(new URL("./lab.worker.ts", import.meta.url), { type: "module" });
    workerRef.current = w;
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const msg = e.data;
      if (msg.id !== reqId.current) return;
      waiting.current = false;
      if (msg.type === "error") {
        setError(msg.message);
        playingRef.current = false;
        setPlaying(false);
        return;
      }
      if (msg.type !== "sheet-frame") return;
      setError(null);
      let max = 0;
      for (let i = 0; i < msg.field.length; i++) if (msg.field[i] > max) max = msg.field[i];
      peakRef.current = Math.max(peakRef.current, max);
      setFrame({ ...msg, scale: scaleFor(msg, constantRef.current, peakRef.current) });
      const p = planRef.current;
      if (p && msg.t >= p.tEnd * (1 - 1e-9) && playingRef.current) {
        playingRef.current = false;
        setPlaying(false);
      }
    };
    return () => {
      w.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (frame) draw(frame);
  }, [frame, draw]);

  // A new plan (parameters changed): rebuild the sheet from t = 0.
  useEffect(() => {
    if (!plan) return;
    peakRef.current = 0;
    reqId.current += 1;
    waiting.current = true;
    send({ type: "sheet-init", id: reqId.current, sheet: plan.sheet, frameSeconds: plan.frameSeconds, maxStepsPerFrame: MAX_STEPS_PER_FRAME });
  }, [plan, send]);

  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      if (!playingRef.current) return;
      if (!waiting.current) {
        waiting.current = true;
        send({ type: "sheet-frame", id: reqId.current });
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, send]);

  const play = () => {
    if (plan && frame && frame.t >= plan.tEnd * (1 - 1e-9)) reset();
    playingRef.current = true;
    setPlaying(true);
  };
  const pause = () => {
    playingRef.current = false;
    setPlaying(false);
  };
  const reset = () => {
    peakRef.current = 0;
    reqId.current += 1;
    waiting.current = true;
    send({ type: "sheet-reset", id: reqId.current });
  };

  const scale = frame?.scale ?? 1;
  const profile = frame ? midline(frame) : [];
  const side = plan?.side ?? 0;
  const summary =
    frame && plan
      ? `Heat map of free ligand in ${plan.description}, at t = ${formatDuration(frame.t)}. Concentration ${formatNumber(profile[0]?.c ?? 0)} nM at the ${plan.sheet.edge ? "source edge" : "left edge"}, ${formatNumber(Math.max(...profile.map((p) => p.c)))} nM at most along the middle row, ${formatNumber(profile.at(-1)?.c ?? 0)} nM at the right edge.`
      : "The heat map is loading.";

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3" data-testid="heat-map">
      <h3 id={`${id}-h`} className="font-semibold">
        Tissue sheet over time (2-D)
      </h3>
      <div className="flex flex-wrap items-center gap-2">
        {playing ? (
          <Button type="button" variant="secondary" onClick={pause}>
            Pause
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={play} disabled={!plan}>
            Play
          </Button>
        )}
        <Button type="button" variant="secondary" onClick={reset} disabled={!plan}>
          Reset
        </Button>
        <p className="text-sm tabular-nums" aria-live="off" data-testid="heat-time">
          t = {frame ? formatDuration(frame.t) : "—"}
          {plan ? ` of ${formatDuration(plan.tEnd)}` : ""}
        </p>
      </div>
      <canvas
        ref={canvasRef}
        width={80}
        height={80}
        role="img"
        aria-label={summary}
        className="aspect-square w-full max-w-sm rounded border border-slate-300 [image-rendering:pixelated] dark:border-slate-700"
      />
      <div className="max-w-sm" aria-hidden="true">
        <div className="h-3 rounded" style={{ backgroundImage: VIRIDIS_CSS }} />
      </div>
      <p className="max-w-sm text-xs text-slate-700 dark:text-slate-300" data-testid="heat-legend">
        Colour scale, free ligand: dark purple 0 nM, teal {formatNumber(scale / 2)} nM, yellow {formatNumber(scale)} nM or more
        {constantSecretion ? " (the steady-state maximum)" : " (the highest value so far)"}. Width of the sheet {formatNumber(side)} µm;
        {plan?.sheet.edge ? " the source runs along the left edge." : " the source cell sits at the centre."}
      </p>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        {frame?.steps ? `Worker compute time: ${formatNumber(frame.msPerStep)} ms per 2-D step (${frame.steps} steps in the last frame).` : "\u00a0"}
        <span className="sr-only" data-testid="ms-per-step" data-ms={frame?.msPerStep ?? 0} />
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="rounded-md border border-slate-400 px-3 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
        aria-expanded={showTable}
        aria-controls={`${id}-table`}
        onClick={() => setShowTable((s) => !s)}
      >
        {showTable ? "Hide" : "Show"} data table: heat map middle row
      </button>
      {showTable && frame ? (
        <div id={`${id}-table`} className="max-h-72 overflow-auto rounded-md border border-slate-300 dark:border-slate-700" tabIndex={0} role="region" aria-label="Data: heat map middle row">
          <table className="w-full text-right text-sm">
            <caption className="px-3 py-1 text-left text-xs">Free ligand along the middle row of the sheet at t = {formatDuration(frame.t)}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-3 py-1">
                  Distance from left edge (µm)
                </th>
                <th scope="col" className="px-3 py-1">
                  Free ligand (nM)
                </th>
              </tr>
            </thead>
            <tbody>
              {profile
                .filter((_, i) => i % 4 === 0 || i === profile.length - 1)
                .map((p) => (
                  <tr key={p.ix} className="border-t border-slate-200 dark:border-slate-800">
                    <td className="px-3 py-0.5 tabular-nums">{formatNumber(((p.ix + 0.5) * side) / frame.nx)}</td>
                    <td className="px-3 py-0.5 tabular-nums">{formatNumber(p.c, 4)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function scaleFor(f: Frame, constant: boolean, peak: number): number {
  const s = constant && f.steadyMax > 0 ? f.steadyMax : peak;
  return s > 0 ? s : 1;
}

function midline(f: Frame): Array<{ ix: number; c: number }> {
  const iy = Math.floor(f.ny / 2);
  return Array.from({ length: f.nx }, (_, ix) => ({ ix, c: f.field[iy * f.nx + ix] }));
}
