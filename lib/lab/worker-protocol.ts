// Messages between the lab page and its Web Workers. Every request carries an id; the page ignores
// answers to anything but its latest request, and the worker skips requests superseded while it was
// busy, so dragging a slider never builds a queue.
import type { GradientInput, GradientResult, SheetInput } from "@/lib/sim";

export type WorkerRequest =
  | { type: "simulate"; id: number; input: GradientInput }
  | { type: "sheet-init"; id: number; sheet: SheetInput; /** simulated seconds per animation frame */ frameSeconds: number; maxStepsPerFrame: number }
  | { type: "sheet-frame"; id: number }
  | { type: "sheet-reset"; id: number };

export type WorkerResponse =
  | { type: "result"; id: number; result: GradientResult; ms: number }
  | { type: "error"; id: number; message: string; invalidInput: boolean }
  | {
      type: "sheet-frame";
      id: number;
      nx: number;
      ny: number;
      /** Free ligand, nM, row-major (iy·nx + ix). */
      field: Float32Array;
      /** Simulated time, s. */
      t: number;
      /** Largest value of the exact discrete steady state (colour scale), nM. */
      steadyMax: number;
      steps: number;
      /** Mean compute time per 2-D step in this frame, ms. */
      msPerStep: number;
    };
