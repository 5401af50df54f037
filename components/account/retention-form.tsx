"use client";
import { useActionState } from "react";
import { updateRetentionAction } from "@/lib/actions/review";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";

type R = ActionResult<{ desiredRetention: number }>;

export function RetentionForm({ value }: { value: number }) {
  const [state, action, pending] = useActionState<R | null, FormData>((_p, fd) => updateRetentionAction(fd), null);
  const errors = state && !state.ok ? state.fieldErrors?.desiredRetention ?? [state.message] : undefined;
  return (
    <form action={action} className="space-y-3">
      <Field
        id="desiredRetention"
        label="Desired retention (0.80–0.97)"
        hint="The share of review questions you aim to remember when they come back. Higher retention means more frequent reviews. As a rough approximation, going from 0.90 to 0.95 about doubles the number of reviews, and above 0.95 the cost climbs steeply. The default, 0.90, suits most learners."
        errors={errors}
      >
        <Input
          id="desiredRetention"
          name="desiredRetention"
          type="number"
          min={0.8}
          max={0.97}
          step={0.01}
          defaultValue={value.toFixed(2)}
          required
          className="max-w-32"
          aria-invalid={!!errors}
          aria-describedby={describedBy("desiredRetention", { hint: true, errors })}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      {state?.ok ? <Alert tone="success">Saved: reviews now aim at {Math.round(state.data.desiredRetention * 100)}% recall. New ratings use it from now on.</Alert> : null}
    </form>
  );
}
