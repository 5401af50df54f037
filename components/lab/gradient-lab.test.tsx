// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { simulateGradient, type GradientInput } from "@/lib/sim";
import { GradientLab } from "./gradient-lab";

// A stand-in for the browser's Worker: records what the page sends, lets the test answer.
class FakeWorker {
  static all: FakeWorker[] = [];
  posted: Array<{ type: string; id: number; input?: GradientInput }> = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(msg: { type: string; id: number; input?: GradientInput }) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  send(data: unknown) {
    act(() => this.onmessage?.({ data }));
  }
}

/** The result the worker would send (time course skipped: the page shows the steady state and exact figures). */
const resultFor = (input: GradientInput) => simulateGradient({ ...input, numerics: { timeCourse: false } });

/** The simulate requests sent so far, with the worker each went to. */
function simulateRequests() {
  return FakeWorker.all.flatMap((w) => w.posted.filter((m) => m.type === "simulate").map((m) => ({ w, m })));
}

async function nextRequest(count: number) {
  await waitFor(() => expect(simulateRequests().length).toBe(count));
  return simulateRequests()[count - 1];
}

beforeEach(() => {
  FakeWorker.all = [];
  (globalThis as unknown as { Worker: unknown }).Worker = FakeWorker;
});
afterEach(() => cleanup());

describe("GradientLab with its simulation worker", () => {
  it("shows progress, then the result; a new request cancels a stale one; over budget replaces the plots with an alert", { timeout: 60_000 }, async () => {
    const { container } = render(<GradientLab />);
    const first = await nextRequest(1);
    first.w.send({ type: "progress", id: first.m.id, fraction: 0.4 });
    expect(screen.getByRole("progressbar", { name: "Simulation progress" })).toHaveProperty("value", 0.4);
    first.w.send({ type: "result", id: first.m.id, result: resultFor(first.m.input!), ms: 1 });
    expect(screen.getByTestId("decay-length").textContent).toBe("19.9 µm");
    expect(screen.queryByRole("progressbar")).toBeNull();

    // Two changes in a row: the worker still computing the first is terminated.
    const k = screen.getByRole("spinbutton", { name: "Removal rate k (1/s)" });
    fireEvent.change(k, { target: { value: "1e-6" } });
    const second = await nextRequest(2);
    fireEvent.change(k, { target: { value: "2e-6" } });
    const third = await nextRequest(3);
    expect(second.w.terminated).toBe(true);
    expect(third.w).not.toBe(second.w);
    // a late answer from the cancelled computation changes nothing
    second.w.send({ type: "result", id: second.m.id, result: resultFor(first.m.input!), ms: 1 });
    expect(screen.getByRole("progressbar", { name: "Simulation progress" })).toBeTruthy();

    // Over budget: an alert in place of the numbers and plots, not the stale plot.
    third.w.send({ type: "error", id: third.m.id, invalidInput: true, code: "over-budget", message: "this run needs ~1e+9 time steps on 480 grid cells, more than the budget" });
    const alert = screen.getByTestId("lab-over-budget");
    expect(alert.getAttribute("role")).toBe("alert");
    expect(alert.textContent).toMatch(/too large to compute here.*needs ~1e\+9 time steps/);
    expect(screen.queryByTestId("decay-length")).toBeNull();
    expect(screen.queryByTestId("plot-concentration")).toBeNull();
    const r = await axe.run(container, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
    expect(r.violations.map((v) => v.id)).toEqual([]);

    // A valid run brings the results back.
    fireEvent.change(k, { target: { value: "2.52e-4" } });
    const fourth = await nextRequest(4);
    fourth.w.send({ type: "result", id: fourth.m.id, result: resultFor(fourth.m.input!), ms: 1 });
    expect(screen.queryByTestId("lab-over-budget")).toBeNull();
    expect(screen.getByTestId("decay-length").textContent).toBe("19.9 µm");
  });
});
