/**
 * Adversarial inputs at the largest allowed size, against the Markdown renderer and the GIFT parser.
 * Prints figures; asserts nothing (the bounds are asserted by tests on the pre-scan's output).
 *   npx tsx bench/adversarial-input.ts [filter]
 *
 * For each input: the median of 3 runs on this thread ("direct": what a published lesson costs, since the
 * reader renders on the request thread, and also the event-loop lag it causes there), then the median of
 * 3 runs through the worker pool that the studio preview and GIFT upload use, with a 5 ms setInterval
 * probe on this event loop: "lag" is the worst delay of a tick while the worker job runs.
 * Targets: direct < 1 s for Markdown, worker lag < 100 ms for everything. GIFT jobs run as the studio
 * import does: with maxQuestions 5,000 (past it only the count crosses back to this thread).
 */
import { parseGift } from "../lib/gift/parse";
import { MARKDOWN_LIMITS } from "../lib/markdown/guard";
import { renderMarkdown } from "../lib/markdown/render";
import type { Job } from "../lib/workers/jobs";
import { ParsePool } from "../lib/workers/pool";

const MD = MARKDOWN_LIMITS.maxChars;
const GIFT = 2_000_000;

/** Repeats `unit` to fill `size` characters (never more). */
const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / unit.length)));
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n");

const markdown: Record<string, () => string> = {
  "prose (baseline)": () => fill("Paracrine signals act on **nearby** cells; see [the review](https://x.org) and `IL-6`.\n\n", MD),
  "nested > quotes": () => ">".repeat(MD),
  "nested '> ' quotes": () => fill("> ", MD),
  "quote lines 8 deep": () => fill(`${"> ".repeat(8)}x\n`, MD),
  "emphasis *a": () => fill("*a", MD),
  "emphasis _a": () => fill("_a", MD),
  "strikethrough ~a": () => fill("~a", MD),
  "emphasis, 64 per paragraph": () => fill(`${"*a".repeat(64)}\n\n`, MD),
  "bullets '- - - x'": () => fill("- ", MD - 1) + "x",
  "ordered '1. 1. x'": () => fill("1. ", MD - 1) + "x",
  "indented list ladder": () => {
    const out: string[] = [];
    for (let n = 0, i = 0; ; i++) {
      const l = `${" ".repeat(2 * (i % 400))}- x`;
      if (n + l.length + 1 > MD) break;
      out.push(l);
      n += l.length + 1;
    }
    return out.join("\n");
  },
  "setext underlines": () => fill("a\n=\n", MD),
  "link reference definitions": () => {
    const n = Math.floor(MD / 30);
    return `${lines(n, (i) => `[r${i}]: /u${i}`)}\n\n${lines(n, (i) => `[r${i}]`)}`.slice(0, MD);
  },
  "backtick runs": () => fill("`a``", MD),
  "growing backtick runs": () => lines(600, (i) => `${"`".repeat(i + 1)}a`).slice(0, MD),
  "brackets [[[[": () => "[".repeat(MD),
  "link openers [a](": () => fill("[a](", MD),
  "images ![": () => fill("![", MD),
  "many <": () => "<".repeat(MD),
  "entities &amp;": () => fill("&amp;", MD),
  "bad entities &#": () => fill("&#", MD),
  "huge table": () => `|a|b|\n|-|-|\n${fill("|x|*y*|\n", MD - 12)}`,
  "wide table": () => {
    const c = Math.floor(MD / 8);
    return `|${"a|".repeat(c)}\n|${"-|".repeat(c)}\n${"|x".repeat(c)}`;
  },
  footnotes: () => {
    const n = Math.floor(MD / 24);
    return `${lines(n, (i) => `t[^${i}]`)}\n\n${lines(n, (i) => `[^${i}]: n${i}`)}`;
  },
  "callouts citing footnotes": () => `${fill("```callout note\nx[^1]\n```\n\n", MD / 2)}\n\n${fill("[^1]: y\n", MD / 2)}`,
  "\\frac nesting": () => `$${"\\frac{".repeat(MD / 10 - 1)}1${"}{2}".repeat(MD / 10 - 1)}$`,
  "\\sqrt nesting": () => `$${"\\sqrt{".repeat(MD / 8)}1${"}".repeat(MD / 8)}$`,
  "many $a$": () => fill("$a$ ", MD),
  "many formulas at the depth limit": () => fill(`$${"{".repeat(12)}x${"}".repeat(12)}$ `, MD),
  "macro expansion": () => `$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{\\e\\e}\\def\\e{x}${fill("\\a", MD - 80)}$`,
  "glossary [[": () => fill("[[", MD),
  "glossary [[a|": () => fill("[[a|", MD),
  "autolinks www.": () => fill("www.a.", MD),
  "html comments <!--": () => fill("<!--", MD),
  "dollar runs $$": () => fill("$$a", MD),
};

function giftQuestions(unit: string) {
  return () => fill(unit, GIFT);
}

const gift: Record<string, () => string> = {
  "2 MB: same name, tiny questions": giftQuestions("::q:: a? {T}\n\n"),
  "2 MB: no names, tiny questions": giftQuestions("Sky blue? {T}\n\n"),
  "2 MB: typical choice questions": giftQuestions(
    "// [id:x]\n::Range:: Over what distance do paracrine signals act? {=micrometres#Yes. ~%-50%metres#No. ~kilometres#No.}\n\n",
  ),
  "2 MB: one question, 2 MB of answers": () => `::q:: x {${fill("~a\n", GIFT - 12)}=b}`,
  "2 MB: one stem of <": () => `${"<".repeat(GIFT)} {T}`,
  "2 MB: comment of [id:": () => `// ${"[id:".repeat(GIFT / 4)}\n::q:: x {T}`,
  "2 MB: errors, one long question": () => `::q:: x\n${fill("a\n", GIFT)}{=a ~b`,
  "2 MB: categories": giftQuestions("$CATEGORY: a/b\n"),
  "2 MB: escapes": () => `::q:: ${fill("\\{\\}\\=", GIFT)} {T}`,
};

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `f` while a 5 ms interval measures how late its ticks fire; returns the time and the worst lag. */
async function withLagProbe(f: () => Promise<unknown>): Promise<{ ms: number; lag: number }> {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 5);
    last = now;
  }, 5);
  const t0 = performance.now();
  try {
    await f();
  } finally {
    clearInterval(probe);
  }
  return { ms: performance.now() - t0, lag: Math.max(worst, 0) };
}

