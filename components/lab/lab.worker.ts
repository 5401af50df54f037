// The lab's Web Worker: runs simulateGradient and steps the 2-D sheet off the main thread.
// Requests superseded while the worker was busy are skipped (only the newest simulate runs); the
// page also terminates a worker that is still computing a stale request (components/lab/sim-runner).
// A simulate run reports its progress and is bounded by the simulator's work budget.
import { createSheet, SimInputError, simulateGradient, type Sheet2D } from "@/lib/sim";
import type { WorkerRequest, WorkerResponse } from "@/lib/lab/worker-protocol";
import type { SimWorkerMessage } from "./sim-runner";

const scope = self as unknown as {
  postMessage(msg: WorkerResponse | SimWorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

let pendingSimulate: Extract<WorkerRequest, { type: "simulate" }> | null = null;
let scheduled = false;
let sheet: Sheet2D | null = null;
let sheetInit: Extract<WorkerRequest, { type: "sheet-init" }> | null = null;
let steadyMax = 0;

function post(msg: WorkerResponse | SimWorkerMessage, transfer: Transferable[] = []) {
  scope.postMessage(msg, transfer);
}

function fail(id: number, e: unknown) {
  const invalidInput = e instanceof SimInputError;
  post({
    type: "error",
    id,
    invalidInput,
    code: invalidInput ? e.code : undefined,
    message: invalidInput ? e.message : "The simulation failed unexpectedly. Try other values.",
  });
  if (!invalidInput) console.error(e);
}

function runSimulate() {
  scheduled = false;
  const req = pendingSimulate;
  pendingSimulate = null;
  if (!req) return;
  const t0 = performance.now();
  try {
    const result = simulateGradient(req.input, { onProgress: (fraction) => post({ type: "progress", id: req.id, fraction }) });
    post({ type: "result", id: req.id, result, ms: performance.now() - t0 });
  } catch (e) {
    fail(req.id, e);
  }
}

function buildSheet(req: Extract<WorkerRequest, { type: "sheet-init" }>) {
  sheet = createSheet(req.sheet);
  let max = 0;
  try {
    const ss = sheet.steadyState();
    for (let i = 0; i < ss.length; i++) if (ss[i] > max) max = ss[i];
  } catch {
    max = 0;
  }
  steadyMax = max;
}

function sendFrame(id: number, steps: number, ms: number) {
  if (!sheet) return;
  const field = new Float32Array(sheet.free);
  post({ type: "sheet-frame", id, nx: sheet.nx, ny: sheet.ny, field, t: sheet.t, steadyMax, steps, msPerStep: steps ? ms / steps : 0 }, [field.buffer]);
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === "simulate") {
    pendingSimulate = req;
    // Let the messages already queued arrive first, so only the newest request is computed.
    if (!scheduled) {
      scheduled = true;
      setTimeout(runSimulate, 0);
    }
    return;
  }
  try {
    if (req.type === "sheet-init") {
      sheetInit = req;
      buildSheet(req);
      sendFrame(req.id, 0, 0);
    } else if (req.type === "sheet-reset") {
      if (sheetInit) buildSheet(sheetInit);
      sendFrame(req.id, 0, 0);
    } else if (req.type === "sheet-frame" && sheet && sheetInit) {
      // A bounded number of steps per frame: large steps stay stable (backward-Euler ADI).
      const target = sheet.t + sheetInit.frameSeconds;
      const dt = Math.max(sheet.suggestDt(), sheetInit.frameSeconds / sheetInit.maxStepsPerFrame);
      const before = sheet.steps;
      const t0 = performance.now();
      sheet.advance(target, dt);
      sendFrame(req.id, sheet.steps - before, performance.now() - t0);
    }
  } catch (err) {
    fail(req.id, err);
  }
};
