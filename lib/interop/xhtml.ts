// Item text (Markdown, HTML or plain) to an XHTML fragment that can sit inside QTI XML. Markdown goes
// through the same parser as the platform (GFM + math) and the same allow-list sanitiser, then a
// small serialiser of our own writes XML (self-closed voids, escaped text and attributes), because an
// HTML serialiser may write markup that is not well-formed XML. Math stays as TeX text between $ signs;
// glossary links become their label; images are dropped and reported.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeParse from "rehype-parse";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import type { Root, RootContent, Element, Properties } from "hast";
import { esc, escAttr } from "./xml";

export type TextFormat = "markdown" | "html" | "plain";

export interface XhtmlResult {
  xhtml: string;
  /** What could not be carried over (e.g. "an image"). */
  lost: string[];
}

const VOID = new Set(["br", "hr", "img", "input", "col", "area", "wbr"]);

function attrName(prop: string): string {
  if (prop === "className") return "class";
  if (prop === "htmlFor") return "for";
  if (/^(aria|data)[A-Z]/.test(prop)) return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return prop.toLowerCase();
}

function serializeProps(p: Properties | undefined): string {
  let out = "";
  for (const [k, v] of Object.entries(p ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    const value = v === true ? attrName(k) : Array.isArray(v) ? v.join(" ") : String(v);
    out += ` ${attrName(k)}="${escAttr(value)}"`;
  }
  return out;
}

function isMath(e: Element): "inline" | "display" | null {
  if (e.tagName !== "code") return null;
  const cls = ([] as unknown[]).concat(e.properties?.className ?? []).map(String);
  if (!cls.includes("language-math")) return null;
  return cls.includes("math-display") ? "display" : "inline";
}

function serialize(nodes: RootContent[], lost: string[]): string {
  let out = "";
  for (const n of nodes) {
    if (n.type === "text") out += esc(n.value);
    else if (n.type === "element") {
      if (n.tagName === "img") {
        lost.push("an image");
        continue;
      }
      // <pre><code class="language-math"> is display math; both kinds become TeX between dollars.
      const only = n.tagName === "pre" && n.children.length === 1 && n.children[0].type === "element" ? (n.children[0] as Element) : null;
      if (only && isMath(only)) {
        out += `<p class="math-display">${esc(`$$${textContent(only)}$$`)}</p>`;
        continue;
      }
      const m = isMath(n);
      if (m) {
        out += `<span class="math">${esc(m === "display" ? `$$${textContent(n)}$$` : `$${textContent(n)}$`)}</span>`;
        continue;
      }
      const inner = serialize(n.children as RootContent[], lost);
      out += VOID.has(n.tagName) ? `<${n.tagName}${serializeProps(n.properties)}/>` : `<${n.tagName}${serializeProps(n.properties)}>${inner}</${n.tagName}>`;
    }
    // Comments, doctypes and raw nodes are dropped: the sanitiser already removed anything unsafe.
  }
  return out;
}

function textContent(n: RootContent | Root): string {
  if (n.type === "text") return n.value;
  if ("children" in n) return (n.children as RootContent[]).map(textContent).join("");
  return "";
}

const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: "",
  attributes: { ...defaultSchema.attributes, code: [["className", "language-math", "math-inline", "math-display"]] },
};

export interface GlossaryNames {
  [slug: string]: string;
}

/** [[slug]] and [[slug|text]] become plain text: a QTI item has no glossary to link to. */
export function glossaryToText(md: string, glossary: GlossaryNames = {}): string {
  return md.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, slug: string, label?: string) => label?.trim() || glossary[slug.trim()] || slug.trim().replace(/-/g, " "));
}

const displayMathLines = (md: string) => md.replace(/^[ \t]*\$\$([^\n]+?)\$\$[ \t]*$/gm, (_m, tex: string) => `$$\n${tex.trim()}\n$$`);

/** Renders item text as an XHTML fragment (block content when `block`, else inline content). */
export function toXhtml(text: string, format: TextFormat, opts: { glossary?: GlossaryNames; block?: boolean } = {}): XhtmlResult {
  const lost: string[] = [];
  if (format === "plain") return { xhtml: esc(text).replace(/\n/g, "<br/>"), lost };
  let tree: Root;
  if (format === "html") {
    const p = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, sanitizeSchema);
    tree = p.runSync(p.parse(text)) as Root;
  } else {
    const p = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeSanitize, sanitizeSchema);
    tree = p.runSync(p.parse(displayMathLines(glossaryToText(text, opts.glossary)))) as Root;
  }
  let nodes = tree.children.filter((c) => !(c.type === "text" && !c.value.trim()));
  // A single paragraph in an inline context (an option, a match) is unwrapped.
  if (!opts.block && nodes.length === 1 && nodes[0].type === "element" && nodes[0].tagName === "p") nodes = nodes[0].children as RootContent[];
  return { xhtml: serialize(nodes, lost), lost };
}
