"use client";
import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { joinCohortAction } from "@/lib/actions/learning";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import type { ActionResult } from "@/lib/actions/safe-action";

type R = ActionResult<{ slug: string; cohort: string }>;

export function JoinCohortForm({ initialCode = "" }: { initialCode?: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<R | null, FormData>((_p, fd) => joinCohortAction(fd), null);
  useEffect(() => {
    if (state?.ok) router.push(`/courses/${state.data.slug}`);
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors?.code ?? [state.message] : undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div className="flex-1">
        <Field id="code" label="Join code" errors={errors}>
          <Input id="code" name="code" defaultValue={initialCode} autoComplete="off" required aria-invalid={!!errors} aria-describedby={describedBy("code", { errors })} />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join"}
      </Button>
      {state?.ok ? <Alert tone="success">Joined {state.data.cohort}.</Alert> : null}
    </form>
  );
}
