/** Raised for invalid caller input (bad parameter values). Messages are one line, meant for users. */
export class SimInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimInputError";
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
