"use server";
// Sign-up is the one action a visitor without a session may call. It validates like every other
// action and never reveals more than "this email is taken".
import { headers } from "next/headers";
import { allowSignUp, registerUser } from "@/lib/auth/accounts";
import { clientIdFromHeaders } from "@/lib/security/client";
import { signUpSchema } from "@/lib/validation/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NUL_REFUSAL, containsNul, failure, formDataToObject, type ActionResult } from "./safe-action";

export async function signUpAction(_prev: ActionResult<{ email: string }> | null, formData: FormData): Promise<ActionResult<{ email: string }>> {
  if (!(formData instanceof FormData)) return { ok: false, code: "VALIDATION", message: "Please fill in the form." };
  if (containsNul(formData)) return NUL_REFUSAL;
  if (!(await allowSignUp(clientIdFromHeaders(await headers())))) return { ok: false, code: "RATE_LIMITED", message: "Too many new accounts from your network. Please try again in an hour." };
  const parsed = signUpSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) {
    const flat = parsed.error.flatten();
    return { ok: false, code: "VALIDATION", message: "Please correct the highlighted fields.", fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  try {
    const user = await registerUser(parsed.data);
    return { ok: true, data: { email: user.email } };
  } catch (e) {
    return failure(e);
  }
}

/** Revokes every session of the signed-in user, this one included. */
export async function signOutEverywhereAction(): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Please sign in again." };
  const now = new Date();
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } }),
    db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  return { ok: true, data: null };
}
