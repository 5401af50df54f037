// The 2-D tissue sheet shown as a heat map: its geometry and animation timing derived from the lab
// state and the 1-D/3-D result. Pure.
import type { GradientResult, SheetInput } from "@/lib/sim";
import { scheduleOf, type LabParams } from "./params";

export const SHEET_CELLS = 80;
/** Frames for one play-through from switch-on to (near) steady state, ≈ 5 s at 60 frames/s. */
export const FRAMES_PER_RUN = 300;
export const MAX_STEPS_PER_FRAME = 8;

export interface SheetPlan {
  sheet: SheetInput;
  /** Width of the sheet, µm. */
  side: number;
  /** What the sheet shows, in words (for the caption and text alternative). */
  description: string;
  /** Simulated time of one play-through, s. */
  tEnd: number;
  frameSeconds: number;
}

export function planSheet(p: LabParams, r: Pick<GradientResult, "decayLength" | "apparentDecayLength" | "signallingRange" | "steadyState" | "timeCourse" | "effective" | "parameters">): SheetPlan {
  const n = SHEET_CELLS;
  const lambda = r.decayLength ?? 0;
  const xMax = r.steadyState?.distance.at(-1) ?? Math.max(5 * lambda, 10);
  const matrix = p.matrixRatio > 0 ? { model: "fast" as const, mode: p.matrixMode, ratio: p.matrixRatio } : null;
  const base = { D: p.D, k: p.k, matrix, interventions: { inhibitorFactor: p.inhibitorFactor, antibodyRate: p.antibodyRate, bmaxFactor: p.bmaxFactor }, nx: n, ny: n, schedule: scheduleOf(p) };
  const timeScale = r.effective.timeScale ?? 1;
  const tEnd = r.timeCourse?.times.at(-1) ?? 5 * timeScale;
  const frameSeconds = tEnd / FRAMES_PER_RUN;
  if (p.geometry === "1d") {
    const side = xMax;
    return {
      sheet: { ...base, h: side / n, edge: { side: "left", flux: p.secretion } },
      side,
      description: `a ${fmt(side)} µm square of tissue with the source along its left edge`,
      tEnd,
      frameSeconds,
    };
  }
  const a = p.radius;
  const half = Math.min(xMax, Math.max(4 * (r.apparentDecayLength ?? lambda), 1.5 * (r.signallingRange?.range ?? 0), 5 * a));
  const side = 2 * half;
  const h = side / n;
  const Q = 4 * Math.PI * a * a * p.secretion;
  const mid = Math.floor(n / 2);
  // A cell secreting Q into a sheet as thick as the cell (2a) has a 2-D rate Q/(2a) (docs/simulator.md §3.3).
  return {
    sheet: { ...base, h, sources: [{ ix: mid, iy: mid, rate: Q / (2 * a) }] },
    side,
    description: `a ${fmt(side)} µm square of tissue with the source cell at its centre`,
    tEnd,
    frameSeconds,
  };
}

function fmt(v: number): string {
  return v >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3)));
}
