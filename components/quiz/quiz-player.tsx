"use client";
// One question at a time, with a numbered list to jump between questions. "Check answer" grades on
// the server and shows feedback at once; "Finish" submits. Buttons are disabled while a request is in
// flight and a ref guards against double clicks (the server is idempotent anyway).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { answerItemAction, startAttemptAction, submitAttemptAction } from "@/lib/actions/quiz";
import { cn } from "@/lib/utils";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert, Card, ProgressBar } from "@/components/ui/card";
import { draftFromResponse, emptyDraft, toResponse, type Draft } from "./draft";
import { ItemInput } from "./item-input";
import { ItemPrompt } from "./item-prompt";
import { useSingleFlight } from "./use-single-flight";
import { ItemFeedbackPanel } from "./item-feedback";
import type { Feedback, QuizItem } from "./types";

export interface QuizResult {
  score: number;
  maxScore: number;
  percent: number;
  passed: boolean | null;
}

export interface QuizPlayerProps {
  attemptId: string;
  kind: "CHECK" | "QUIZ";
  title: string;
  passMark: number | null;
  items: QuizItem[];
  result: QuizResult | null;
  /** Where "back" goes: the lesson for a check, the course for a quiz. */
  backHref: string;
  backLabel: string;
  historyHref: string;
  /** What "Start a new attempt" starts after finishing. */
  target: { kind: "CHECK"; lessonId: string } | { kind: "QUIZ"; moduleId: string };
}

