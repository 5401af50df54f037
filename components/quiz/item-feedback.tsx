"use client";
// Immediate feedback after "Check answer". The region takes focus when it appears, so keyboard and
// screen-reader users land on the result; the HTML comes sanitised from the server (renderRichText).
import { forwardRef } from "react";
import { cn } from "@/lib/utils";
import type { Feedback } from "./types";

export const ItemFeedbackPanel = forwardRef<HTMLDivElement, { feedback: Feedback; id: string }>(function ItemFeedbackPanel({ feedback, id }, ref) {
  const pct = Math.round(feedback.score * 100);
  const verdict = feedback.correct ? "Correct" : pct > 0 ? `Partly correct: ${pct}% credit` : "Not correct";
  return (
    <div
      ref={ref}
      id={id}
      role="status"
      aria-live="polite"
      tabIndex={-1}
      className={cn(
        "space-y-2 rounded-md border-l-4 p-4 outline-none focus-visible:ring-2 focus-visible:ring-brand-600",
        feedback.correct ? "border-brand-600 bg-brand-50 text-brand-900 dark:bg-brand-900/40 dark:text-brand-50" : "border-amber-700 bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100",
      )}
    >
      <p className="font-semibold">{verdict}</p>
      {feedback.feedback.map((html, i) => (
        <div key={i} className="prose-feedback" dangerouslySetInnerHTML={{ __html: html }} />
      ))}
      {!feedback.correct && feedback.correctAnswer ? (
        <p>
          <span className="font-medium">Correct answer:</span> {feedback.correctAnswer}
        </p>
      ) : null}
      {feedback.explanation ? (
        <div>
          <p className="font-medium">Explanation</p>
          <div className="prose-feedback" dangerouslySetInnerHTML={{ __html: feedback.explanation }} />
        </div>
      ) : null}
    </div>
  );
});
