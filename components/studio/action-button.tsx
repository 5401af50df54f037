"use client";
// A button that runs one server action with fixed arguments, then refreshes; errors are announced.
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";

interface Props<A> {
  action: (args: A) => Promise<ActionResult<unknown>>;
  args: A;
  children: ReactNode;
  label?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  confirm?: string;
  done?: string;
  className?: string;
}

export function ActionButton<A>({ action, args, children, label, variant = "secondary", confirm, done, className }: Props<A>) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [msg, setMsg] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant={variant}
        className={className}
        aria-label={label}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const r = await action(args);
            setMsg(r.ok ? (done ? { tone: "ok", text: done } : null) : { tone: "error", text: r.message });
            if (r.ok) router.refresh();
          });
        }}
      >
        {children}
      </Button>
      {msg ? (
        <span role={msg.tone === "error" ? "alert" : "status"} className={msg.tone === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm"}>
          {msg.text}
        </span>
      ) : null}
    </span>
  );
}
