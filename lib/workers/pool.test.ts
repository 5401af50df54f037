import { afterAll, describe, expect, it } from "vitest";
import { ParsePool, WorkerTimeoutError } from "./pool";

// A 2 MB GIFT file: far more work (parse, then copy 38,000 reports back) than a 10 ms timeout allows.
const bigGift = "::q:: Which is paracrine? {=NO ~insulin ~thyroxine}\n\n".repeat(2_000_000 / 52);

// Starting a worker from TypeScript source (tsx) and loading the renderer takes seconds on a busy machine.
describe("ParsePool", { timeout: 60_000 }, () => {
  const pool = new ParsePool(1, 20_000);
  afterAll(() => pool.close());

  it("renders Markdown and parses GIFT on a worker thread", async () => {
    const r = await pool.run({ kind: "markdown", markdown: "## Hi\n\n![Fig](figures/a.svg)\n\n*x*", figureUrls: { "a.svg": "/assets/c/a.svg" } });
    expect(r.html).toContain('<h2 id="h-hi">Hi</h2>');
    expect(r.html).toContain('src="/assets/c/a.svg"');
    const g = await pool.run({ kind: "gift", text: "::a:: 1+1? {=2 ~3}" });
    expect(g.questions[0]).toMatchObject({ status: "ok", type: "single", name: "a" });
  });

  it("returns only the count of questions past maxQuestions", async () => {
    const g = await pool.run({ kind: "gift", text: "::q:: x {T}\n\n".repeat(30), maxQuestions: 20 });
    expect(g).toEqual({ questions: [], tooMany: 30 });
    expect((await pool.run({ kind: "gift", text: "::q:: x {T}\n\n".repeat(20), maxQuestions: 20 })).questions).toHaveLength(20);
  });

  it("stops a job past its timeout with a clear error, and runs the next job on a fresh worker", async () => {
    const slow = pool.run({ kind: "gift", text: bigGift }, 10);
    await expect(slow).rejects.toBeInstanceOf(WorkerTimeoutError);
    await expect(slow).rejects.toThrow("This took longer than 10 ms to process and was stopped; shorten or simplify the text.");
    const g = await pool.run({ kind: "gift", text: "::b:: Sky blue? {T}" });
    expect(g.questions[0]).toMatchObject({ status: "ok", type: "truefalse" });
  });

  it("fails jobs that waited too long for a worker (the first one was still starting)", async () => {
    const one = new ParsePool(1, 20_000);
    try {
      const first = one.run({ kind: "gift", text: bigGift }, 100);
      const queued = one.run({ kind: "gift", text: "::c:: x {T}" }, 20_000, 50);
      await Promise.all([expect(queued).rejects.toBeInstanceOf(WorkerTimeoutError), expect(first).rejects.toBeInstanceOf(WorkerTimeoutError)]);
    } finally {
      await one.close();
    }
  });
});
