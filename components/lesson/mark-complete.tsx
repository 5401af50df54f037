"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { completeLessonAction } from "@/lib/actions/learning";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export function MarkCompleteButton({ lessonId, completed }: { lessonId: string; completed: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  if (completed) return <p className="font-medium text-brand-700 dark:text-brand-100">✓ You completed this lesson.</p>;
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await completeLessonAction({ lessonId });
            if (r.ok) {
              setMessage({ tone: "success", text: "Lesson marked complete." });
              router.refresh();
            } else setMessage({ tone: "error", text: r.message });
          })
        }
      >
        {pending ? "Saving…" : "Mark lesson complete"}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
