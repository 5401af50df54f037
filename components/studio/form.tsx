"use client";
// Small helpers shared by the studio's forms: an action run through useActionState with a refresh on
// success, and labelled fields that show that action's field errors (aria-describedby, aria-invalid).
import { useActionState, useEffect, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

export type AnyResult = ActionResult<unknown> | null;

export function useStudioForm<T>(action: (fd: FormData) => Promise<ActionResult<T>>, onOk?: (data: T) => void) {
  const router = useRouter();
  const [state, run, pending] = useActionState<ActionResult<T> | null, FormData>((_p, fd) => action(fd), null);
  useEffect(() => {
    if (state?.ok) {
      if (onOk) onOk(state.data);
      else router.refresh();
    }
    // onOk is recreated each render; the effect must fire once per result only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, router]);
  return [state, run, pending] as const;
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
