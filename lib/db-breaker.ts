// A process-wide circuit breaker for the database, shared with the request guard in front of Next.js
// (server/request-guard.mjs owns the key, the open test and the retry delay; this module feeds it). A
// connection-level failure opens it for a few seconds: meanwhile the guard answers 503 with
// Retry-After at once instead of letting every request wait for its own timeout. After that, requests
// flow again and the first success closes it.
import { BREAKER_KEY, RETRY_AFTER_SECONDS, breakerOpen } from "@/server/request-guard.mjs";
import { isDatabaseUnavailable } from "./errors";

export const BREAKER_OPEN_MS = RETRY_AFTER_SECONDS * 1000;

interface Breaker {
  openUntil: number;
}

function breaker(): Breaker {
  const g = globalThis as unknown as Record<symbol, Breaker | undefined>;
  return (g[BREAKER_KEY] ??= { openUntil: 0 });
}

/** Call with every database error: opens the breaker when the error means "unavailable". */
export function noteDatabaseError(e: unknown, now = Date.now()): boolean {
  if (!isDatabaseUnavailable(e)) return false;
  breaker().openUntil = now + BREAKER_OPEN_MS;
  return true;
}

export function noteDatabaseSuccess(): void {
  const b = breaker();
  if (b.openUntil) b.openUntil = 0;
}

export function breakerState(now = Date.now()): { open: boolean } {
  return { open: breakerOpen(breaker(), now) };
}
