import "server-only";
// Every server action is built with `createAction`, which does, in order: session (else
// UNAUTHENTICATED), zod safeParse (field errors kept), role gate, then the handler, which loads the
// resource and checks ownership itself. Expected failures come back as values; bugs are logged and
// answered with a generic message, never a stack trace.
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { AppError, isUniqueViolation, type ErrorCode } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext {
  user: CurrentUser;
}

interface Options<S extends z.ZodType> {
  schema: S;
  roles?: readonly Role[];
}

/** FormData to a plain object: repeated keys become arrays, "" stays "" (zod decides). */
export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = fd.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export function failure(e: unknown): ActionResult<never> {
  if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  if (isUniqueViolation(e)) return { ok: false, code: "CONFLICT", message: "That already exists." };
  console.error("[action] unexpected error", e);
  return { ok: false, code: "UNAVAILABLE", message: "Something went wrong on our side. Please try again." };
}

/**
 * True when any string in the input (keys included) holds a NUL character. PostgreSQL refuses NUL in
 * text while SQLite stores it, so input is refused the same way on both, before any write.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value instanceof FormData) {
    for (const [k, v] of value.entries()) if (k.includes("\u0000") || (typeof v === "string" && v.includes("\u0000"))) return true;
    return false;
  }
  if (value && typeof value === "object") return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v, depth + 1));
  return false;
}

export const NUL_REFUSAL: ActionResult<never> = { ok: false, code: "VALIDATION", message: "The text contains a character that cannot be stored (NUL). Remove it and try again." };

export function createAction<S extends z.ZodType, T>(
  opts: Options<S>,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw: unknown) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." };
    if (containsNul(raw)) return NUL_REFUSAL;
    const parsed = opts.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) {
      const flat = (parsed.error as z.ZodError).flatten();
      return {
        ok: false,
        code: "VALIDATION",
        message: flat.formErrors[0] ?? "Please correct the highlighted fields.",
        fieldErrors: flat.fieldErrors as Record<string, string[]>,
      };
    }
    if (opts.roles && !opts.roles.includes(user.role)) return { ok: false, code: "FORBIDDEN", message: "You do not have permission to do that." };
    try {
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (e) {
      return failure(e);
    }
  };
}

/** Adapts an action to useActionState's (previousState, formData) signature, with an optional redirect. */
export function formAction<T>(
  run: (raw: unknown) => Promise<ActionResult<T>>,
  redirectTo?: (data: T) => string,
): (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> {
  return async (_prev, formData) => {
    const result = await run(formData);
    // redirect() throws a control-flow signal: it must stay outside any try/catch.
    if (result.ok && redirectTo) redirect(redirectTo(result.data));
    return result;
  };
}
