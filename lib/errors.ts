// Expected failures travel as values ({ ok: false, code, message }); only bugs throw.
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export const notFound = (what = "That page") => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = () => new AppError("FORBIDDEN", "You do not have permission to do that.");
export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Please sign in first.");

/** Prisma unique-constraint and optimistic-concurrency failures become conflicts. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

// Connection-level failures and timeouts: the database is (briefly) unavailable, which the caller should
// answer with 503 and Retry-After, not treat as a bug. Driver-adapter errors carry a kind and, for
// PostgreSQL, the SQLSTATE.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseAccessDenied", "TransactionAlreadyClosed"]);
// lock_not_available, query_canceled (statement timeout), admin/crash shutdown, cannot connect now,
// too many connections, and the whole connection-exception class 08.
const UNAVAILABLE_SQLSTATES = new Set(["55P03", "57014", "57P01", "57P02", "57P03", "53300", "53000"]);

export function isDatabaseUnavailable(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } }; cause?: Record<string, unknown> };
  if (typeof err.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(err.code) || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "SQLITE_BUSY"].includes(err.code))) return true;
  const cause = err.meta?.driverAdapterError?.cause ?? (err as { cause?: Record<string, unknown> }).cause;
  if (cause && typeof cause === "object") {
    if (typeof cause.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    const sqlstate = (cause.originalCode ?? cause.code) as unknown;
    if (typeof sqlstate === "string" && (UNAVAILABLE_SQLSTATES.has(sqlstate) || sqlstate.startsWith("08"))) return true;
    if (cause.extendedCode === 5 || cause.extendedCode === 6) return true; // SQLITE_BUSY, SQLITE_LOCKED
  }
  return typeof err.message === "string" && /database is locked|Can't reach database server|Connection terminated/i.test(err.message);
}
