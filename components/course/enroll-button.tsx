"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { enrollAction } from "@/lib/actions/learning";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";

export function EnrollButton({ courseId }: { courseId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await enrollAction({ courseId });
            if (r.ok) router.refresh();
            else setError(r.message);
          })
        }
      >
        {pending ? "Enrolling…" : "Enrol in this course"}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
