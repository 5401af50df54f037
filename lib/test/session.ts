// Test helper: run code "as" a signed-in user. Server actions and data functions read the session
// through next/headers cookies(); integration tests mock that module (vi.mock) and this helper sets
// the cookie value it returns, with a real encrypted session token, so the whole check runs.
import { encodeSessionToken } from "@/lib/auth/jwt";

let currentToken: string | undefined;

export function sessionCookieStore() {
  return {
    get: (name: string) => (name === "next-auth.session-token" && currentToken ? { name, value: currentToken } : undefined),
    has: (name: string) => name === "next-auth.session-token" && !!currentToken,
    getAll: () => (currentToken ? [{ name: "next-auth.session-token", value: currentToken }] : []),
  };
}

/** A real session row and a real encrypted cookie for it, as a sign-in would create. */
export async function sessionTokenFor(user: { id: string; role: string; tokenVersion: number }, now?: Date): Promise<{ token: string; sessionId: string }> {
  const { createSession } = await import("@/lib/auth/sessions");
  const session = await createSession(user.id, { now });
  const token = await encodeSessionToken({ token: { uid: user.id, role: user.role, tv: user.tokenVersion, sid: session.id }, secret: process.env.NEXTAUTH_SECRET! });
  return { token, sessionId: session.id };
}

export async function signInAs(user: { id: string; role: string; tokenVersion: number } | null): Promise<void> {
  currentToken = user ? (await sessionTokenFor(user)).token : undefined;
}

export function setRawSessionToken(token: string | undefined) {
  currentToken = token;
}
