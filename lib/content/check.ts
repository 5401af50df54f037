// Content checks for a course bundle: structure, feedback, objective coverage, duplicates, glossary
// links, figures and lesson length. Pure; run by scripts/check-content.ts, the test suite and the
// importer's report.
import type { Item } from "@/lib/items/schema";
import type { CourseBundle, Problem } from "./bundle";
import { detectImageType, parseDataUrl } from "@/lib/assets/image-type";

export const WORDS_MIN = 400;
export const WORDS_MAX = 1200;

const GLOSSARY_LINK = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;
const FIGURE = /^!\[([^\]]*)\]\(figures\/([^)\s]+)\)\s*$/gm;

/** Words of prose in a lesson body: math, figures, code fences' info strings and markup excluded. */
export function countWords(body: string): number {
  const text = body
    .replace(/\$\$[\s\S]*?\$\$/g, " ")
    .replace(/\$[^$\n]+\$/g, " x ")
    .replace(/^!\[[^\]]*\]\([^)]*\)\s*$/gm, " ")
    .replace(/^```.*$/gm, " ")
    .replace(/\[\^[^\]]+\]:?/g, " ")
    .replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, s: string, t?: string) => t ?? s.replace(/-/g, " "))
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#*_>|`~-]+/g, " ");
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,;:()%/-]*/gu) ?? []).length;
}

export function glossaryLinks(markdown: string): string[] {
  return [...markdown.matchAll(GLOSSARY_LINK)].map((m) => m[1].trim());
}

export function figureRefs(markdown: string): { alt: string; name: string }[] {
  return [...markdown.matchAll(FIGURE)].map((m) => ({ alt: m[1].trim(), name: m[2] }));
}

