// Runs parse/render jobs on worker threads with a timeout, so that no author input holds the request
// thread (and every other request) for long. A job that runs past its timeout gets its worker
// terminated (the only way to stop synchronous JavaScript) and fails with WorkerTimeoutError; the next
// job starts a fresh worker. A job's time starts when a worker that has loaded its modules takes it;
// before that it waits in a queue (every worker busy, or starting) for at most maxWaitMs, so a queue
// behind slow jobs cannot grow without bound either.
import { Worker } from "node:worker_threads";
import type { Job, JobResult } from "./jobs";

export class WorkerTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`This took longer than ${ms < 1000 ? `${ms} ms` : `${ms / 1000} s`} to process and was stopped; shorten or simplify the text.`);
    this.name = "WorkerTimeoutError";
  }
}

export class WorkerJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerJobError";
  }
}

interface Pending {
  id: number;
  job: Job;
  timeoutMs: number;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: Worker;
  /** Loaded its modules (it says so): startup is not charged to a job's timeout. */
  ready: boolean;
  job: Pending | null;
}

function spawn(): Worker {
  // Inside Next (next start, next dev) the entry is bundled: Turbopack recognises exactly this form,
  // new Worker(new URL(literal, import.meta.url)), and emits it as its own server chunk. Keep it inline
  // (a URL held in a variable becomes a static-asset URL instead). import.meta.url cannot tell the two
  // cases apart: Turbopack sets it to the source file's path.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./parse-worker.ts", import.meta.url));
  // From source (Vitest, tsx scripts) the entry is TypeScript: the worker registers tsx's loader first
  // (tsx is a dev dependency). The path is built from a string so that the bundler does not see it.
  const entry = JSON.stringify(import.meta.url.replace(/pool\.ts$/, "parse-worker.ts"));
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
}

export class ParsePool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  constructor(
    readonly size = 1,
    /** Running time of one job. */
    readonly timeoutMs = 5_000,
    /** Time a job may wait for a worker (busy, or still starting). */
    readonly maxWaitMs = 30_000,
  ) {}

  run<J extends Job>(job: J, timeoutMs = this.timeoutMs, maxWaitMs = this.maxWaitMs): Promise<JobResult<J>> {
    return new Promise((resolve, reject) => {
      const p: Pending = {
        id: this.nextId++,
        job,
        timeoutMs,
        resolve: resolve as (v: unknown) => void,
        reject,
        timer: setTimeout(() => this.expire(p, maxWaitMs), maxWaitMs),
      };
      this.queue.push(p);
      this.dispatch();
    });
  }

  /** Stops every worker (tests, shutdown); queued and running jobs fail. */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const p of this.queue.splice(0)) this.finish(p, new WorkerJobError("The worker pool was closed."));
    for (const s of slots) if (s.job) this.finish(s.job, new WorkerJobError("The worker pool was closed."));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private finish(p: Pending, error: Error | null, value?: unknown) {
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(value);
  }

  private expire(p: Pending, ms: number) {
    const queued = this.queue.indexOf(p);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === p);
    if (slot) this.retire(slot);
    p.reject(new WorkerTimeoutError(ms));
    this.dispatch();
  }

  private retire(slot: Slot) {
    this.slots = this.slots.filter((s) => s !== slot);
    slot.job = null;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
  }

  private dispatch() {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        // Start workers up to the pool size; the queue moves on when one says it is ready.
        while (this.slots.length < Math.min(this.size, this.queue.length + this.slots.filter((s) => s.job).length)) this.add();
        return;
      }
      const p = this.queue.shift()!;
      clearTimeout(p.timer);
      p.timer = setTimeout(() => this.expire(p, p.timeoutMs), p.timeoutMs);
      slot.job = p;
      slot.worker.ref();
      slot.worker.postMessage({ id: p.id, job: p.job });
    }
  }

  private add(): Slot {
    const slot: Slot = { worker: spawn(), ready: false, job: null };
    // An idle worker must not keep a CLI or test process alive.
    slot.worker.unref();
    slot.worker.on("message", (msg: { ready?: true; id: number; ok: boolean; value?: unknown; message?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const p = slot.job;
      if (!p || p.id !== msg.id) return;
      slot.job = null;
      slot.worker.unref();
      this.finish(p, msg.ok ? null : new WorkerJobError(msg.message ?? "The job failed."), msg.value);
      this.dispatch();
    });
    const fail = (e: Error) => {
      const p = slot.job;
      this.retire(slot);
      if (p) this.finish(p, new WorkerJobError(`The worker stopped: ${e.message}`));
      // A worker that cannot even start would fail again: fail the waiting jobs instead of respawning.
      if (!slot.ready) for (const q of this.queue.splice(0)) this.finish(q, new WorkerJobError(`The worker could not start: ${e.message}`));
      this.dispatch();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => {
      if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }
}

let shared: ParsePool | null = null;

/** The process's pool: two workers (the machine's request threads stay free), 5 s per job. */
export function parsePool(): ParsePool {
  shared ??= new ParsePool(2, 5_000);
  return shared;
}
