// Moodle GIFT importer: turns a GIFT text into items of the shared item contract, one report per
// question. Pure: imports only the item schema (and, through it, zod). Follows the semantics of
// Moodle's qformat_gift (question/format/gift/format.php); deviations are listed in docs/gift.md.
import { itemSchema, type Item, type ItemData, type ItemType } from "../items/schema";

/** One answer of a question, in a form meant for people: weight in percent (100 = full credit). */
export interface GiftAnswer {
  text: string;
  weight: number;
  feedback?: string;
}

interface GiftReportBase {
  /** 1-based position among the questions of the file (category lines and comments are not counted). */
  index: number;
  /** Line of the file where the question starts. */
  line: number;
  /** The `::name::` of the question, or one generated from its text. */
  name: string;
  /** The `$CATEGORY:` in force for this question, as written, or null. */
  category: string | null;
}

export interface GiftOkReport extends GiftReportBase {
  status: "ok";
  key: string;
  type: ItemType;
  stem: string;
  explanation: string;
  answers: GiftAnswer[];
  item: Item;
  /** Things that were accepted but changed on the way (e.g. an answer's [html] format dropped). */
  warnings?: string[];
}

export interface GiftProblemReport extends GiftReportBase {
  status: "error" | "skipped";
  /** Why, in plain words; errors start with "line N: ". */
  message: string;
  /** The GIFT question type when it is known ("essay", "description", "numeric" ...). */
  type?: string;
  stem?: string;
}

export type GiftQuestionReport = GiftOkReport | GiftProblemReport;

export interface GiftParseResult {
  questions: GiftQuestionReport[];
}

// ---------------------------------------------------------------------------------------------
// Escapes. Escaped control characters are swapped for private-use placeholders before any
// structural parsing (as Moodle does with "&&058;" etc.) and swapped back in the final texts.

const PLACEHOLDER: Record<string, string> = {
  "\\": "\uE000",
  ":": "\uE001",
  "#": "\uE002",
  "=": "\uE003",
  "{": "\uE004",
  "}": "\uE005",
  "~": "\uE006",
  n: "\uE007",
};
const RESTORED: Record<string, string> = {
  "\uE000": "\\",
  "\uE001": ":",
  "\uE002": "#",
  "\uE003": "=",
  "\uE004": "{",
  "\uE005": "}",
  "\uE006": "~",
  "\uE007": "\n",
};

