"use client";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { signUpAction } from "@/lib/actions/auth";

export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const password = useRef("");
  // Controlled, so that React's form reset after an action does not erase what the learner typed.
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};

  useEffect(() => {
    if (state?.ok) {
      void signIn("credentials", { email: state.data.email, password: password.current, redirect: false }).then((res) => {
        window.location.assign(res?.ok ? callbackPath : "/signin");
      });
    }
  }, [state, callbackPath]);

  return (
    <form action={action} onSubmit={(e) => (password.current = String(new FormData(e.currentTarget).get("password") ?? ""))} className="space-y-4" noValidate>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      {state?.ok ? <Alert tone="success">Account created. Signing you in…</Alert> : null}
      <Field id="name" label="Name" errors={fe.name}>
        <Input id="name" name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required aria-invalid={!!fe.name} aria-describedby={describedBy("name", { errors: fe.name })} />
      </Field>
      <Field id="email" label="Email" errors={fe.email}>
        <Input id="email" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" required aria-invalid={!!fe.email} aria-describedby={describedBy("email", { errors: fe.email })} />
      </Field>
      <Field id="password" label="Password" hint="At least 8 characters. Long passphrases are welcome; very common passwords are refused." errors={fe.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          aria-invalid={!!fe.password}
          aria-describedby={describedBy("password", { hint: true, errors: fe.password })}
        />
      </Field>
      <Button type="submit" disabled={pending || state?.ok} className="w-full">
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
