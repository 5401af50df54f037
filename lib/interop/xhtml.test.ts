import { describe, expect, it } from "vitest";
import { itemSchema } from "@/lib/items/schema";
import { itemToQti } from "./qti-export";
import { qtiToItem } from "./qti-import";
import { glossaryToText, toXhtml } from "./xhtml";
import { parseXml, textOf } from "./xml";

const wellFormed = (xhtml: string) => parseXml(`<div>${xhtml}</div>`, "fragment");

describe("toXhtml", () => {
  it("writes well-formed XHTML: void elements closed, text and attributes escaped", () => {
    const { xhtml } = toXhtml('Line one  \nline two & <b>"x"</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n[link](https://example.org/?a=1&b=2 "t<i>")', "markdown", { block: true });
    expect(xhtml).toContain("<br/>");
    expect(xhtml).toContain("<hr/>");
    expect(xhtml).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(() => wellFormed(xhtml)).not.toThrow();
  });

  it("drops raw HTML, scripts and unsafe links", () => {
    const { xhtml } = toXhtml('<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))', "markdown");
    expect(xhtml).not.toMatch(/<script|onerror|javascript:/i);
    const html = toXhtml('<p onclick="x()">Hi<script>bad()</script></p>', "html").xhtml;
    expect(html).toBe("Hi");
  });

  it("keeps math as TeX text and glossary links as their label", () => {
    const { xhtml } = toXhtml("Decay length [[decay-length]] is $\\lambda = \\sqrt{D/k}$, see [[x-y|the term]].", "markdown", { glossary: { "decay-length": "Decay length" } });
    const root = wellFormed(xhtml);
    expect(textOf(root)).toBe("Decay length Decay length is $\\lambda = \\sqrt{D/k}$, see the term.");
    expect(xhtml).toContain('<span class="math">$\\lambda = \\sqrt{D/k}$</span>');
    expect(toXhtml("$$\nx^2\n$$", "markdown", { block: true }).xhtml).toBe('<p class="math-display">$$x^2$$</p>');
    expect(glossaryToText("[[heparan-sulfate]]")).toBe("heparan sulfate");
  });

  it("reports images it cannot carry", () => {
    expect(toXhtml("![A gradient](figures/m03.svg)", "markdown").lost).toEqual(["an image"]);
  });

  it("escapes plain text and keeps its line breaks", () => {
    expect(toXhtml("a < b\nc", "plain").xhtml).toBe("a &lt; b<br/>c");
  });
});

describe("item text formats through QTI", () => {
  it("brings an HTML stem back as HTML, unchanged", () => {
    const item = itemSchema.parse({
      key: "html-1",
      stem: "<p>Which is <em>paracrine</em>?</p>",
      stemFormat: "html",
      explanation: "Because **short range**.",
      data: { type: "truefalse", answer: true, feedbackTrue: "Yes.", feedbackFalse: "No." },
    });
    const xml = itemToQti(item).xml;
    expect(xml).toContain("<em>paracrine</em>");
    expect(qtiToItem(xml, "html-1.xml")).toEqual(item);
  });
});
