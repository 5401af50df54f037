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

export async function signInAs(user: { id: string; role: string; tokenVersion: number } | null): Promise<void> {
  currentToken = user
    ? await encodeSessionToken({ token: { uid: user.id, role: user.role, tv: user.tokenVersion }, secret: process.env.NEXTAUTH_SECRET! })
    : undefined;
}

export function setRawSessionToken(token: string | undefined) {
  currentToken = token;
}
