"use client";
// Deleting an account is permanent: the learner types DELETE, the server re-checks the session and
// the confirmation, and only then are they signed out.
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { deleteAccountAction } from "@/lib/actions/account";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";

export function DeleteAccount() {
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errors = error ? [error] : undefined;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        start(async () => {
          const r = await deleteAccountAction({ confirm });
          if (!r.ok) return setError(r.fieldErrors?.confirm?.[0] ?? r.message);
          await signOut({ callbackUrl: "/" });
        });
      }}
    >
      <Alert tone="warning">
        This deletes your account and your whole learning record: enrolments, progress, quiz answers, mastery, review schedule and activity. It cannot be undone. Download your data first if you want to keep it.
      </Alert>
      <Field id="confirm-delete" label="Type DELETE to confirm" errors={errors}>
        <Input
          id="confirm-delete"
          name="confirm"
          autoComplete="off"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          className="max-w-48"
          aria-invalid={!!errors}
          aria-describedby={describedBy("confirm-delete", { errors })}
        />
      </Field>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
