/**
 * Why the simulator refused an input. Callers branch on the code, never on the message text:
 * "invalid-input" (a value is malformed or out of range), "unphysical" (valid numbers that lie
 * outside what the model describes), "over-budget" (the run would need more work than allowed).
 */
export type SimErrorCode = "invalid-input" | "unphysical" | "over-budget";

/** Raised for invalid caller input (bad parameter values). Messages are one line, meant for users. */
export class SimInputError extends Error {
  readonly code: SimErrorCode;
  constructor(message: string, code: SimErrorCode = "invalid-input") {
    super(message);
    this.name = "SimInputError";
    this.code = code;
  }
}

/**
 * Raised when a run would exceed the work budget (time steps × grid cells), before the work
 * where the number of steps can be planned, otherwise as soon as the budget is spent.
 */
export class SimBudgetError extends SimInputError {
  /** Work the run needs (estimate, cell-steps), or null when only "more than the budget" is known. */
  readonly neededWork: number | null;
  readonly budget: number;
  constructor(message: string, neededWork: number | null, budget: number) {
    super(message, "over-budget");
    this.name = "SimBudgetError";
    this.neededWork = neededWork;
    this.budget = budget;
  }
}

/** Throws SimInputError unless `value` is a finite number within [min, max] (bounds optional). */
export function requireNumber(
  name: string,
  value: unknown,
  opts: { min?: number; max?: number; positive?: boolean; integer?: boolean } = {},
): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new SimInputError(`${name} must be a finite number (got ${String(value)})`);
  }
  if (opts.positive && !(value > 0)) throw new SimInputError(`${name} must be > 0 (got ${value})`);
  if (opts.min !== undefined && value < opts.min) throw new SimInputError(`${name} must be ≥ ${opts.min} (got ${value})`);
  if (opts.max !== undefined && value > opts.max) throw new SimInputError(`${name} must be ≤ ${opts.max} (got ${value})`);
  if (opts.integer && !Number.isInteger(value)) throw new SimInputError(`${name} must be an integer (got ${value})`);
  return value;
}
