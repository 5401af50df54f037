"use client";
// One due card at a time: answer it with the quiz controls (or just reveal the answer), then rate
// how well you remembered: Again/Hard/Good/Easy, by button or with the keys 1–4. The rating carries
// the card's review count, so a double press is ignored by the server.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { revealReviewAction, reviewCardAction } from "@/lib/actions/review";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { emptyDraft, toResponse, type Draft } from "@/components/quiz/draft";
import { ItemInput } from "@/components/quiz/item-input";
import { ItemFeedbackPanel } from "@/components/quiz/item-feedback";
import type { Feedback, ItemResponse, ItemType, PlayerView } from "@/components/quiz/types";

export interface ReviewCardProps {
  id: string;
  reps: number;
  itemId: string;
  type: ItemType;
  stem: string;
  caseTitle: string | null;
  scenario: string | null;
  view: PlayerView;
  courseTitle: string;
  intervals: Record<1 | 2 | 3 | 4, string>;
}

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
  const [pending, start] = useTransition();
  const busy = useRef(false);
  const revealRef = useRef<HTMLDivElement>(null);

  const run = useCallback(
    (task: () => Promise<void>) => {
      if (busy.current) return;
      busy.current = true;
      start(async () => {
        try {
          await task();
        } finally {
          busy.current = false;
        }
      });
    },
    [start],
  );

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
      {card.scenario ? (
        <section aria-label={card.caseTitle ? `Case: ${card.caseTitle}` : "Case"} className="rounded-md bg-slate-50 p-3 dark:bg-slate-800">
          {card.caseTitle ? <p className="font-semibold">Case: {card.caseTitle}</p> : null}
          <div className="prose-lesson" dangerouslySetInnerHTML={{ __html: card.scenario }} />
        </section>
      ) : null}
      <div id={`stem-${card.id}`} className="prose-lesson text-lg" dangerouslySetInnerHTML={{ __html: card.stem }} />
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