function protect(s: string): string {
  return s.replace(/\\([\\:#={}~n])/g, (_, c: string) => PLACEHOLDER[c]);
}

function restore(s: string): string {
  return s.replace(/[\uE000-\uE007]/g, (c) => RESTORED[c]);
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

const FORMAT_PREFIX = /^\[(html|moodle|plain|markdown)\]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const KEY = /^[A-Za-z0-9._:-]+$/;
const MAX_KEY = 80;

class GiftError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function stripFormat(s: string): { format: string | null; text: string } {
  const t = s.trim();
  const m = FORMAT_PREFIX.exec(t);
  return m ? { format: m[1], text: t.slice(m[0].length).trim() } : { format: null, text: t };
}

function percent(fraction: number): number {
  return Number((fraction * 100).toFixed(5));
}

function quote(s: string, max = 40): string {
  const one = s.replace(/\s+/g, " ").trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}

/** A stable short hash (FNV-1a, 32 bit) for keys of questions whose text has no usable letters. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function slugify(s: string, max = 60): string {
  let slug = s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > max) {
    slug = slug.slice(0, max);
    const cut = slug.lastIndexOf("-");
    if (cut > max / 2) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, "");
  }
  return slug;
}

/** Text without HTML tags, as .replace(/<[^>]*>/g, " ") but linear (that regex rescans from every "<"). */
function stripTags(s: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const lt = s.indexOf("<", i);
    if (lt < 0) return out + s.slice(i);
    const gt = s.indexOf(">", lt + 1);
    if (gt < 0) return out + s.slice(i);
    out += `${s.slice(i, lt)} `;
    i = gt + 1;
  }
}

function defaultName(stem: string, index: number): string {
  const plain = stripTags(stem).replace(/\s+/g, " ").trim();
  if (!plain) return `Question ${index}`;
  if (plain.length <= 60) return plain;
  const cut = plain.slice(0, 60);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).trim()}…`;
}

/**
 * The `[id:...]` of a comment, as /\[id:((?:\\]|[^\]])+)\]/ would find it, in one pass: the id ends at the
 * first "]" not escaped as "\]"; with none, backtracking would end it at the last "\]" (keeping the "\").
 */
function idInComment(c: string): string | undefined {
  for (let start = c.indexOf("[id:"); start >= 0; start = c.indexOf("[id:", start + 1)) {
    let lastEscaped = -1;
    let i = start + 4;
    while (i < c.length && c[i] !== "]") {
      if (c[i] === "\\" && c[i + 1] === "]") {
        lastEscaped = i;
        i += 2;
      } else i++;
    }
    if (i < c.length) {
      if (i > start + 4) return c.slice(start + 4, i);
      continue;
    }
    return lastEscaped >= 0 ? c.slice(start + 4, lastEscaped + 1) : undefined;
  }
  return undefined;
}

/** The path of a Moodle category without its context ("$course$/") and "top/" prefixes. */
function categoryPath(category: string): string[] {
  return category
    .replace(/^\$[a-z]+\$\//, "")
    .replace(/^top(\/|$)/, "")
    .split("/")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The item key: the `[id:...]` from the question's comment when it is a valid key; otherwise the
 * name itself when it already is a valid key (so that exported items keep their keys), or a slug of
 * it; prefixed by the slug of the last category segment ("week-1.grants-tomb"). Made unique in the file
 * by "-2", "-3" ... in order of appearance, so the same file always gives the same keys.
 */
function makeKey(idNumber: string | null, name: string, stem: string, category: string | null, used: KeyRegistry): string {
  let base: string;
  if (idNumber && KEY.test(idNumber) && idNumber.length <= MAX_KEY) {
    base = idNumber;
  } else {
    let nameKey = KEY.test(name) && name.length <= MAX_KEY ? name : slugify(name);
    if (!nameKey) nameKey = `q-${hash(`${name}\n${stem}`)}`;
    const segments = category ? categoryPath(category) : [];
    const catSlug = segments.length ? slugify(segments[segments.length - 1], 19) : "";
    base = catSlug && !nameKey.startsWith(`${catSlug}.`) ? `${catSlug}.${nameKey}` : nameKey;
  }
  return used.take(base.slice(0, MAX_KEY));
}

/**
 * The keys given so far in a file. take(base) returns base, or base-2, base-3 ... the first one free;
 * it remembers where the search for each base stopped, so that a file of n questions with one name costs
 * n steps, not n²/2.
 */
class KeyRegistry {
  private used = new Set<string>();
  private next = new Map<string, number>();
  private numbered = new Map<string, { base: string; n: number }>();

  take(base: string): string {
    let n = this.next.get(base) ?? 1;
    let key = n === 1 ? base : this.numberedKey(base, n);
    while (this.used.has(key)) key = this.numberedKey(base, ++n);
    this.next.set(base, n);
    this.used.add(key);
    this.numbered.set(key, { base, n });
    return key;
  }

  /** Frees a key again (its question failed later); the search for its base restarts at or below it. */
  release(key: string) {
    this.used.delete(key);
    const k = this.numbered.get(key);
    if (k && (this.next.get(k.base) ?? 1) > k.n) this.next.set(k.base, k.n);
  }

  private numberedKey(base: string, n: number) {
    return `${base.slice(0, MAX_KEY - String(n).length - 1)}-${n}`;
  }
}

interface Segment {
  marker: string;
  body: string;
  /** Offset of the marker (or of the body when there is none) in the question text. */
  offset: number;
}

/** Splits an answer block at every marker character; the text before the first marker is `lead`. */
function splitAt(s: string, base: number, markers: string): { lead: Segment; segments: Segment[] } {
  const lead: Segment = { marker: "", body: "", offset: base };
  const segments: Segment[] = [];
  let cur = lead;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (markers.includes(c)) {
      cur = { marker: c, body: "", offset: base + i };
      segments.push(cur);
    } else cur.body += c;
  }
  return { lead, segments };
}

/** Splits "text#feedback" at the first #. */
function splitFeedback(s: string): { text: string; feedback?: string } {
  const i = s.indexOf("#");
  if (i < 0) return { text: s.trim() };
  const feedback = restore(stripFormat(s.slice(i + 1)).text).trim();
  return { text: s.slice(0, i).trim(), feedback: feedback || undefined };
}

/** A leading "%50%" weight, as a fraction, or null when the text has none. */
function takeWeight(s: string, offset: number, what: string): { weight: number | null; rest: string } {
  const t = s.trim();
  const m = /^%([^%\n]*)%/.exec(t);
  if (!m) return { weight: null, rest: t };
  const v = m[1].trim();
  if (!NUMBER.test(v)) throw new GiftError(`${what}: the weight %${restore(m[1])}% is not a number`, offset);
  return { weight: Number(v) / 100, rest: t.slice(m[0].length).trim() };
}

function answerText(raw: string, offset: number, what: string, warnings: string[]): string {
  const { format, text } = stripFormat(raw);
  if (format && format !== "plain" && format !== "moodle")
    warnings.push(`the [${format}] format of ${what} ${quote(restore(text))} was dropped: answers are plain text`);
  const out = restore(text).trim();
  if (!out) throw new GiftError(`${what} is empty`, offset);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The question types.

interface Parsed {
  data: ItemData;
  answers: GiftAnswer[];
}

function parseChoice(body: string, base: number, warnings: string[]): Parsed {
  const { lead, segments } = splitAt(body, base, "~=");
  if (lead.body.trim())
    throw new GiftError(`the answer ${quote(restore(lead.body))} must start with = (right) or ~ (wrong)`, lead.offset);
  const single = segments.some((s) => s.marker === "=");
  const options = segments.map((seg, i) => {
    const what = `answer ${i + 1}`;
    let weight: number;
    let rest = seg.body;
    if (seg.marker === "=") {
      // "=" is the right answer; an explicit "=%100%" is accepted, any other weight is a mistake.
      const w = takeWeight(rest, seg.offset, what);
      if (w.weight !== null && w.weight !== 1)
        throw new GiftError(
          `${what}: in a choice question = marks the right answer and takes no weight; write ~%${percent(w.weight)}%... for partial credit`,
          seg.offset,
        );
      rest = w.rest;
      weight = 1;
    } else {
      const w = takeWeight(rest, seg.offset, what);
      weight = w.weight ?? 0;
      rest = w.rest;
      if (weight < -1 || weight > 1)
        throw new GiftError(`${what}: the weight ${percent(weight)}% is outside -100%..100%`, seg.offset);
    }
    const { text, feedback } = splitFeedback(rest);
    return { id: String.fromCharCode(97 + i), text: answerText(text, seg.offset, what, warnings), weight, feedback };
  });
  if (options.length < 2)
    throw new GiftError(`a choice question needs at least 2 answers (found ${options.length})`, base);
  if (options.length > 12) throw new GiftError(`a choice question can have at most 12 answers (found ${options.length})`, base);
  if (!single) {
    const positive = options.filter((o) => o.weight > 0).reduce((s, o) => s + o.weight, 0);
    if (positive === 0)
      throw new GiftError("no answer is marked correct: mark the right answer with = or give answers a positive ~%weight%", base);
    if (Math.abs(positive - 1) > 0.011)
      throw new GiftError(
        `the positive weights add up to ${percent(positive)}%; in a multiple-answer question they must add up to 100%`,
        base,
      );
  }
  const answers = options.map((o) => ({ text: o.text, weight: percent(o.weight), feedback: o.feedback }));
  return { data: { type: single ? "single" : "multiple", options }, answers };
}

function parseTrueFalse(body: string): Parsed {
  const bits = body.split("#");
  const answer = /^(T|TRUE)$/i.test(bits[0].trim());
  const fb = (s: string | undefined) => {
    const t = s === undefined ? "" : restore(stripFormat(s).text).trim();
    return t || undefined;
  };
  const wrong = fb(bits[1]);
  const right = fb(bits.length > 2 ? bits.slice(2).join("#") : undefined);
  const feedbackTrue = answer ? right : wrong;
  const feedbackFalse = answer ? wrong : right;
  return {
    data: { type: "truefalse", answer, feedbackTrue, feedbackFalse },
    answers: [
      { text: "true", weight: answer ? 100 : 0, feedback: feedbackTrue },
      { text: "false", weight: answer ? 0 : 100, feedback: feedbackFalse },
    ],
  };
}

function parseShort(body: string, base: number, warnings: string[]): Parsed {
  const { lead, segments } = splitAt(body, base, "=");
  // Moodle accepts a first answer without "=": {Paris} is a short answer.
  const all = lead.body.trim() ? [lead, ...segments] : segments;
  const answers = all.map((seg, i) => {
    const what = `answer ${i + 1}`;
    const w = takeWeight(seg.body, seg.offset, what);
    const weight = w.weight ?? 1;
    if (weight < 0 || weight > 1)
      throw new GiftError(`${what}: the weight ${percent(weight)}% is outside 0%..100% (short answers cannot be penalised)`, seg.offset);
    const { text, feedback } = splitFeedback(w.rest);
    return { text: answerText(text, seg.offset, what, warnings), weight, feedback };
  });
  if (answers.length === 0) throw new GiftError("the answer block has no answers", base);
  if (answers.length > 20) throw new GiftError(`a short-answer question can have at most 20 answers (found ${answers.length})`, base);
  if (!answers.some((a) => a.weight === 1))
    throw new GiftError("no answer gives full credit: at least one answer needs = without a weight, or =%100%", base);
  return {
    data: { type: "short", answers, caseSensitive: false },
    answers: answers.map((a) => ({ text: a.text, weight: percent(a.weight), feedback: a.feedback })),
  };
}

function parseNumber(s: string, offset: number, what: string): number {
  const t = s.trim();
  if (!NUMBER.test(t)) throw new GiftError(`${what}: ${quote(restore(t))} is not a number`, offset);
  return Number(t);
}

function formatNumber(value: number, tolerance: number): string {
  return tolerance ? `${value} ± ${tolerance}` : String(value);
}

function parseNumeric(body: string, base: number): Parsed {
  // body starts with "#".
  let rest = body.slice(1);
  let feedbackIncorrect: string | undefined;
  const tilde = rest.indexOf("~");
  if (tilde >= 0) {
    const wrong = rest.slice(tilde + 1);
    const hashAt = wrong.indexOf("#");
    feedbackIncorrect = restore(stripFormat(hashAt >= 0 ? wrong.slice(hashAt + 1) : wrong).text).trim() || undefined;
    rest = rest.slice(0, tilde);
  }
  const { lead, segments } = splitAt(rest, base + 1, "=");
  const all = lead.body.trim() ? [lead, ...segments] : segments;
  if (all.length === 0) throw new GiftError("the numerical answer block has no answers (write {#3.14:0.01})", base);
  const answers: { value: number; tolerance: number; weight: number; feedback?: string }[] = [];
  for (const [i, seg] of all.entries()) {
    const what = `answer ${i + 1}`;
    const w = takeWeight(seg.body, seg.offset, what);
    const weight = w.weight ?? 1;
    if (weight < 0 || weight > 1)
      throw new GiftError(`${what}: the weight ${percent(weight)}% is outside 0%..100% (numerical answers cannot be penalised)`, seg.offset);
    const { text: raw, feedback } = splitFeedback(w.rest);
    const text = stripFormat(raw).text;
    if (text === "*") {
      // Moodle's "any other answer" line.
      feedbackIncorrect = feedback ?? feedbackIncorrect;
      continue;
    }
    if (!text) throw new GiftError(`${what} is empty`, seg.offset);
    let value: number;
    let tolerance: number;
    const range = text.indexOf("..");
    const colon = text.indexOf(":");
    if (range > 0) {
      const min = parseNumber(text.slice(0, range), seg.offset, what);
      const max = parseNumber(text.slice(range + 2), seg.offset, what);
      if (min > max) throw new GiftError(`${what}: the range ${min}..${max} is empty (the minimum is above the maximum)`, seg.offset);
      value = (min + max) / 2;
      tolerance = (max - min) / 2;
    } else if (colon > 0) {
      value = parseNumber(text.slice(0, colon), seg.offset, what);
      tolerance = parseNumber(text.slice(colon + 1), seg.offset, what);
      if (tolerance < 0) throw new GiftError(`${what}: the tolerance ${tolerance} is negative`, seg.offset);
    } else {
      value = parseNumber(text, seg.offset, what);
      tolerance = 0;
    }
    answers.push({ value, tolerance, weight, feedback });
  }
  if (answers.length === 0) throw new GiftError("the numerical answer block has no answers (write {#3.14:0.01})", base);
  if (answers.length > 10) throw new GiftError(`a numerical question can have at most 10 answers (found ${answers.length})`, base);
  if (!answers.some((a) => a.weight === 1))
    throw new GiftError("no answer gives full credit: at least one answer needs = without a weight, or =%100%", base);
  const report: GiftAnswer[] = answers.map((a) => ({
    text: formatNumber(a.value, a.tolerance),
    weight: percent(a.weight),
    feedback: a.feedback,
  }));
  if (feedbackIncorrect) report.push({ text: "(any other answer)", weight: 0, feedback: feedbackIncorrect });
  return { data: { type: "numeric", answers, feedbackIncorrect }, answers: report };
}

function parseMatching(body: string, base: number, warnings: string[]): Parsed {
  const { lead, segments } = splitAt(body, base, "=");
  if (lead.body.trim())
    throw new GiftError(`the pair ${quote(restore(lead.body))} must start with = (write =prompt -> match)`, lead.offset);
  const pairs: { id: string; prompt: string; match: string }[] = [];
  const distractors: string[] = [];
  for (const [i, seg] of segments.entries()) {
    const what = `pair ${i + 1}`;
    const arrow = seg.body.indexOf("->");
    if (arrow < 0) throw new GiftError(`${what} ${quote(restore(seg.body))} has no -> (write =prompt -> match)`, seg.offset);
    const promptRaw = seg.body.slice(0, arrow);
    const match = restore(seg.body.slice(arrow + 2)).trim();
    if (!match) throw new GiftError(`${what} has nothing after ->`, seg.offset);
    const { format, text } = stripFormat(promptRaw);
    const prompt = restore(text).trim();
    if (format && format !== "plain" && format !== "moodle")
      warnings.push(`the [${format}] format of ${what} ${quote(prompt)} was dropped: prompts are plain text`);
    if (!prompt) distractors.push(match);
    else pairs.push({ id: `p${pairs.length + 1}`, prompt, match });
  }
  if (pairs.length < 2) throw new GiftError(`a matching question needs at least 2 pairs (found ${pairs.length})`, base);
  if (pairs.length > 12) throw new GiftError(`a matching question can have at most 12 pairs (found ${pairs.length})`, base);
  if (distractors.length > 8)
    throw new GiftError(`a matching question can have at most 8 extra matches "= -> x" (found ${distractors.length})`, base);
  return {
    data: { type: "matching", pairs, distractors },
    answers: [
      ...pairs.map((p) => ({ text: `${p.prompt} -> ${p.match}`, weight: 100 })),
      ...distractors.map((d) => ({ text: `(distractor) -> ${d}`, weight: 0 })),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// One question.

interface SourceLine {
  text: string;
  line: number;
}

function parseQuestion(
  source: SourceLine[],
  comments: string[],
  index: number,
  category: string | null,
  usedKeys: KeyRegistry,
): GiftQuestionReport {
  const text = source.map((l) => protect(l.text)).join("\n");
  const lineAt = (offset: number): number => {
    let n = 0;
    for (let i = 0; i < offset && i < text.length; i++) if (text[i] === "\n") n++;
    return source[Math.min(n, source.length - 1)].line;
  };
  const base = { index, line: source[0].line, category };
  let name: string | null = null;
  let stemForName = "";
  let type: string | undefined;
  let stem: string | undefined;

  try {
    // Name.
    let pos = 0;
    if (text.startsWith("::")) {
      const end = text.indexOf("::", 2);
      if (end < 0) {
        stemForName = restore(text.slice(2).split("{")[0]);
        throw new GiftError("the question name is not closed with ::", 0);
      }
      name = restore(text.slice(2, end)).replace(/\s+/g, " ").trim() || null;
      pos = end + 2;
    }

    // Answer block.
    const open = text.indexOf("{", pos);
    const close = text.indexOf("}", pos);
    stemForName = restore(stripFormat(text.slice(pos, open >= 0 ? open : undefined)).text);
    if (open < 0 && close < 0) {
      stem = restore(stripFormat(text.slice(pos)).text).trim();
      type = "description";
      return {
        ...base,
        name: name ?? defaultName(stem, index),
        status: "skipped",
        type,
        stem,
        message: "this is a description (text without an answer block); descriptions are not imported",
      };
    }
    if (open < 0) throw new GiftError("found } without an opening { (write \\} for a literal brace)", close);
    if (close < 0) throw new GiftError("the answer block is not closed with }", open);
    if (close < open) throw new GiftError("found } before the answer block opens with { (write \\} for a literal brace)", close);
    const nested = text.indexOf("{", open + 1);
    if (nested >= 0 && nested < close)
      throw new GiftError("found { inside the answer block (the block opened earlier is not closed with }, or write \\{)", nested);
    const after = text.slice(close + 1);
    const another = after.search(/[{}]/);
    if (another >= 0)
      throw new GiftError(
        `only one answer block per question is supported; found another ${after[another]} (write \\${after[another]} for a literal brace` +
          `${after.slice(0, another).includes("\n") ? ", or separate questions with a blank line" : ""})`,
        close + 1 + another,
      );

    // Stem: text before the block, plus "_____" and the text after it when the block is in the middle.
    const before = text.slice(pos, open);
    const stemRaw = after.trim() ? `${before}_____${after}` : before;
    const { format, text: stemText } = stripFormat(stemRaw);
    stem = restore(stemText).trim();
    const stemFormat: Item["stemFormat"] = format === "html" ? "html" : format === "markdown" ? "markdown" : "plain";
    stemForName = stem;

    // Answers and general feedback.
    let inner = text.slice(open + 1, close);
    let explanation = "";
    const gf = inner.lastIndexOf("####");
    if (gf >= 0) {
      explanation = restore(stripFormat(inner.slice(gf + 4)).text).trim();
      inner = inner.slice(0, gf);
    }
    const lead = inner.length - inner.trimStart().length;
    const body = inner.trim();
    const bodyAt = open + 1 + lead;
    const warnings: string[] = [];

    let parsed: Parsed;
    if (body === "") {
      type = "essay";
      return {
        ...base,
        name: name ?? defaultName(stem, index),
        status: "skipped",
        type,
        stem,
        message: "essay questions are not supported (they need grading by a person)",
      };
    } else if (body.startsWith("#")) {
      type = "numeric";
      parsed = parseNumeric(body, bodyAt);
    } else if (body.includes("~")) {
      type = body.includes("=") ? "single" : "multiple";
      parsed = parseChoice(body, bodyAt, warnings);
    } else if (body.includes("=") && body.includes("->")) {
      type = "matching";
      parsed = parseMatching(body, bodyAt, warnings);
    } else if (/^(T|TRUE|F|FALSE)$/i.test(body.split("#")[0].trim())) {
      type = "truefalse";
      parsed = parseTrueFalse(body);
    } else {
      type = "short";
      parsed = parseShort(body, bodyAt, warnings);
    }
    type = parsed.data.type;

    if (!stem) throw new GiftError("the question text is empty", 0);
    const finalName = name ?? defaultName(stem, index);
    const idNumber = comments.map(idInComment).find(Boolean)?.replace(/\\]/g, "]").trim() ?? null;
    const key = makeKey(idNumber, finalName, stem, category, usedKeys);
    // (The JSON round trip drops the optional fields left undefined.)
    const data = JSON.parse(JSON.stringify(parsed.data)) as ItemData;
    const checked = itemSchema.safeParse({ key, stem, stemFormat, explanation, data });
    if (!checked.success) {
      usedKeys.release(key);
      const why = checked.error.issues
        .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
      throw new GiftError(`the question does not fit the item format: ${why}`, 0);
    }
    const report: GiftOkReport = {
      ...base,
      name: finalName,
      status: "ok",
      key,
      type: parsed.data.type,
      stem,
      explanation,
      answers: parsed.answers.map((a) => (a.feedback ? a : { text: a.text, weight: a.weight })),
      item: checked.data,
    };
    if (warnings.length) report.warnings = warnings;
    return report;
  } catch (e) {
    if (!(e instanceof GiftError)) throw e;
    return {
      ...base,
      name: name ?? defaultName(stemForName.trim(), index),
      status: "error",
      message: `line ${lineAt(e.offset)}: ${e.message}`,
      ...(type ? { type } : {}),
      ...(stem ? { stem } : {}),
    };
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Parses a GIFT file. Questions are separated by blank lines; lines starting with // are comments;
 * a `$CATEGORY: path` line sets the category of the questions that follow. Never throws on bad
 * input: a malformed question gives an "error" report and parsing goes on with the next one.
 */
export function parseGift(input: string): GiftParseResult {
  const lines = input.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: { lines: SourceLine[]; comments: string[] }[] = [];
  let cur: { lines: SourceLine[]; comments: string[] } | null = null;
  for (const [i, raw] of lines.entries()) {
    const t = raw.trim();
    if (t === "") {
      if (cur) blocks.push(cur);
      cur = null;
      continue;
    }
    // A $CATEGORY line always starts a new block, even without a blank line before it.
    if (cur && cur.lines.length && t.startsWith("$CATEGORY:")) {
      blocks.push(cur);
      cur = null;
    }
    cur ??= { lines: [], comments: [] };
    if (t.startsWith("//")) cur.comments.push(t);
    else cur.lines.push({ text: t, line: i + 1 });
  }
  if (cur) blocks.push(cur);

  const questions: GiftQuestionReport[] = [];
  const usedKeys = new KeyRegistry();
  let category: string | null = null;
  for (const block of blocks) {
    let source = block.lines;
    while (source.length && source[0].text.startsWith("$CATEGORY:")) {
      category = restore(protect(source[0].text.slice("$CATEGORY:".length))).trim() || null;
      source = source.slice(1);
    }
    if (!source.length) continue;
    questions.push(parseQuestion(source, block.comments, questions.length + 1, category, usedKeys));
  }
  return { questions };
}

/** The items of the questions that parsed, in file order. */
export function giftItems(result: GiftParseResult): Item[] {
  return result.questions.flatMap((q) => (q.status === "ok" ? [q.item] : []));
}
