"use client";
// Small helpers shared by the studio's forms: an action run from the submit event with a refresh on
// success, and labelled fields that show that action's field errors (aria-describedby, aria-invalid).
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export type AnyResult = ActionResult<unknown> | null;

/**
 * Runs an action from a form's submit event. Not a form `action`: React resets such forms after every
 * submission, which would wipe the author's input when the server answers with field errors.
 */
export function useStudioForm<T>(action: (fd: FormData) => Promise<ActionResult<T>>, onOk?: (data: T) => void) {
  const router = useRouter();
  const [state, setState] = useState<ActionResult<T> | null>(null);
  const [pending, start] = useTransition();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    start(async () => {
      const r = await action(fd);
      setState(r);
      if (!r.ok) return;
      if (onOk) onOk(r.data);
      else {
        if (form.dataset.resetOnSuccess !== undefined) form.reset();
        router.refresh();
      }
    });
  };
  return [state, onSubmit, pending] as const;
}

export function errorsOf(state: AnyResult, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

interface FieldBase {
  id: string;
  name: string;
  label: ReactNode;
  state: AnyResult;
  hint?: ReactNode;
}

export function TextField({ id, name, label, state, hint, ...rest }: FieldBase & Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  const errors = errorsOf(state, name);
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Input id={id} name={name} aria-invalid={!!errors} aria-describedby={describedBy(id, { hint: !!hint, errors })} {...rest} />
    </Field>
  );
}

export function TextAreaField({ id, name, label, state, hint, ...rest }: FieldBase & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  const errors = errorsOf(state, name);
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Textarea id={id} name={name} aria-invalid={!!errors} aria-describedby={describedBy(id, { hint: !!hint, errors })} {...rest} />
    </Field>
  );
}

export function SelectField({ id, name, label, state, hint, children, ...rest }: FieldBase & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name">) {
  const errors = errorsOf(state, name);
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Select id={id} name={name} aria-invalid={!!errors} aria-describedby={describedBy(id, { hint: !!hint, errors })} {...rest}>
        {children}
      </Select>
    </Field>
  );
}

/** The form-level message: the error of a failed action (when no field shows it) or a success note. */
export function FormStatus({ state, success }: { state: AnyResult; success?: ReactNode }) {
  if (!state) return null;
  if (state.ok) return success ? <Alert tone="success">{success}</Alert> : null;
  return <Alert tone="error">{state.message}</Alert>;
}

export function Submit({ pending, children, variant }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <Button type="submit" disabled={pending} variant={variant} aria-busy={pending}>
      {children}
    </Button>
  );
}
