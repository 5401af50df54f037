// Classical item statistics from sufficient statistics, so the database sums and this module only
// divides: no response rows ever reach JavaScript. Pure: no imports.

/** Per-item sums over its responses: x = correctness (0/1), s = score (0–1), y = the learner's rest score. */
export interface ItemSums {
  n: number;
  sumX: number;
  sumScore: number;
  sumY: number;
  sumYY: number;
  sumXY: number;
}

/** Facility (difficulty index): the mean score, 0–1; null without responses. */
export function facility(s: Pick<ItemSums, "n" | "sumScore">): number | null {
  return s.n > 0 ? s.sumScore / s.n : null;
}

/**
 * Point-biserial correlation between correctness x (binary, so Σx² = Σx) and the rest score y (the
 * learner's total minus this response, so the item does not correlate with itself):
 *   r = (nΣxy − ΣxΣy) / √((nΣx − (Σx)²)(nΣy² − (Σy)²)).
 * Null when either side has no variance (everyone right, everyone wrong, or equal rest scores).
 */
export function pointBiserial(s: ItemSums): number | null {
  const { n, sumX, sumY, sumYY, sumXY } = s;
  if (n < 2) return null;
  const vx = n * sumX - sumX * sumX;
  const vy = n * sumYY - sumY * sumY;
  // Relative tolerance: the sums are floating point and a zero variance may come out as ±1e-12.
  if (vx <= 1e-9 || vy <= 1e-9 * Math.max(1, sumYY * n)) return null;
  const r = (n * sumXY - sumX * sumY) / Math.sqrt(vx * vy);
  return Math.max(-1, Math.min(1, r));
}

export const MIN_RESPONSES_FOR_FLAG = 5;

/** Items that strong learners get wrong more often than weak ones deserve a second look. */
export function flagItem(stats: { n: number; discrimination: number | null; facility: number | null }): string[] {
  const flags: string[] = [];
  if (stats.n >= MIN_RESPONSES_FOR_FLAG && stats.discrimination !== null && stats.discrimination < 0) flags.push("negative discrimination");
  if (stats.n >= MIN_RESPONSES_FOR_FLAG && stats.facility !== null && stats.facility > 0.95) flags.push("very easy");
  if (stats.n >= MIN_RESPONSES_FOR_FLAG && stats.facility !== null && stats.facility < 0.2) flags.push("very hard");
  return flags;
}

export const MASTERY_BINS = [
  { label: "0–20%", min: 0, max: 0.2 },
  { label: "20–40%", min: 0.2, max: 0.4 },
  { label: "40–60%", min: 0.4, max: 0.6 },
  { label: "60–80%", min: 0.6, max: 0.8 },
  { label: "80–100%", min: 0.8, max: 1.0001 },
] as const;

/** Counts per choice string to counts per option: "b" counts for b, ",a,c," for a and c. */
export function distractorCounts(groups: { choice: string | null; count: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of groups) {
    if (g.choice === null || g.choice === "") continue;
    const ids = g.choice.includes(",") ? g.choice.split(",").filter(Boolean) : [g.choice];
    for (const id of ids) out.set(id, (out.get(id) ?? 0) + g.count);
  }
  return out;
}

/** One CSV field per RFC 4180, and cells a spreadsheet would run as a formula are defused. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v;
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
