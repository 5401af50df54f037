// Number formatting for the lab: three significant figures, powers of ten with Unicode superscripts
// for very large or small values, and a unit always attached. Pure.
const SUP: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** Rounds to `sig` significant figures (returns a number). */
export function roundSig(v: number, sig = 3): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const p = Math.pow(10, sig - 1 - Math.floor(Math.log10(Math.abs(v))));
  return Math.round(v * p) / p;
}

/** "19.9", "0.05", "11,200", "2.52×10⁻⁴", "5×10⁸". */
export function formatNumber(v: number | null | undefined, sig = 3): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = a.toExponential(sig - 1).split("e");
    const mant = String(Number(m));
    const exp = String(Number(e)).replace(/[-0-9]/g, (c) => SUP[c]);
    return `${sign}${mant === "1" ? "" : `${mant}×`}10${exp}`;
  }
  const r = roundSig(a, sig);
  return sign + (r >= 1000 ? r.toLocaleString("en-US", { maximumFractionDigits: 0 }) : String(r));
}

export function formatQuantity(v: number | null | undefined, unit: string, sig = 3): string {
  const n = formatNumber(v, sig);
  if (n === "—") return n;
  return unit && unit !== "dimensionless" ? `${n} ${unit}` : n;
}

/** A time in seconds, with a friendlier unit in brackets when it helps: "8,420 s (2.34 h)". */
export function formatDuration(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return s === null || s === undefined ? "—" : "not reached";
  const base = formatQuantity(s, "s");
  if (s >= 86400 * 2) return `${base} (${formatNumber(s / 86400)} d)`;
  if (s >= 3600) return `${base} (${formatNumber(s / 3600)} h)`;
  if (s >= 120) return `${base} (${formatNumber(s / 60)} min)`;
  if (s < 1e-3 && s > 0) return `${base} (${formatNumber(s * 1e6)} µs)`;
  if (s < 1 && s > 0) return `${base} (${formatNumber(s * 1e3)} ms)`;
  return base;
}

/** Signed percentage change with a true minus sign: "−29%", "+41%". */
export function formatPercentChange(before: number, after: number): string {
  if (before === 0) return after === 0 ? "0%" : "from zero";
  const p = ((after - before) / Math.abs(before)) * 100;
  const r = Math.abs(p) >= 10 ? Math.round(p) : Math.round(p * 10) / 10;
  if (r === 0) return "0%";
  return `${r > 0 ? "+" : "−"}${Math.abs(r)}%`;
}

/** Parses a number typed by a learner ("2.5e-4", "0,5", " 20 "); null when it is not a finite number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, ".").replace(/×10\^?/g, "e").replace(/−/g, "-");
  if (t === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}