export function QuizPlayer(props: QuizPlayerProps) {
  const { attemptId, kind, items } = props;
  const router = useRouter();
  const [index, setIndex] = useState(() => Math.max(0, items.findIndex((i) => !i.answered)));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(items.map((i) => [i.id, i.answered ? draftFromResponse(i.answered.response) : emptyDraft(i.view)])),
  );
  const [feedback, setFeedback] = useState<Record<string, Feedback>>(() => Object.fromEntries(items.flatMap((i) => (i.answered ? [[i.id, i.answered]] : []))));
  const [result, setResult] = useState<QuizResult | null>(props.result);
  const [error, setError] = useState<string | null>(null);
  const [pending, run] = useSingleFlight();
  const shownAt = useRef(0);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const focusFeedback = useRef(false);

  const item = items[index];
  useEffect(() => {
    shownAt.current = performance.now();
  }, [index]);
  // Move focus to the feedback once it has rendered, only right after "Check answer".
  useEffect(() => {
    if (focusFeedback.current) {
      focusFeedback.current = false;
      feedbackRef.current?.focus();
    }
  }, [feedback]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const answeredCount = Object.keys(feedback).length;

  function check() {
    if (!item || feedback[item.id]) return;
    const r = toResponse(item.view, drafts[item.id]);
    if (!r.ok) return setError(r.message);
    const timeMs = Math.min(3_600_000, Math.max(0, Math.round(performance.now() - shownAt.current)));
    run(async () => {
      const res = await answerItemAction({ attemptId, itemId: item.id, response: r.response, timeMs });
      if (!res.ok) return setError(res.message);
      setError(null);
      focusFeedback.current = true;
      setFeedback((f) => ({ ...f, [item.id]: res.data }));
    });
  }

  function finish() {
    run(async () => {
      const res = await submitAttemptAction({ attemptId });
      if (!res.ok) return setError(res.message);
      setResult({ score: res.data.score, maxScore: res.data.maxScore, percent: res.data.percent, passed: res.data.passed });
    });
  }

  function retake() {
    run(async () => {
      const res = await startAttemptAction(props.target);
      if (!res.ok) return setError(res.message);
      // The page resumes the attempt in progress: the new one (a new key, so a fresh player).
      router.refresh();
    });
  }

  function go(i: number) {
    setError(null);
    setIndex(i);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  if (result) {
    return (
      <Card className="space-y-4">
        <h2 ref={resultRef} tabIndex={-1} className="text-2xl font-bold outline-none">
          {kind === "QUIZ" ? (result.passed ? "You passed the quiz" : "Not passed yet") : "Check complete"}
        </h2>
        <p className="text-lg">
          Score: {formatScore(result.score)} of {result.maxScore} ({Math.round(result.percent)}%)
          {kind === "QUIZ" && props.passMark !== null ? ` · pass mark ${props.passMark}%` : ""}
        </p>
        <ProgressBar value={result.percent} label="Score in percent" />
        {error ? <Alert tone="error">{error}</Alert> : null}
        {kind === "QUIZ" && !result.passed ? <p>Review the lessons and the explanations, then try again: only your best attempt counts.</p> : null}
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={props.backHref}>{props.backLabel}</ButtonLink>
          <Button type="button" variant="secondary" onClick={retake} disabled={pending}>
            {pending ? "Starting…" : "Start a new attempt"}
          </Button>
          <ButtonLink href={props.historyHref} variant="ghost">
            Your attempts
          </ButtonLink>
        </div>
      </Card>
    );
  }

  if (!item) return <Alert tone="warning">This attempt has no questions.</Alert>;
  const fb = feedback[item.id] ?? null;
  const unanswered = items.length - answeredCount;

  return (
    <div className="space-y-6">
      <nav aria-label="Questions">
        <ol className="flex flex-wrap gap-2">
          {items.map((it, i) => {
            const f = feedback[it.id];
            const state = f ? (f.correct ? "answered, correct" : "answered") : "not answered";
            return (
              <li key={it.id}>
                <button
                  type="button"
                  onClick={() => go(i)}
                  aria-current={i === index ? "step" : undefined}
                  aria-label={`Question ${i + 1}, ${state}`}
                  className={cn(
                    "h-9 min-w-9 rounded-md border px-2 text-sm font-medium",
                    i === index ? "border-brand-600 bg-brand-600 text-white" : f ? "border-brand-600 text-brand-700 dark:text-brand-100" : "border-slate-400",
                  )}
                >
                  {i + 1}
                  {f ? <span aria-hidden="true">{f.correct ? " ✓" : " •"}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <ProgressBar value={(answeredCount / items.length) * 100} label={`${answeredCount} of ${items.length} questions answered`} />

      <Card className="space-y-4">
        <h2 ref={headingRef} tabIndex={-1} className="text-sm font-semibold uppercase tracking-wide text-slate-600 outline-none dark:text-slate-400">
          Question {index + 1} of {items.length}
        </h2>
        <ItemPrompt id={item.id} stem={item.stem} caseTitle={item.caseTitle} scenario={item.scenario} />
        <form
          aria-describedby={`stem-${item.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            check();
          }}
          className="space-y-4"
        >
          <ItemInput
            key={item.id}
            idPrefix={`q-${item.id}`}
            view={item.view}
            draft={drafts[item.id]}
            onChange={(d) => setDrafts((all) => ({ ...all, [item.id]: d }))}
            disabled={!!fb || pending}
            feedback={fb}
          />
          {error ? <Alert tone="error">{error}</Alert> : null}
          {!fb ? (
            <Button type="submit" disabled={pending}>
              {pending ? "Checking…" : "Check answer"}
            </Button>
          ) : null}
        </form>
        {fb ? <ItemFeedbackPanel ref={feedbackRef} id={`feedback-${item.id}`} feedback={fb} /> : null}
      </Card>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex gap-2">
          <Button type="button" variant="secondary" disabled={index === 0} onClick={() => go(index - 1)}>
            ← Previous
          </Button>
          <Button type="button" variant="secondary" disabled={index === items.length - 1} onClick={() => go(index + 1)}>
            Next →
          </Button>
        </div>
        <div className="flex items-center gap-3">
          {unanswered > 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {unanswered} unanswered {unanswered === 1 ? "question counts" : "questions count"} as 0.
            </p>
          ) : null}
          <Button type="button" onClick={finish} disabled={pending} variant={unanswered ? "secondary" : "primary"}>
            {pending ? "Please wait…" : kind === "QUIZ" ? "Finish quiz" : "Finish check"}
          </Button>
        </div>
      </div>
      <p className="text-sm">
        <Link href={props.backHref}>{props.backLabel}</Link>
      </p>
    </div>
  );
}

const formatScore = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
