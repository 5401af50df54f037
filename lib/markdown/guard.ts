// A linear pre-pass over untrusted Markdown, run before micromark sees the text. micromark is linear on
// ordinary prose but has super-linear corners that an author (or an attacker with an author account) can
// reach: nested block containers (`>>>>`, `- - - -`) cost time and recursion depth per level, emphasis and
// strikethrough delimiter runs are paired by a backwards search over every earlier run of the paragraph
// (micromark's attention resolution: quadratic in the runs of one paragraph), and every setext underline
// re-splices the whole event list (quadratic in their number). Past each limit the offending marker is
// escaped with a backslash, so the text stays visible as literal characters and the rest of the lesson
// renders. Ordinary lessons never reach a limit, so their output does not change (tested on the course).
// Pure: no imports.

export const MARKDOWN_LIMITS = {
  /** Characters of one Markdown text (a lesson body; the studio's own form caps it at the same size). */
  maxChars: 200_000,
  /** Nested block containers (blockquotes and list items) on one line, counting indentation. */
  maxDepth: 8,
  /** Emphasis/strikethrough delimiter runs (`*`, `_`, `~`) in one block of consecutive non-blank lines. */
  maxDelimiterRuns: 64,
  /** Setext heading underlines (`===` or `---` right under a line of text) in one text. */
  maxSetextHeadings: 64,
} as const;

export interface GuardResult {
  text: string;
  /** One sentence per limit reached, for the author; empty when the text was left as written. */
  warnings: string[];
}

const isWs = (c: string) => c === " " || c === "\t";

/** Columns of whitespace from `i` (tabs to the next multiple of 4), and where it ends. */
function skipWs(line: string, i: number, col: number): { i: number; col: number } {
  while (i < line.length && isWs(line[i])) {
    col += line[i] === "\t" ? 4 - (col % 4) : 1;
    i++;
  }
  return { i, col };
}

/** Length of a list marker or blockquote marker at i (followed by whitespace or the end), else 0. */
function markerAt(line: string, i: number): number {
  const c = line[i];
  if (c === ">") return 1;
  let end = i;
  if (c === "-" || c === "*" || c === "+") end = i + 1;
  else {
    while (end < line.length && end - i < 9 && line[end] >= "0" && line[end] <= "9") end++;
    if (end === i || (line[end] !== "." && line[end] !== ")")) return 0;
    end++;
  }
  return end === line.length || isWs(line[end]) ? end - i : 0;
}

/**
 * For each position, whether the rest of the line is a thematic break. One backwards pass per line:
 * tracks the single break character seen and how many there were.
 */
function suffixBreaks(line: string): Int8Array {
  const out = new Int8Array(line.length + 1);
  let ch = "";
  let count = 0;
  let broken = false;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (!broken && !isWs(c)) {
      if ((c === "-" || c === "*" || c === "_") && (ch === "" || ch === c)) {
        ch = c;
        count++;
      } else broken = true;
    }
    out[i] = !broken && count >= 3 ? 1 : 0;
  }
  return out;
}

interface Prefix {
  /** Where the line's content starts after its container markers (or the escaped marker). */
  content: number;
  /** The line with a backslash before the first marker past the depth limit, if any. */
  line: string;
  escaped: boolean;
  depth: number;
  /** The last marker is a bullet or "1." with text after it: it starts a list item even inside a paragraph. */
  item: boolean;
}

/**
 * Walks the container prefix of a line. The estimate markers + indentation/2 bounds the real nesting
 * depth from above: a blockquote level needs its own `>` on the line, an open list item is continued only
 * by at least two columns of indentation, and every new level needs a marker.
 */
function containerPrefix(line: string, maxDepth: number): Prefix {
  let i = 0;
  let col = 0;
  // Whitespace columns that can continue an open container (not the one space that follows a marker).
  let ws = 0;
  let markers = 0;
  let breaks: Int8Array | null = null;
  let item = false;
  for (;;) {
    const from = col;
    ({ i, col } = skipWs(line, i, col));
    ws += col - from;
    if (i >= line.length) break;
    const len = markerAt(line, i);
    if (!len) break;
    if (line[i] === "-" || line[i] === "*") {
      breaks ??= suffixBreaks(line);
      if (breaks[i] === 1) break;
    }
    const depth = markers + 1 + Math.floor(ws / 2);
    if (depth > maxDepth) {
      // "1." is escaped as "1\." (a backslash before a digit is not an escape); the others as "\>", "\-".
      const at = line[i] >= "0" && line[i] <= "9" ? i + len - 1 : i;
      return { content: at, line: `${line.slice(0, at)}\\${line.slice(at)}`, escaped: true, depth, item: false };
    }
    const c = line[i];
    item = c === "-" || c === "*" || c === "+" || (len === 2 && c === "1");
    markers++;
    i += len;
    col += len;
    if (line[i] === " ") {
      i++;
      col++;
    }
  }
  return { content: i, line, escaped: false, depth: markers + Math.floor(ws / 2), item: item && i < line.length };
}

