// Runs simulateGradient requests in a Web Worker so that a stale computation never blocks a new
// one: simulateGradient is synchronous, so a worker busy with an old request cannot even read the
// next message. A new request therefore terminates the busy worker and starts a fresh one.
// Framework-free (tested with a fake worker); the lab component subscribes to its events.
import type { GradientInput, GradientResult, SimErrorCode } from "@/lib/sim";
import type { WorkerResponse } from "@/lib/lab/worker-protocol";

/** Messages the lab worker sends for simulate requests, beyond lib/lab/worker-protocol. */
export type SimWorkerMessage =
  | Extract<WorkerResponse, { type: "result" }>
  | (Extract<WorkerResponse, { type: "error" }> & { code?: SimErrorCode })
  | { type: "progress"; id: number; fraction: number };

export interface WorkerLike {
  postMessage(msg: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export type RunnerEvent =
  | { type: "started"; id: number }
  | { type: "progress"; id: number; fraction: number }
  | { type: "result"; id: number; result: GradientResult; ms: number }
  | { type: "error"; id: number; code: SimErrorCode | "internal"; message: string };

export class SimRunner {
  private worker: WorkerLike | null = null;
  private busyId: number | null = null;
  private lastId = 0;
  /** Workers terminated because a newer request arrived while they were computing (diagnostics, tests). */
  cancelled = 0;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly emit: (e: RunnerEvent) => void,
  ) {}

  /** Starts a computation; any computation still running is cancelled. Returns the request id. */
  request(input: GradientInput): number {
    if (this.busyId !== null && this.worker) {
      this.worker.terminate();
      this.worker = null;
      this.cancelled++;
    }
    const w = this.ensureWorker();
    const id = ++this.lastId;
    this.busyId = id;
    this.emit({ type: "started", id });
    w.postMessage({ type: "simulate", id, input });
    return id;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.busyId = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.createWorker();
    w.onmessage = (e) => this.receive(w, e.data as SimWorkerMessage);
    w.onerror = () => {
      if (w !== this.worker || this.busyId === null) return;
      const id = this.busyId;
      this.busyId = null;
      this.worker?.terminate();
      this.worker = null;
      this.emit({ type: "error", id, code: "internal", message: "The simulation worker stopped unexpectedly. Change a value to try again." });
    };
    this.worker = w;
    return w;
  }

  private receive(from: WorkerLike, msg: SimWorkerMessage): void {
    // Answers from a terminated worker or to a superseded request are dropped.
    if (from !== this.worker || msg.id !== this.busyId) return;
    if (msg.type === "progress") {
      this.emit({ type: "progress", id: msg.id, fraction: msg.fraction });
      return;
    }
    this.busyId = null;
    if (msg.type === "result") this.emit({ type: "result", id: msg.id, result: msg.result, ms: msg.ms });
    else this.emit({ type: "error", id: msg.id, code: msg.code ?? (msg.invalidInput ? "invalid-input" : "internal"), message: msg.message });
  }
}
