// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";

const reviewCardAction = vi.fn();
const revealReviewAction = vi.fn();
const refresh = vi.fn();
vi.mock("@/lib/actions/review", () => ({ reviewCardAction: (x: unknown) => reviewCardAction(x), revealReviewAction: (x: unknown) => revealReviewAction(x) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

import { ReviewSession, type ReviewCardProps } from "./review-session";

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const card: ReviewCardProps = {
  id: "c1",
  reps: 2,
  itemId: "i1",
  type: "short",
  stem: "<p>Name the molecule.</p>",
  caseTitle: null,
  scenario: null,
  view: { type: "short" },
  courseTitle: "Course",
  intervals: { 1: "1 min", 2: "6 min", 3: "3 days", 4: "9 days" },
};

describe("ReviewSession", () => {
  it("shows the answer, then rates with the keyboard (1–4) but not while typing", async () => {
    revealReviewAction.mockResolvedValue({ ok: true, data: { itemId: "i1", score: null, correct: null, feedback: [], explanation: "<p>Why.</p>", correctAnswer: "Morphogen", parts: null, response: null } });
    reviewCardAction.mockResolvedValue({ ok: true, data: { applied: true, due: new Date(), scheduledDays: 3, remaining: 0 } });
    render(<ReviewSession card={card} />);
    fireEvent.keyDown(window, { key: "3" });
    expect(reviewCardAction).not.toHaveBeenCalled(); // nothing to rate before the answer is shown
    fireEvent.click(screen.getByRole("button", { name: "Show answer" }));
    expect(await screen.findByText("Morphogen")).toBeTruthy();
    expect(revealReviewAction).toHaveBeenCalledWith({ cardId: "c1", response: undefined });
    expect(screen.getByRole("button", { name: /3\. Good/ }).getAttribute("aria-keyshortcuts")).toBe("3");
    expect(screen.getByText(/next in 3 days/)).toBeTruthy();
    fireEvent.keyDown(screen.getByRole("textbox", { name: "Your answer" }), { key: "2" });
    expect(reviewCardAction).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: "3" });
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(reviewCardAction).toHaveBeenCalledTimes(1);
    expect(reviewCardAction).toHaveBeenCalledWith({ cardId: "c1", rating: 3, reps: 2 });
  });

  it("checks a typed answer and shows graded feedback before rating by button", async () => {
    revealReviewAction.mockResolvedValue({
      ok: true,
      data: { itemId: "i1", score: 1, correct: true, feedback: [], explanation: "", correctAnswer: "Morphogen", parts: null, response: { type: "short", text: "morphogen" } },
    });
    reviewCardAction.mockResolvedValue({ ok: true, data: { applied: true, due: new Date(), scheduledDays: 9, remaining: 0 } });
    render(<ReviewSession card={card} />);
    fireEvent.change(screen.getByRole("textbox", { name: "Your answer" }), { target: { value: "morphogen" } });
    fireEvent.click(screen.getByRole("button", { name: "Check answer" }));
    expect(await screen.findByText("Correct")).toBeTruthy();
    expect(revealReviewAction).toHaveBeenCalledWith({ cardId: "c1", response: { type: "short", text: "morphogen" } });
    fireEvent.click(screen.getByRole("button", { name: /4\. Easy/ }));
    await waitFor(() => expect(reviewCardAction).toHaveBeenCalledWith({ cardId: "c1", rating: 4, reps: 2 }));
  });
});
