import { describe, expect, it } from "vitest";
import { guardMarkdown, MARKDOWN_LIMITS } from "./guard";
import { MATH_LIMITS, renderMarkdown, texDepth } from "./render";

const { maxDepth, maxDelimiterRuns, maxSetextHeadings, maxChars } = MARKDOWN_LIMITS;

/** Container markers that still open a container: those not preceded by the guard's backslash. */
const openMarkers = (line: string) => line.slice(0, line.indexOf("\\") < 0 ? line.length : line.indexOf("\\")).match(/>|[-*+]|\d+[.)]/g)?.length ?? 0;

describe("guardMarkdown: nesting", () => {
  it.each([
    ["> ", "> "],
    [">", ">"],
    ["- ", "- "],
    ["1. ", "1. "],
    ["* ", "+ "],
  ])("escapes the marker past depth %s on a line of %s and %s", (a, b) => {
    const line = `${(a + b).repeat(40)}x`;
    const { text, warnings } = guardMarkdown(line);
    expect(openMarkers(text)).toBe(maxDepth);
    expect(text.replace("\\", "")).toBe(line);
    expect(warnings).toEqual([expect.stringContaining(`deeper than ${maxDepth} levels`)]);
  });

  it("counts indentation: a list ladder stops opening levels past the limit", () => {
    const ladder = Array.from({ length: 30 }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n");
    const out = guardMarkdown(ladder).text.split("\n");
    expect(out.slice(0, maxDepth)).toEqual(ladder.split("\n").slice(0, maxDepth));
    for (const l of out.slice(maxDepth)) expect(l.trimStart()).toBe("\\- x");
  });

  it("leaves nesting up to the limit, thematic breaks and fenced code alone", () => {
    const ok = [`${"> ".repeat(maxDepth)}x`, "- - - - - - - - - - - - -", "* * * * * * * * * * * *", "```", "> ".repeat(30), "```", "    code"].join("\n");
    expect(guardMarkdown(ok)).toEqual({ text: ok, warnings: [] });
  });

  it("renders 200,000 nested quotes as one quote level per allowed depth, the rest as text", () => {
    const { html, warnings } = renderMarkdown(">".repeat(maxChars));
    expect(html.match(/<blockquote>/g)).toHaveLength(maxDepth);
    // The other 199,992 show as text.
    expect(html.replace(/<[^>]*>/g, "").match(/&#x3E;|&gt;|>/g)!.length).toBe(maxChars - maxDepth);
    expect(warnings).toHaveLength(1);
  });
});

describe("guardMarkdown: delimiter runs", () => {
  it(`escapes runs of * _ ~ past ${maxDelimiterRuns} in one paragraph`, () => {
    const { text } = guardMarkdown("*a_b~c".repeat(100));
    const plain = text.match(/(?<!\\)[*_~]/g) ?? [];
    expect(plain).toHaveLength(maxDelimiterRuns);
    expect(text.replace(/\\/g, "")).toBe("*a_b~c".repeat(100));
  });

  it("counts per paragraph, per list item and per table row, not per document", () => {
    const paragraphs = Array.from({ length: 20 }, () => "**bold** and _em_ and ~~gone~~").join("\n\n");
    const list = Array.from({ length: 100 }, () => "- **a** *b*").join("\n");
    const table = `| a | b |\n|---|---|\n${Array.from({ length: 100 }, () => "| **a** | *b* |").join("\n")}`;
    for (const t of [paragraphs, list, table]) expect(guardMarkdown(t).warnings).toEqual([]);
  });

  it("does not reset the count on lines that only look like rows or items inside a paragraph", () => {
    const fakeRows = `${"*a".repeat(40)}|\n|${"*a".repeat(40)}\n|-|-|\n|${"*a".repeat(40)}`;
    const fakeItems = `${"*a".repeat(40)}\n2. ${"*a".repeat(40)}\n-\n2. ${"*a".repeat(40)}`;
    for (const t of [fakeRows, fakeItems]) expect(guardMarkdown(t).warnings).toHaveLength(1);
  });

  it("keeps emphasis that is escaped already and code fences untouched", () => {
    const t = `${"\\*a".repeat(200)}\n\n\`\`\`\n${"*a".repeat(200)}\n\`\`\``;
    expect(guardMarkdown(t)).toEqual({ text: t, warnings: [] });
  });
});

describe("guardMarkdown: setext headings", () => {
  it(`escapes underlines past the ${maxSetextHeadings}th`, () => {
    const t = "a\n===\n".repeat(maxSetextHeadings + 10);
    const { text } = guardMarkdown(t);
    expect(text.match(/^===$/gm)).toHaveLength(maxSetextHeadings);
    expect(text.match(/^\\===$/gm)).toHaveLength(10);
  });
});

describe("renderMarkdown limits", () => {
  it("refuses a text over the size limit with a message instead of parsing it", () => {
    const r = renderMarkdown("a".repeat(maxChars + 1));
    expect(r.html).toContain("This text cannot be shown.");
    expect(r.html).toContain("at most 200,000");
    expect(renderMarkdown("a".repeat(maxChars)).html).toBe(`<p>${"a".repeat(maxChars)}</p>`);
  });

  it("shows formulas past the budget as TeX source instead of running KaTeX on them", () => {
    const deep = `$${"\\frac{".repeat(MATH_LIMITS.maxTexDepth + 1)}1${"}{2}".repeat(MATH_LIMITS.maxTexDepth + 1)}$`;
    const r = renderMarkdown(`Fine $x^2$ and deep ${deep}.`);
    expect(r.html.match(/class="katex"/g)).toHaveLength(1);
    expect(r.html).toContain("<code>\\frac{\\frac{");
    expect(r.warnings).toEqual([expect.stringContaining("1 formula(s) are shown as TeX source")]);
    const many = renderMarkdown("$a$ ".repeat(MATH_LIMITS.maxFormulas + 5));
    expect(many.html.match(/class="katex"/g)).toHaveLength(MATH_LIMITS.maxFormulas);
  });

  it("measures TeX nesting in braces, \\left and \\begin", () => {
    expect(texDepth("\\frac{a}{b}")).toBe(1);
    expect(texDepth("\\left( \\left[ x \\right] \\right)")).toBe(2);
    expect(texDepth("\\begin{matrix} {a} \\end{matrix}")).toBe(2);
    expect(texDepth("\\{ \\{ \\{")).toBe(0);
  });

  it("guards the Markdown inside callout fences too", () => {
    const r = renderMarkdown(`\`\`\`callout note\n${">".repeat(50)} x\n\`\`\``);
    expect(r.html.match(/<blockquote>/g)).toHaveLength(maxDepth);
    expect(r.warnings).toHaveLength(1);
  });

  it("appends to a callout only the footnote definitions it cites", () => {
    const defs = Array.from({ length: 50 }, (_, i) => `[^n${i}]: Note ${i}.`).join("\n");
    const r = renderMarkdown(`\`\`\`callout note\nA[^N3] and b[^n7].\n\`\`\`\n\n${defs}`);
    expect(r.html).toMatch(/<aside[^>]*>[\s\S]*href="#user-content-fn-n3"[\s\S]*<\/aside>/);
    expect(r.html).toMatch(/<aside[^>]*>[\s\S]*href="#user-content-fn-n7"[\s\S]*<\/aside>/);
    expect(r.html).not.toContain("[^");
  });
});
