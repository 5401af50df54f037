// The course's lessons render exactly as before the input guards (guard.ts, math budget) were added,
// apart from the "h-" prefix of heading ids. The hashes were first taken from the renderer before the
// change on the 34 original lessons (the guarded renderer matched them all); when the course content
// changes (new and corrected lessons), they are retaken from the current renderer, which keeps this a
// regression check of the renderer on the whole course.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCourseFiles } from "../content/bundle";
import { readCourseFolder } from "../content/read-folder";
import { guardMarkdown } from "./guard";
import { renderMarkdown } from "./render";

const before = JSON.parse(readFileSync(path.join(__dirname, "fixtures", "corpus-render.sha256.json"), "utf8")) as Record<string, { html: string; toc: string }>;
const { bundle } = parseCourseFiles(readCourseFolder(path.resolve("content/paracrine")));
const glossary = Object.fromEntries(bundle!.glossary.map((g) => [g.slug, { term: g.term, definition: g.definition }]));
const lessons = bundle!.modules.flatMap((m) => m.lessons.map((l) => ({ name: `${m.dir}/${l.file}`, body: l.body })));
/**
 * The intended differences, undone: heading ids gain "h-"; footnote ids lose the second "user-content-"
 * the sanitiser used to add (which broke their links), and the footnotes' heading keeps "footnote-label".
 */
const asBefore = (html: string) =>
  html
    .replace(/<(h[23]) id="h-/g, '<$1 id="')
    .replace(/ id="user-content-/g, ' id="user-content-user-content-')
    .replace(/aria-describedby="footnote-label"/g, 'aria-describedby="user-content-footnote-label"')
    .replace('<h2 class="sr-only" id="footnote-label">', '<h2 class="sr-only" id="footnotes">');
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("the course's lessons", () => {
  it("are all there", () => {
    expect(lessons.length).toBeGreaterThanOrEqual(34);
    expect(Object.keys(before).sort()).toEqual(lessons.map((l) => l.name).sort());
  });

  it("reach no limit of the guard", () => {
    for (const l of lessons) expect(guardMarkdown(l.body), l.name).toEqual({ text: l.body, warnings: [] });
  });

  it.each(lessons)("$name renders as before, with prefixed heading ids", ({ name, body }) => {
    const r = renderMarkdown(body, { glossary, glossaryHref: "/courses/c/glossary", figureUrl: (n) => `/assets/c/${n}` });
    expect(r.warnings).toEqual([]);
    expect(r.toc.every((t) => t.id.startsWith("h-") || t.id === "footnote-label")).toBe(true);
    expect(sha(asBefore(r.html)), name).toBe(before[name].html);
    const toc = r.toc.map((t) => ({ ...t, id: t.id === "footnote-label" ? "footnotes" : t.id.slice(2) }));
    expect(sha(JSON.stringify(toc)), name).toBe(before[name].toc);
  });
});
