"use client";
import { signOut } from "next-auth/react";
import { useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { Button } from "@/components/ui/button";

export function SignOutEverywhere() {
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/signin" });
        })
      }
    >
      {pending ? "Signing out…" : "Sign out everywhere"}
    </Button>
  );
}
