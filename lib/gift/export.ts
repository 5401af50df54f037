// Moodle GIFT exporter: writes items of the shared item contract as GIFT that Moodle and parseGift
// read back. Pure. What GIFT cannot carry is listed in docs/gift.md and reported as warnings.
import type { Item, ItemDataOf } from "../items/schema";

export interface GiftExportOptions {
  /** Comment lines written at the top of the file (without the leading //). */
  header?: string | string[];
  /** Writes a `$CATEGORY:` line before the questions. */
  category?: string;
}

export interface GiftExportResult {
  text: string;
  /** Keys of the items that have no GIFT form (ordering) and were left out. */
  skipped: string[];
  /** Information that GIFT cannot carry and that was dropped, one line per item and field. */
  warnings: string[];
}

const FORMAT_PREFIX = /^\[(html|moodle|plain|markdown)\]/;

/** Escapes the GIFT control characters ~ = # { } : \ and writes newlines as \n. */
export function escapeGift(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\\~=#{}:\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

function num(n: number): string {
  return String(n);
}

function pct(fraction: number): string {
  return String(Number((fraction * 100).toFixed(5)));
}

/** Answer-side text: escaped, and protected from being read as a weight or a format prefix. */
function answerText(text: string, prefix: string): string {
  const t = escapeGift(text.trim());
  return FORMAT_PREFIX.test(t) ? `[${prefix}]${t}` : t;
}

function feedback(text: string | undefined, prefix: string): string {
  return text && text.trim() ? `#${answerText(text, prefix)}` : "";
}

interface Block {
  lines: string[];
  /** Whether the block can be written on one line inside the stem (missing-word style). */
  inline: boolean;
}

function choiceBlock(data: ItemDataOf<"single"> | ItemDataOf<"multiple">, prefix: string): string[] {
  let firstRight = data.type === "single";
  return data.options.map((o) => {
    let marker: string;
    if (firstRight && o.weight === 1) {
      marker = "=";
      firstRight = false;
    } else if (o.weight === 0) marker = "~";
    else marker = `~%${pct(o.weight)}%`;
    // A text that starts with %...% would be read as a weight: give it an explicit one.
    if (/^%[^%\n]*%/.test(o.text.trim())) marker = marker === "=" ? "=%100%" : marker === "~" ? "~%0%" : marker;
    return `${marker}${answerText(o.text, prefix)}${feedback(o.feedback, prefix)}`;
  });
}

function shortBlock(data: ItemDataOf<"short">, prefix: string, key: string, warnings: string[]): string[] {
  if (data.caseSensitive) warnings.push(`${key}: caseSensitive is not carried by GIFT (Moodle imports it as case-insensitive)`);
  if (data.feedbackIncorrect) warnings.push(`${key}: feedbackIncorrect of a short-answer item is not carried by GIFT`);
  if (data.answers.some((a) => a.text.includes("->")))
    warnings.push(`${key}: a short answer containing -> is read back as a matching question`);
  return data.answers.map((a) => {
    const weighted = a.weight !== 1 || /^%[^%\n]*%/.test(a.text.trim());
    return `=${weighted ? `%${pct(a.weight)}%` : ""}${answerText(a.text, prefix)}${feedback(a.feedback, prefix)}`;
  });
}

function numericBlock(data: ItemDataOf<"numeric">, prefix: string, key: string, warnings: string[]): string[] {
  if (data.unit) warnings.push(`${key}: the unit "${data.unit}" is not carried by GIFT`);
  const lines = data.answers.map((a) => {
    const weight = a.weight !== 1 ? `%${pct(a.weight)}%` : "";
    const tolerance = a.tolerance ? `:${num(a.tolerance)}` : "";
    return `=${weight}${num(a.value)}${tolerance}${feedback(a.feedback, prefix)}`;
  });
  if (data.feedbackIncorrect) lines.push(`~${feedback(data.feedbackIncorrect, prefix)}`);
  return lines;
}

function matchingBlock(data: ItemDataOf<"matching">, prefix: string, key: string, warnings: string[]): string[] {
  if (data.feedback) warnings.push(`${key}: the feedback of a matching item is not carried by GIFT`);
  if (data.pairs.some((p) => p.prompt.includes("->")))
    warnings.push(`${key}: a matching prompt containing -> cannot be written in GIFT; it is split at the first ->`);
  return [
    ...data.pairs.map((p) => `=${answerText(p.prompt, prefix)} -> ${escapeGift(p.match.trim())}`),
    ...(data.distractors ?? []).map((d) => `= -> ${escapeGift(d.trim())}`),
  ];
}

function trueFalseBlock(data: ItemDataOf<"truefalse">, prefix: string): string {
  // Moodle: {TRUE#feedback for a wrong answer#feedback for a right answer}.
  const right = (data.answer ? data.feedbackTrue : data.feedbackFalse)?.trim();
  const wrong = (data.answer ? data.feedbackFalse : data.feedbackTrue)?.trim();
  let out = data.answer ? "TRUE" : "FALSE";
  if (wrong) out += `#${answerText(wrong, prefix)}`;
  else if (right) out += "#";
  if (right) out += `#${answerText(right, prefix)}`;
  return out;
}

function block(item: Item, warnings: string[]): Block {
  const prefix = item.stemFormat;
  const d = item.data;
  switch (d.type) {
    case "single":
    case "multiple":
      return { lines: choiceBlock(d, prefix), inline: true };
    case "truefalse":
      return { lines: [trueFalseBlock(d, prefix)], inline: true };
    case "short":
      return { lines: shortBlock(d, prefix, item.key, warnings), inline: true };
    case "numeric":
      return { lines: ["#", ...numericBlock(d, prefix, item.key, warnings)], inline: true };
    case "matching":
      return { lines: matchingBlock(d, prefix, item.key, warnings), inline: false };
    case "ordering":
      throw new Error("unreachable: ordering items are skipped before");
  }
}

function question(item: Item, warnings: string[]): string {
  const { lines, inline } = block(item, warnings);
  const explanation = item.explanation?.trim() ? `####${answerText(item.explanation, item.stemFormat)}` : "";
  const head = `::${escapeGift(item.key)}::[${item.stemFormat}]`;
  const stem = item.stem.trim();

  // Missing-word stems ("... _____ ...") put the answer block where the blank is; only when text
  // follows the blank, since a block at the very end is read as an ordinary question.
  const blank = stem.indexOf("_____");
  if (inline && blank >= 0 && stem.slice(blank + 5).trim()) {
    const parts = lines[0] === "#" ? [`#${lines.slice(1).join(" ")}`] : [lines.join(" ")];
    if (explanation) parts.push(explanation);
    return `${head}${escapeGift(stem.slice(0, blank))}{${parts.join(" ")}}${escapeGift(stem.slice(blank + 5))}`;
  }
  if (item.data.type === "truefalse") return `${head}${escapeGift(stem)} {${lines[0]}${explanation}}`;
  const body = lines[0] === "#" ? lines.slice(1) : lines;
  const open = lines[0] === "#" ? "{#" : "{";
  // One answer and no general feedback: one line, as people write it ({=Paris}, {#3.14:0.01}).
  if (body.length === 1 && !explanation) {
    const only = open === "{#" && /^=[^%]/.test(body[0]) ? body[0].slice(1) : body[0];
    return `${head}${escapeGift(stem)} ${open}${only}}`;
  }
  return [`${head}${escapeGift(stem)} ${open}`, ...body.map((l) => `\t${l}`), ...(explanation ? [`\t${explanation}`] : []), "}"].join(
    "\n",
  );
}

/** Writes the items as GIFT and says which were skipped and what was dropped. */
export function exportGiftReport(items: Item[], opts: GiftExportOptions = {}): GiftExportResult {
  const out: string[] = [];
  const skipped: string[] = [];
  const warnings: string[] = [];
  const header = opts.header === undefined ? [] : Array.isArray(opts.header) ? opts.header : [opts.header];
  if (header.length) out.push(header.flatMap((h) => h.split(/\r?\n/)).map((h) => `// ${h}`.trimEnd()).join("\n"));
  if (opts.category) out.push(`$CATEGORY: ${opts.category.replace(/[\r\n]+/g, " ").trim()}`);
  for (const item of items) {
    if (item.data.type === "ordering") {
      skipped.push(item.key);
      out.push(`// ordering item ${item.key} cannot be expressed in GIFT`);
      continue;
    }
    out.push(question(item, warnings));
  }
  return { text: out.length ? `${out.join("\n\n")}\n` : "", skipped, warnings };
}

/** Writes the items as GIFT (ordering items become a comment); see exportGiftReport for the details. */
export function exportGift(items: Item[], opts: GiftExportOptions = {}): string {
  return exportGiftReport(items, opts).text;
}