const FENCE = /^(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** A closing fence: at least as many of the opening character, then only whitespace. */
function closesFence(t: string, fence: string): boolean {
  let i = 0;
  while (i < t.length && t[i] === fence[0]) i++;
  if (i < fence.length) return false;
  while (i < t.length && isWs(t[i])) i++;
  return i === t.length;
}

/** Cells of a table row: unescaped pipes, not counting a leading or trailing one. */
function cells(row: string): number {
  let n = 1;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === "\\") i++;
    else if (row[i] === "|" && i > 0 && i < row.length - 1) n++;
  }
  return n;
}

/**
 * Applies the limits of MARKDOWN_LIMITS (except maxChars, which the renderer checks first). Linear in
 * the length of the text: every line is scanned a bounded number of times.
 */
export function guardMarkdown(markdown: string, limits = MARKDOWN_LIMITS): GuardResult {
  const lines = markdown.split(/\r\n|\r|\n/);
  let depthHits = 0;
  let runHits = 0;
  let setextHits = 0;
  let setext = 0;
  // A fence opened at the top level holds code until its closing fence: nothing inside is Markdown.
  let fence: string | null = null;
  let runs = 0;
  let tableBlock = false;
  let prevText = false;
  const out: string[] = new Array(lines.length);
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (fence !== null) {
      const t = line.trimStart();
      if (line.length - t.length <= 3 && closesFence(t, fence)) fence = null;
      out[n] = line;
      continue;
    }
    const p = containerPrefix(line, limits.maxDepth);
    if (p.escaped) depthHits++;
    line = p.line;
    const rest = line.slice(p.content);
    const restTrim = rest.trim();
    if (restTrim === "") {
      runs = 0;
      tableBlock = false;
      prevText = false;
      out[n] = line;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    const f = lead <= 3 && !p.escaped ? FENCE.exec(line.slice(lead)) : null;
    if (f && !(f[1][0] === "`" && line.slice(lead + f[1].length).includes("`"))) {
      fence = f[1];
      runs = 0;
      prevText = false;
      out[n] = line;
      continue;
    }
    // A new list item starts a new paragraph, and each row of a table is tokenised cell by cell.
    if (p.item) runs = 0;
    if (!tableBlock && prevText && DELIMITER_ROW.test(restTrim) && cells(restTrim) === cells(out[n - 1].slice(containerPrefix(out[n - 1], Infinity).content).trim()))
      tableBlock = true;
    if (tableBlock) runs = 0;

    // Setext underline: only = or - (3 or fewer spaces of indent) right under a line of text.
    if (prevText && /^ {0,3}(?:=+|-+)[ \t]*$/.test(rest) && !tableBlock) {
      setext++;
      if (setext > limits.maxSetextHeadings) {
        const at = p.content + rest.search(/[=-]/);
        line = `${line.slice(0, at)}\\${line.slice(at)}`;
        setextHits++;
      }
    }

    // Delimiter runs, counted after the container prefix; a backslash escapes the next character.
    let buf = "";
    let last = p.content;
    let escapedRun = false;
    for (let i = p.content; i < line.length; i++) {
      const c = line[i];
      if (c === "\\") {
        i++;
        continue;
      }
      if (c !== "*" && c !== "_" && c !== "~") continue;
      let j = i;
      while (j + 1 < line.length && line[j + 1] === c) j++;
      runs++;
      if (runs > limits.maxDelimiterRuns) {
        buf += line.slice(last, i);
        for (let k = i; k <= j; k++) buf += `\\${c}`;
        last = j + 1;
        escapedRun = true;
        runHits++;
      }
      i = j;
    }
    if (escapedRun) line = `${line.slice(0, p.content)}${buf}${line.slice(last)}`;
    prevText = true;
    out[n] = line;
  }
  const warnings: string[] = [];
  if (depthHits)
    warnings.push(
      `${depthHits} line(s) nest quotes or lists deeper than ${limits.maxDepth} levels; the markers past that depth are shown as text.`,
    );
  if (runHits)
    warnings.push(
      `${runHits} run(s) of *, _ or ~ past the ${limits.maxDelimiterRuns} allowed in one paragraph, list item or table row are shown as text, not as emphasis.`,
    );
  if (setextHits)
    warnings.push(
      `More than ${limits.maxSetextHeadings} headings are underlined with === or ---; the rest are shown as text (use # and ## headings).`,
    );
  return { text: depthHits || runHits || setextHits ? out.join("\n") : markdown, warnings };
}
