import { describe, expect, it } from "vitest";
import { PRESETS, simulateGradient, DEFAULT_WORK_BUDGET, type GradientResult } from "@/lib/sim";
import { paramsFromPreset, toGradientInput } from "@/lib/lab/params";
import { SimRunner, type RunnerEvent, type WorkerLike } from "./sim-runner";

class FakeWorker implements WorkerLike {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  postMessage(msg: unknown) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  send(data: unknown) {
    this.onmessage?.({ data });
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const events: RunnerEvent[] = [];
  const runner = new SimRunner(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    (e) => events.push(e),
  );
  return { workers, events, runner };
}

const fakeResult = { warnings: [] } as unknown as GradientResult;

describe("SimRunner (the lab's simulate requests)", () => {
  it("a new request terminates the worker still computing a stale one and starts a fresh worker", () => {
    const { workers, events, runner } = setup();
    const first = runner.request({ D: 0.1, k: 1e-6 });
    expect(workers).toHaveLength(1);
    const second = runner.request({ D: 0.1, k: 2e-6 });
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].posted).toEqual([{ type: "simulate", id: second, input: { D: 0.1, k: 2e-6 } }]);
    expect(runner.cancelled).toBe(1);
    // a late answer from the terminated worker, or to the stale id, is dropped
    workers[0].send({ type: "result", id: first, result: fakeResult, ms: 1 });
    workers[1].send({ type: "result", id: first, result: fakeResult, ms: 1 });
    expect(events.filter((e) => e.type === "result")).toHaveLength(0);
    workers[1].send({ type: "result", id: second, result: fakeResult, ms: 5 });
    expect(events.at(-1)).toEqual({ type: "result", id: second, result: fakeResult, ms: 5 });
  });

  it("a request after a finished one reuses the idle worker", () => {
    const { workers, runner } = setup();
    const id = runner.request({ D: 1, k: 1 });
    workers[0].send({ type: "result", id, result: fakeResult, ms: 1 });
    runner.request({ D: 2, k: 1 });
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(runner.cancelled).toBe(0);
  });

  it("forwards progress of the current request and reports an over-budget refusal by its code", () => {
    const { workers, events, runner } = setup();
    const id = runner.request({ D: 0.1, k: 1e-6 });
    workers[0].send({ type: "progress", id, fraction: 0.4 });
    expect(events.at(-1)).toEqual({ type: "progress", id, fraction: 0.4 });
    workers[0].send({ type: "error", id, invalidInput: true, code: "over-budget", message: "this run needs ~1e+9 time steps" });
    expect(events.at(-1)).toEqual({ type: "error", id, code: "over-budget", message: "this run needs ~1e+9 time steps" });
  });

  it("a crashed worker is reported and replaced on the next request", () => {
    const { workers, events, runner } = setup();
    const id = runner.request({ D: 1, k: 1 });
    workers[0].onerror?.(new Error("boom"));
    expect(events.at(-1)).toMatchObject({ type: "error", id, code: "internal" });
    runner.request({ D: 1, k: 1 });
    expect(workers).toHaveLength(2);
  });
});

describe("the lab case that hung (k = 1e-6 /s, one 1 s pulse, inside the slider ranges)", () => {
  it("finishes within the work budget and reports increasing progress", () => {
    const params = { ...paramsFromPreset(PRESETS[0]), k: 1e-6, schedule: "pulse" as const, pulseDuration: 1 };
    const progress: number[] = [];
    const r = simulateGradient(toGradientInput(params), { onProgress: (f) => progress.push(f) });
    expect(r.numerics!.work).toBeLessThanOrEqual(DEFAULT_WORK_BUDGET);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });
});