export function svgProblems(svg: string): string[] {
  const out: string[] = [];
  if (!/<svg[^>]*\brole="img"/.test(svg)) out.push('root <svg> needs role="img"');
  if (!/<svg[^>]*\baria-labelledby="/.test(svg)) out.push("root <svg> needs aria-labelledby");
  if (!/<title[\s>][\s\S]*?\S[\s\S]*?<\/title>/.test(svg)) out.push("needs a non-empty <title>");
  if (!/<desc[\s>][\s\S]*?\S[\s\S]*?<\/desc>/.test(svg)) out.push("needs a non-empty <desc>");
  if (!/viewBox="/.test(svg)) out.push("needs a viewBox");
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:/i.test(svg)) out.push("must not contain scripts, foreignObject or event handlers");
  if (/(?:xlink:)?href\s*=\s*"(?!#)/i.test(svg)) out.push("must not reference external resources");
  return out;
}

export function itemFeedbackProblems(item: Item): string[] {
  const d = item.data;
  const out: string[] = [];
  if (!item.explanation.trim()) out.push("has no explanation");
  switch (d.type) {
    case "single":
    case "multiple":
      d.options.forEach((o, i) => !o.feedback?.trim() && out.push(`option ${i + 1} has no feedback`));
      break;
    case "truefalse":
      if (!d.feedbackTrue?.trim() || !d.feedbackFalse?.trim()) out.push("needs both feedbackTrue and feedbackFalse");
      break;
    case "numeric":
      if (!d.answers[0]?.feedback?.trim() || !d.feedbackIncorrect?.trim()) out.push("needs feedbackCorrect and feedbackIncorrect");
      break;
    case "short":
      if (!d.answers[0]?.feedback?.trim() || !d.feedbackIncorrect?.trim()) out.push("needs feedbackCorrect and feedbackIncorrect");
      break;
    case "matching":
    case "ordering":
      if (!d.feedback?.trim()) out.push("needs feedback");
      break;
  }
  return out;
}

const normStem = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export function checkBundle(b: CourseBundle, opts: { presetIds?: Set<string> } = {}): Problem[] {
  const problems: Problem[] = [];
  const glossary = new Set<string>();
  for (const g of b.glossary) {
    if (glossary.has(g.slug)) problems.push({ file: "glossary", message: `term "${g.slug}" is defined twice` });
    glossary.add(g.slug);
  }
  const lessonSlugs = new Set<string>();
  const objectives = new Map<string, { file: string; count: number }>();
  const itemKeys = new Set<string>();
  const stems = new Map<string, string>();
  const usedFigures = new Set<string>();

  for (const m of b.modules) {
    const modFile = `modules/${m.dir}/module.yaml`;
    if (!m.meta.references.length) problems.push({ file: modFile, message: "has no references" });
    for (const l of m.lessons) {
      const file = `modules/${m.dir}/${l.file}`;
      if (lessonSlugs.has(l.front.slug)) problems.push({ file, message: `lesson slug "${l.front.slug}" is used twice` });
      lessonSlugs.add(l.front.slug);
      if (l.front.objectives.length < 2) problems.push({ file, message: "needs at least two learning objectives" });
      for (const o of l.front.objectives) {
        if (objectives.has(o.key)) problems.push({ file, message: `objective key "${o.key}" is used twice` });
        objectives.set(o.key, { file, count: 0 });
      }
      const words = countWords(l.body);
      if (words < WORDS_MIN) problems.push({ file, message: `has ${words} words, below the minimum of ${WORDS_MIN}` });
      if (words > WORDS_MAX) problems.push({ file, message: `has ${words} words, above the maximum of ${WORDS_MAX}` });
      for (const slug of glossaryLinks(l.body)) if (!glossary.has(slug)) problems.push({ file, message: `glossary link [[${slug}]] does not resolve` });
      const figs = figureRefs(l.body);
      if (!figs.length) problems.push({ file, message: "has no figure" });
      for (const f of figs) {
        usedFigures.add(f.name);
        if (f.alt.length < 20) problems.push({ file, message: `figure ${f.name} needs a text description (alt text of 20+ characters)` });
        if (b.figures[f.name] === undefined) problems.push({ file, message: `figure ${f.name} does not exist` });
      }
    }
    const caseKeys = new Set(m.cases.map((c) => c.key));
    const caseSteps = new Map<string, number>();
    for (const it of m.items) {
      const file = `modules/${m.dir}/items.yaml`;
      const label = `item ${it.key}`;
      if (itemKeys.has(it.key)) problems.push({ file, message: `${label}: key is used twice` });
      itemKeys.add(it.key);
      for (const p of itemFeedbackProblems(it)) problems.push({ file, message: `${label} ${p}` });
      if (!it.objective) problems.push({ file, message: `${label} has no objective` });
      if (!it.topic || !it.level) problems.push({ file, message: `${label} needs a topic and a level` });
      for (const slug of glossaryLinks(`${it.stem}\n${it.explanation}`)) if (!glossary.has(slug)) problems.push({ file, message: `${label}: glossary link [[${slug}]] does not resolve` });
      if (it.caseKey) {
        if (!caseKeys.has(it.caseKey)) problems.push({ file, message: `${label}: case "${it.caseKey}" is not defined in this module` });
        caseSteps.set(it.caseKey, (caseSteps.get(it.caseKey) ?? 0) + 1);
      }
      const s = normStem(it.stem);
      if (stems.has(s)) problems.push({ file, message: `${label} has the same stem as ${stems.get(s)}` });
      stems.set(s, it.key);
    }
    for (const c of m.cases) if ((caseSteps.get(c.key) ?? 0) < 2) problems.push({ file: `modules/${m.dir}/items.yaml`, message: `case "${c.key}" needs at least two steps` });
  }
  for (const m of b.modules)
    for (const l of m.lessons)
      for (const a of l.front.activities ?? []) {
        if (!objectives.has(a.objective)) problems.push({ file: `modules/${m.dir}/${l.file}`, message: `activity ${a.key}: objective "${a.objective}" does not exist` });
        if (opts.presetIds && !opts.presetIds.has(a.preset)) problems.push({ file: `modules/${m.dir}/${l.file}`, message: `activity ${a.key}: preset "${a.preset}" does not exist` });
      }
  // Objective coverage needs every module's items, so it runs after the loop.
  for (const m of b.modules)
    for (const it of m.items) {
      if (!it.objective) continue;
      const o = objectives.get(it.objective);
      if (!o) problems.push({ file: `modules/${m.dir}/items.yaml`, message: `item ${it.key}: objective "${it.objective}" does not exist` });
      else o.count++;
    }
  for (const [key, o] of objectives) if (o.count < 2) problems.push({ file: o.file, message: `objective "${key}" is assessed by ${o.count} item(s); at least 2 are needed` });
  for (const m of b.modules)
    for (const l of m.lessons) {
      const keys = new Set(l.front.objectives.map((o) => o.key));
      if (!m.items.some((it) => it.check && it.objective && keys.has(it.objective)))
        problems.push({ file: `modules/${m.dir}/${l.file}`, message: "has no check-for-understanding item (check: true)" });
    }
  for (const [name, content] of Object.entries(b.figures)) {
    if (name.endsWith(".svg")) {
      for (const p of svgProblems(content)) problems.push({ file: `figures/${name}`, message: p });
      if (content.length > 20_000) problems.push({ file: `figures/${name}`, message: "is larger than 20 KB" });
    } else {
      // Uploaded raster images travel in archives as data URLs.
      const parsed = parseDataUrl(content);
      if (!parsed || !detectImageType(new Uint8Array(parsed.bytes))) problems.push({ file: `figures/${name}`, message: "is not a PNG, JPEG, GIF or WebP image" });
    }
  }
  return problems;
}

export interface CourseStats {
  modules: number;
  lessons: number;
  items: number;
  byType: Record<string, number>;
  byLevel: Record<string, number>;
  applyOrAnalyseShare: number;
  cases: number;
  glossaryTerms: number;
  objectives: number;
  wordsPerLesson: { min: number; max: number; mean: number };
}

export function courseStats(b: CourseBundle): CourseStats {
  const items = b.modules.flatMap((m) => m.items);
  const lessons = b.modules.flatMap((m) => m.lessons);
  const count = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});
  const words = lessons.map((l) => countWords(l.body));
  const byLevel = count(items.map((i) => i.level ?? "none"));
  return {
    modules: b.modules.length,
    lessons: lessons.length,
    items: items.length,
    byType: count(items.map((i) => i.data.type)),
    byLevel,
    applyOrAnalyseShare: items.length ? ((byLevel.apply ?? 0) + (byLevel.analyse ?? 0)) / items.length : 0,
    cases: b.modules.reduce((n, m) => n + m.cases.length, 0),
    glossaryTerms: b.glossary.length,
    objectives: lessons.reduce((n, l) => n + l.front.objectives.length, 0),
    wordsPerLesson: { min: Math.min(...words), max: Math.max(...words), mean: Math.round(words.reduce((a, c) => a + c, 0) / (words.length || 1)) },
  };
}
