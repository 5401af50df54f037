// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";

const answerItemAction = vi.fn();
const submitAttemptAction = vi.fn();
const startAttemptAction = vi.fn();
const refresh = vi.fn();
vi.mock("@/lib/actions/quiz", () => ({
  answerItemAction: (x: unknown) => answerItemAction(x),
  submitAttemptAction: (x: unknown) => submitAttemptAction(x),
  startAttemptAction: (x: unknown) => startAttemptAction(x),
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));
vi.mock("next/link", () => ({ default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a> }));

import { QuizPlayer, type QuizPlayerProps } from "./quiz-player";
import { ItemInput } from "./item-input";
import { emptyDraft, parseNumber, toResponse, type Draft } from "./draft";
import type { QuizItem } from "./types";

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const items: QuizItem[] = [
  { id: "i1", type: "single", stem: "<p>Which mode acts locally?</p>", caseTitle: null, scenario: null, view: { type: "single", options: [{ id: "b", text: "Endocrine" }, { id: "a", text: "Paracrine" }] }, answered: null },
  { id: "i2", type: "ordering", stem: "<p>Order the steps.</p>", caseTitle: null, scenario: null, view: { type: "ordering", steps: [{ id: "s2", text: "Diffusion" }, { id: "s1", text: "Secretion" }, { id: "s3", text: "Binding" }] }, answered: null },
  { id: "i3", type: "numeric", stem: "<p>How far?</p>", caseTitle: "A wound", scenario: "<p>A cut heals.</p>", view: { type: "numeric", unit: "µm" }, answered: null },
  { id: "i4", type: "matching", stem: "<p>Match.</p>", caseTitle: null, scenario: null, view: { type: "matching", prompts: [{ id: "p1", text: "Insulin" }], choices: ["Endocrine", "Paracrine"] }, answered: null },
  { id: "i5", type: "multiple", stem: "<p>Pick.</p>", caseTitle: null, scenario: null, view: { type: "multiple", options: [{ id: "a", text: "One" }, { id: "b", text: "Two" }] }, answered: null },
  { id: "i6", type: "truefalse", stem: "<p>True?</p>", caseTitle: null, scenario: null, view: { type: "truefalse" }, answered: null },
  { id: "i7", type: "short", stem: "<p>Name it.</p>", caseTitle: null, scenario: null, view: { type: "short" }, answered: null },
];

const props = (over: Partial<QuizPlayerProps> = {}): QuizPlayerProps => ({
  attemptId: "att1",
  kind: "QUIZ",
  title: "Module one",
  passMark: 80,
  items,
  result: null,
  backHref: "/courses/c",
  backLabel: "Back to the course",
  historyHref: "/courses/c/attempts",
  target: { kind: "QUIZ", moduleId: "m1" },
  ...over,
});

async function axeViolations(container: HTMLElement) {
  const r = await axe.run(container, { rules: { "color-contrast": { enabled: false }, region: { enabled: false }, "label-content-name-mismatch": { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
}

describe("QuizPlayer", () => {
  it("answers a question: sends the response with a time, shows feedback and focuses it", async () => {
    answerItemAction.mockResolvedValue({
      ok: true,
      data: { itemId: "i1", score: 1, correct: true, feedback: ["<p>Yes.</p>"], explanation: "<p>Because.</p>", correctAnswer: "Paracrine", parts: null, response: { type: "single", optionId: "a" } },
    });
    render(<QuizPlayer {...props()} />);
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    expect(await screen.findByText("Choose an answer.")).toBeTruthy();
    expect(answerItemAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("radio", { name: "Paracrine" }));
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    fireEvent.click(screen.getByRole("button", { name: /Check|Checking/ }));
    const status = await screen.findByText("Correct");
    expect(answerItemAction).toHaveBeenCalledTimes(1);
    expect(answerItemAction.mock.calls[0][0]).toMatchObject({ attemptId: "att1", itemId: "i1", response: { type: "single", optionId: "a" }, timeMs: expect.any(Number) });
    const region = status.closest('[role="status"]') as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(region));
    expect(region.textContent).toContain("Because.");
    expect(screen.getByRole("radio", { name: /Paracrine/ }).matches(":disabled")).toBe(true);
  });

  it("reorders with Move up / Move down buttons and keeps focus on the moved step", async () => {
    render(<QuizPlayer {...props({ items: [items[1]] })} />);
    const list = () => screen.getAllByRole("listitem").filter((li) => li.textContent?.includes("Move")).map((li) => li.textContent?.replace(/↑.*$/, "").replace(/^\d+\./, ""));
    expect(list()).toEqual(["Diffusion", "Secretion", "Binding"]);
    expect((screen.getByRole("button", { name: "Move up: Diffusion" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Move up: Secretion" }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    });
    expect(list()).toEqual(["Secretion", "Diffusion", "Binding"]);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move down: Secretion" }));
    expect(screen.getByText("Secretion moved to position 1 of 3.")).toBeTruthy();
  });

  it("finishes: submits once and shows score, percent and pass/fail with links back", async () => {
    submitAttemptAction.mockResolvedValue({ ok: true, data: { attemptId: "att1", kind: "QUIZ", score: 6, maxScore: 7, percent: 85.7, passed: true, passMark: 80, courseSlug: "c" } });
    render(<QuizPlayer {...props()} />);
    const finish = screen.getByRole("button", { name: "Finish quiz" });
    fireEvent.click(finish);
    fireEvent.click(finish);
    expect(await screen.findByRole("heading", { name: "You passed the quiz" })).toBeTruthy();
    expect(submitAttemptAction).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Score: 6 of 7 \(86%\) · pass mark 80%/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to the course" }).getAttribute("href")).toBe("/courses/c");
    expect(screen.getByRole("link", { name: "Your attempts" })).toBeTruthy();
    startAttemptAction.mockResolvedValue({ ok: true, data: { attemptId: "att2" } });
    // The submit transition settles a tick after the result shows: wait for the button, do not race it.
    fireEvent.click(await screen.findByRole("button", { name: "Start a new attempt" }));
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(startAttemptAction).toHaveBeenCalledWith({ kind: "QUIZ", moduleId: "m1" });
  });

  it("resumes answered items with their feedback after a reload", () => {
    const answered = { ...items[0], answered: { itemId: "i1", score: 0, correct: false, feedback: [], explanation: "", correctAnswer: "Paracrine", parts: null, response: { type: "single" as const, optionId: "b" } } };
    render(<QuizPlayer {...props({ items: [answered, items[5]] })} />);
    // The player opens on the first unanswered question.
    expect(screen.getByRole("heading", { name: "Question 2 of 2" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Question 1, answered" }));
    expect(screen.getByText("Not correct")).toBeTruthy();
    expect((screen.getByRole("radio", { name: /Endocrine/ }) as HTMLInputElement).checked).toBe(true);
  });

  it("labels every control (axe) for each item type", async () => {
    // The check itself works: an unlabelled input is reported.
    const bad = render(<input type="text" />);
    expect((await axeViolations(bad.container)).join()).toContain("label");
    bad.unmount();
    for (const it of items) {
      const { container, unmount } = render(<QuizPlayer {...props({ items: [it] })} />);
      expect(await axeViolations(container), it.type).toEqual([]);
      unmount();
    }
  });
});

describe("ItemInput and drafts", () => {
  it("builds responses for each control", () => {
    const onChange = vi.fn();
    const draft: Draft = emptyDraft(items[3].view);
    render(<ItemInput idPrefix="x" view={items[3].view} draft={draft} onChange={onChange} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Insulin" }), { target: { value: "Endocrine" } });
    expect(onChange).toHaveBeenCalledWith({ type: "matching", matches: { p1: "Endocrine" } });
    expect(toResponse(items[3].view, draft)).toEqual({ ok: false, message: "Choose a match for every item." });
    expect(toResponse(items[2].view, { type: "numeric", text: "12,5" })).toEqual({ ok: true, response: { type: "numeric", value: 12.5 } });
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("abc")).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(toResponse(items[1].view, emptyDraft(items[1].view))).toEqual({ ok: true, response: { type: "ordering", order: ["s2", "s1", "s3"] } });
  });
});
