import type { HTMLAttributes } from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900", className)} {...props} />;
}

export function Alert({ tone = "info", className, ...props }: HTMLAttributes<HTMLDivElement> & { tone?: "info" | "error" | "success" | "warning" }) {
  const tones = {
    info: "border-sky-700 bg-sky-50 text-sky-950 dark:bg-sky-950/50 dark:text-sky-100",
    error: "border-red-700 bg-red-50 text-red-950 dark:bg-red-950/50 dark:text-red-100",
    success: "border-brand-600 bg-brand-50 text-brand-900 dark:bg-brand-900/50 dark:text-brand-50",
    warning: "border-amber-700 bg-amber-50 text-amber-950 dark:bg-amber-950/50 dark:text-amber-100",
  };
  return <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md border-l-4 p-3 text-sm", tones[tone], className)} {...props} />;
}

export function Badge({ className, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return <span className={cn("inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200", className)} {...props} />;
}

/** A labelled progress bar; value in 0–100. */
export function ProgressBar({ value, label, className }: { value: number; label: string; className?: string }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={cn("h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700", className)} role="progressbar" aria-label={label} aria-valuenow={v} aria-valuemin={0} aria-valuemax={100}>
      <div className="h-full rounded-full bg-brand-600" style={{ width: `${v}%` }} />
    </div>
  );
}
