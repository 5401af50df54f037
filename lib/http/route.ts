// One wrapper for every route handler: expected failures (AppError) answer their status with
// { error: { code, message } }; a database that is unreachable or timed out answers 503 with
// Retry-After; anything else is logged and answered with a generic 500, never a stack trace.
import { AppError, HTTP_STATUS, isDatabaseUnavailable, type ErrorCode } from "@/lib/errors";
import { RETRY_AFTER_SECONDS } from "@/server/request-guard.mjs";

export { RETRY_AFTER_SECONDS };

export function errorResponse(code: ErrorCode | "INTERNAL", message: string, status: number, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function responseForError(e: unknown, where: string): Response {
  if (e instanceof AppError) return errorResponse(e.code, e.message, HTTP_STATUS[e.code]);
  if (isDatabaseUnavailable(e)) return errorResponse("UNAVAILABLE", "The service is briefly unavailable. Please try again in a few seconds.", 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  console.error(`[${where}] unexpected error`, e);
  return errorResponse("INTERNAL", "Something went wrong on our side.", 500);
}

export function route<A extends unknown[]>(where: string, handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      return responseForError(e, where);
    }
  };
}
