import { describe, expect, it } from "vitest";
import { renderMarkdown, renderRichText, sanitizeHtml } from "./render";

describe("renderMarkdown", () => {
  it("drops raw HTML, scripts and javascript: links", () => {
    const { html } = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain("Hello");
  });

  it("renders GFM tables and KaTeX math", () => {
    const { html } = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n\nThe decay length $\\lambda = \\sqrt{D/k}$.\n\n$$C(x) = C_0 e^{-x/\\lambda}$$");
    expect(html).toContain("<table>");
    expect(html).toContain('class="katex"');
    expect(html).toContain("katex-display");
  });

  it("links glossary terms with their definition, and falls back to text for unknown terms", () => {
    const { html } = renderMarkdown("A [[decay-length]] and [[decay-length|range]] and [[nope]].", {
      glossary: { "decay-length": { term: "Decay length", definition: "Distance for an e-fold fall." } },
      glossaryHref: "/courses/c/glossary",
    });
    expect(html).toContain('<a href="/courses/c/glossary#term-decay-length" title="Distance for an e-fold fall." class="glossary-term">Decay length</a>');
    expect(html).toContain(">range</a>");
    expect(html).toContain("and nope.");
  });

  it("turns callout fences into labelled asides with Markdown inside", () => {
    const { html } = renderMarkdown("```callout clinical\n**Clinical relevance.** Anti-TNF $x$.\n```");
    expect(html).toMatch(/<aside class="callout callout-clinical" aria-label="Clinical relevance">/);
    expect(html).toContain("<strong>Clinical relevance.</strong>");
    expect(html).toContain("katex");
  });

  it("links footnotes cited inside a callout", () => {
    const { html } = renderMarkdown("```callout note\nA claim.[^1]\n```\n\nText.\n\n[^1]: Kicheva A, et al. Science. 2007.");
    expect(html).toMatch(/<aside[^>]*>[\s\S]*<sup><a href="#user-content-fn-1"/);
    expect(html).toContain("Kicheva A, et al. Science. 2007.");
    expect(html).not.toContain("[^1]");
  });

  it("makes figures with the description as alt text and a numbered caption", () => {
    const { html } = renderMarkdown("![An exponential gradient falling from the source](figures/m03-gradient.svg)", { figureUrl: (n) => `/assets/c1/${n}` });
    expect(html).toContain('<img src="/assets/c1/m03-gradient.svg" alt="An exponential gradient falling from the source" loading="lazy">');
    expect(html).toContain("Figure 1.");
    expect(html).toContain("<figure>");
  });

  it("builds a table of contents from h2 and h3 headings with unique, prefixed ids", () => {
    const { html, toc } = renderMarkdown("## Release\n\n### Vesicles\n\n## Release");
    expect(toc).toEqual([
      { id: "h-release", text: "Release", depth: 2 },
      { id: "h-vesicles", text: "Vesicles", depth: 3 },
      { id: "h-release-1", text: "Release", depth: 2 },
    ]);
    expect(html).toContain('<h2 id="h-release">');
  });

  it("never gives a heading the id of a page global (DOM named access)", () => {
    const { html, toc } = renderMarkdown("## __next_f\n\n### location\n\n## document");
    expect(toc.map((t) => t.id)).toEqual(["h-__next_f", "h-location", "h-document"]);
    expect(html).not.toMatch(/id="(__next_f|location|document)"/);
  });

  it("links footnote calls to their notes and back, and the calls to the notes' heading", () => {
    const { html, toc } = renderMarkdown("## Intro\n\nA claim.[^k]\n\n[^k]: Kicheva 2007.");
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(["user-content-fn-k", "user-content-fnref-k"]);
    for (const t of targets) expect(ids).toContain(t);
    expect(ids).toContain(/aria-describedby="([^"]+)"/.exec(html)![1]);
    for (const t of toc) expect(ids).toContain(t.id);
  });

  it("does not let authors inject ids or classes", () => {
    const { html } = renderMarkdown('<div id="x" class="evil">t</div>');
    expect(html).not.toContain("evil");
  });
});

describe("sanitizeHtml and renderRichText", () => {
  it("keeps safe HTML and strips dangerous parts", () => {
    const out = sanitizeHtml('<p onclick="x()">Hi <b>there</b><iframe src="https://e.vil"></iframe></p>');
    expect(out).toBe("<p>Hi <b>there</b></p>");
  });
  it("strips scripts, event handlers, javascript: URLs and author ids from author HTML", () => {
    const out = renderRichText(
      '<script>alert(1)</script><img src="https://x.org/a.png" onerror="alert(2)"><a href="javascript:alert(3)" onmouseover="x()">link</a>' +
        '<svg><script>alert(4)</script></svg><p id="__next_f" style="color:red">t</p><a href="JAVASCRIPT:alert(5)">u</a>',
      "html",
    );
    expect(out).not.toMatch(/<script|alert|onerror|onmouseover|javascript:|style=|<svg/i);
    expect(out).not.toContain('id="__next_f"');
    expect(out).toContain("link");
  });
  it("escapes plain text", () => {
    expect(renderRichText("<b>a</b>\nb", "plain")).toBe("&lt;b&gt;a&lt;/b&gt;<br>b");
  });
});
