"use client";
// One due card at a time: answer it with the quiz controls (or just reveal the answer), then rate
// how well you remembered: Again/Hard/Good/Easy, by button or with the keys 1–4. The rating carries
// the card's review count, so a double press is ignored by the server.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { revealReviewAction, reviewCardAction } from "@/lib/actions/review";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { emptyDraft, toResponse, type Draft } from "@/components/quiz/draft";
import { ItemInput } from "@/components/quiz/item-input";
import { ItemPrompt } from "@/components/quiz/item-prompt";
import { useSingleFlight } from "@/components/quiz/use-single-flight";
import { ItemFeedbackPanel } from "@/components/quiz/item-feedback";
import type { Feedback, ItemResponse } from "@/components/quiz/types";
import type { ReviewCardView } from "@/lib/items/player";

export type ReviewCardProps = ReviewCardView;

type Revealed = { kind: "graded"; feedback: Feedback } | { kind: "shown"; correctAnswer: string; explanation: string };

const RATINGS = [
  { value: 1, label: "Again", hint: "I did not remember" },
  { value: 2, label: "Hard", hint: "With difficulty" },
  { value: 3, label: "Good", hint: "After some thought" },
  { value: 4, label: "Easy", hint: "At once" },
] as const;

export function ReviewSession({ card }: { card: ReviewCardProps }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(card.view));
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, run] = useSingleFlight();
  const revealRef = useRef<HTMLDivElement>(null);


  function reveal(withAnswer: boolean) {
    let response: ItemResponse | undefined;
    if (withAnswer) {
      const r = toResponse(card.view, draft);
      if (!r.ok) return setError(r.message);
      response = r.response;
    }
    run(async () => {
      const res = await revealReviewAction({ cardId: card.id, response });
      if (!res.ok) return setError(res.message);
      setError(null);
      const d = res.data;
      setRevealed(
        d.score !== null && d.correct !== null && d.response !== null
          ? { kind: "graded", feedback: d as Feedback }
          : { kind: "shown", correctAnswer: d.correctAnswer, explanation: d.explanation },
      );
    });
  }

  const rate = useCallback(
    (rating: number) =>
      run(async () => {
        const res = await reviewCardAction({ cardId: card.id, rating, reps: card.reps });
        if (!res.ok) return setError(res.message);
        router.refresh();
      }),
    [card.id, card.reps, router, run],
  );

  useEffect(() => {
    if (revealed) revealRef.current?.focus();
  }, [revealed]);

  // Keys 1–4 rate once the answer is shown, unless the learner is typing in a field.
  useEffect(() => {
    if (!revealed) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      if (["1", "2", "3", "4"].includes(e.key)) {
        e.preventDefault();
        rate(Number(e.key));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, rate]);

  return (
    <Card className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{card.courseTitle}</p>
      <ItemPrompt id={card.id} stem={card.stem} caseTitle={card.caseTitle} scenario={card.scenario} />
      <form
        aria-describedby={`stem-${card.id}`}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          reveal(true);
        }}
      >
        <ItemInput
          idPrefix={`r-${card.id}`}
          view={card.view}
          draft={draft}
          onChange={setDraft}
          disabled={!!revealed || pending}
          feedback={revealed?.kind === "graded" ? revealed.feedback : null}
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        {!revealed ? (
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              Check answer
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => reveal(false)}>
              Show answer
            </Button>
          </div>
        ) : null}
      </form>
      {revealed?.kind === "graded" ? <ItemFeedbackPanel ref={revealRef} id={`feedback-${card.id}`} feedback={revealed.feedback} /> : null}
      {revealed?.kind === "shown" ? (
        <div ref={revealRef} tabIndex={-1} role="status" className="space-y-2 rounded-md border-l-4 border-sky-700 bg-sky-50 p-4 text-sky-950 outline-none dark:bg-sky-950/50 dark:text-sky-100">
          <p>
            <span className="font-medium">Answer:</span> {revealed.correctAnswer}
          </p>
          {revealed.explanation ? <div className="prose-feedback" dangerouslySetInnerHTML={{ __html: revealed.explanation }} /> : null}
        </div>
      ) : null}
      {revealed ? (
        <fieldset className="space-y-2" disabled={pending}>
          <legend className="font-medium">How well did you remember? (keys 1–4)</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {RATINGS.map((r) => (
              <Button
                key={r.value}
                type="button"
                variant={r.value === 1 ? "secondary" : "primary"}
                aria-keyshortcuts={String(r.value)}
                aria-describedby={`rating-${r.value}-hint`}
                onClick={() => rate(r.value)}
                className="flex-col gap-0"
              >
                <span>
                  {r.value}. {r.label}
                </span>
                <span id={`rating-${r.value}-hint`} className="text-xs font-normal opacity-90">
                  {r.hint} · next in {card.intervals[r.value]}
                </span>
              </Button>
            ))}
          </div>
        </fieldset>
      ) : null}
    </Card>
  );
}
