// A process-wide circuit breaker for the database, shared with the request guard in front of Next.js
// (server/request-guard.mjs reads the same global). A connection-level failure opens it for a few
// seconds: meanwhile the guard answers 503 with Retry-After at once instead of letting every request
// wait for its own timeout. After that, requests flow again and the first success closes it.
import { isDatabaseUnavailable } from "./errors";

export const BREAKER_KEY = Symbol.for("paracrine.db.breaker");
export const BREAKER_OPEN_MS = 5_000;

interface Breaker {
  openUntil: number;
  lastFailureAt: number;
}

function breaker(): Breaker {
  const g = globalThis as unknown as Record<symbol, Breaker | undefined>;
  return (g[BREAKER_KEY] ??= { openUntil: 0, lastFailureAt: 0 });
}

/** Call with every database error: opens the breaker when the error means "unavailable". */
export function noteDatabaseError(e: unknown, now = Date.now()): boolean {
  if (!isDatabaseUnavailable(e)) return false;
  const b = breaker();
  b.lastFailureAt = now;
  b.openUntil = now + BREAKER_OPEN_MS;
  return true;
}

export function noteDatabaseSuccess(): void {
  const b = breaker();
  if (b.openUntil) b.openUntil = 0;
}

export function breakerState(now = Date.now()): { open: boolean; retryAfterSeconds: number } {
  const b = breaker();
  return { open: b.openUntil > now, retryAfterSeconds: Math.max(1, Math.ceil((b.openUntil - now) / 1000)) };
}