async function main() {
  const filter = process.argv[2];
  const pool = new ParsePool(1, 60_000);
  await pool.run({ kind: "markdown", markdown: "warm *up*" });
  await pool.run({ kind: "gift", text: "::w:: warm {T}" });
  const rows: string[][] = [];
  const cases: [string, string, () => string, (s: string) => unknown, (s: string) => Job][] = [
    ...Object.entries(markdown).map(([name, g]) => ["md", name, g, (s: string) => renderMarkdown(s), (s: string) => ({ kind: "markdown", markdown: s }) as Job] as const),
    ...Object.entries(gift).map(([name, g]) => ["gift", name, g, (s: string) => parseGift(s), (s: string) => ({ kind: "gift", text: s, maxQuestions: 5_000 }) as Job] as const),
  ].map((c) => [...c]);
  // The same probe with nothing to do: on a shared machine the scheduler alone delays ticks this much.
  const idle = await withLagProbe(() => new Promise((r) => setTimeout(r, 2000)));
  console.log(`idle event-loop lag over 2 s (machine noise, no work): ${idle.lag.toFixed(0)} ms\n`);
  console.log(`${"".padEnd(4)} ${"input".padEnd(34)} ${"chars".padStart(9)} ${"direct ms".padStart(10)} ${"worker ms".padStart(10)} ${"lag ms".padStart(7)}  note`);
  for (const [kind, name, gen, direct, job] of cases) {
    if (filter && !name.includes(filter) && kind !== filter) continue;
    const input = gen();
    const d: number[] = [];
    let note = "";
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const out = direct(input) as { warnings?: string[] };
      d.push(performance.now() - t0);
      if (i === 0 && out.warnings?.length) note = out.warnings.map((w) => w.split(/[;:.]/)[0]).join(" | ").slice(0, 90);
    }
    const w: { ms: number; lag: number }[] = [];
    for (let i = 0; i < 3; i++) w.push(await withLagProbe(() => pool.run(job(input))));
    const row = [kind, name, String(input.length), median(d).toFixed(0), median(w.map((x) => x.ms)).toFixed(0), Math.max(...w.map((x) => x.lag)).toFixed(0), note];
    rows.push(row);
    console.log(`${row[0].padEnd(4)} ${row[1].padEnd(34)} ${row[2].padStart(9)} ${row[3].padStart(10)} ${row[4].padStart(10)} ${row[5].padStart(7)}  ${row[6]}`);
  }
  const worst = (col: number, k: string) => Math.max(...rows.filter((r) => r[0] === k).map((r) => Number(r[col])));
  if (rows.length)
    console.log(
      `\nworst: markdown direct ${worst(3, "md")} ms, gift direct ${worst(3, "gift")} ms; worker lag ${Math.max(worst(5, "md"), worst(5, "gift"))} ms`,
    );
  await pool.close();
}

void main();
