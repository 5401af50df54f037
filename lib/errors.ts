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
