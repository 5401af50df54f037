// Worker-thread entry: runs author-supplied parsing and rendering jobs off the request thread.
// Started by pool.ts with new Worker(new URL("./parse-worker.ts", import.meta.url)), which Turbopack
// bundles as its own entry.
import { parentPort } from "node:worker_threads";
import { runJob, type Job } from "./jobs";

parentPort!.on("message", (msg: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, value: runJob(msg.job) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});

// The modules above are loaded: from now on a job's time is its own.
parentPort!.postMessage({ ready: true });
