// Renders untrusted Markdown (lessons, item stems, feedback written by instructors) to safe HTML.
// The order matters: Markdown → HAST → sanitise (allow-list) → KaTeX and heading ids, which add only
// markup we generate ourselves. Raw HTML in the Markdown is dropped, never passed through.
import { unified, type Plugin } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import rehypeParse from "rehype-parse";
import { visit, SKIP } from "unist-util-visit";
import GithubSlugger from "github-slugger";
import { toString as hastToString } from "hast-util-to-string";
import type { Root as MdRoot, RootContent, PhrasingContent, Text, Code, Paragraph, Image } from "mdast";
import type { Root as HastRoot, Element } from "hast";

export interface GlossaryLookup {
  [slug: string]: { term: string; definition: string };
}

export interface RenderOptions {
  glossary?: GlossaryLookup;
  /** Where glossary links point, e.g. "/courses/x/glossary"; the slug becomes the fragment. */
  glossaryHref?: string;
  /** Maps a figure file name ("m03-gradient.svg") to its URL; figures without a URL are dropped. */
  figureUrl?: (name: string) => string | null;
}

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface Rendered {
  html: string;
  toc: TocEntry[];
}

const CALLOUT_KINDS = new Set(["clinical", "note", "key", "warning"]);
const CALLOUT_TITLES: Record<string, string> = { clinical: "Clinical relevance", note: "Note", key: "Key idea", warning: "Caution" };

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption", "aside"],
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []).filter((a) => !(Array.isArray(a) && a[0] === "className")), ["className", "glossary-term", "data-footnote-backref"], "title"],
    code: [["className", "language-math", "math-inline", "math-display"]],
    aside: [["className", "callout", "callout-clinical", "callout-note", "callout-key", "callout-warning"], "ariaLabel"],
    img: ["src", "alt", "title", "loading", "width", "height"],
    figcaption: ["ariaHidden"],
  },
  protocols: { ...defaultSchema.protocols, src: ["http", "https"], href: ["http", "https", "mailto"] },
};

/** [[slug]] and [[slug|text]] become links to the glossary, with the definition as a tooltip. */
const remarkGlossary: Plugin<[RenderOptions], MdRoot> = (opts) => (tree) => {
  visit(tree, "text", (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes("[[")) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g)) {
      const slug = m[1].trim();
      const entry = opts.glossary?.[slug];
      if (m.index > last) parts.push({ type: "text", value: node.value.slice(last, m.index) });
      const label = m[2]?.trim() || entry?.term || slug.replace(/-/g, " ");
      if (entry && opts.glossaryHref) {
        parts.push({
          type: "link",
          url: `${opts.glossaryHref}#term-${slug}`,
          title: entry.definition,
          children: [{ type: "text", value: label }],
          data: { hProperties: { className: ["glossary-term"] } },
        });
      } else parts.push({ type: "text", value: label });
      last = m.index + m[0].length;
    }
    if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
    parent.children.splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
};

/** ```callout clinical fences become <aside class="callout callout-clinical"> with Markdown inside. */
const remarkCallouts: Plugin<[], MdRoot> = function () {
  return (tree, file) => {
    // Footnote calls inside a callout only parse when their definitions are in the same text, so the
    // document's definitions are appended for parsing and dropped again from the callout.
    const definitions = (String(file.value).match(/^\[\^[^\]]+\]:.*$/gm) ?? []).join("\n");
    visit(tree, "code", (node: Code, index, parent) => {
      if (!parent || index === undefined || node.lang !== "callout") return;
      const kind = CALLOUT_KINDS.has((node.meta ?? "").trim()) ? (node.meta ?? "").trim() : "note";
      const inner = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(`${node.value}\n\n${definitions}`) as MdRoot;
      parent.children[index] = {
        type: "blockquote",
        children: inner.children.filter((c) => c.type !== "footnoteDefinition") as never,
        data: { hName: "aside", hProperties: { className: ["callout", `callout-${kind}`], ariaLabel: CALLOUT_TITLES[kind] } },
      } as RootContent;
    });
  };
};

/** A paragraph that holds only an image becomes a figure; the alt text is its description. */
const remarkFigures: Plugin<[RenderOptions], MdRoot> = (opts) => (tree) => {
  let n = 0;
  visit(tree, "paragraph", (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    const only = node.children.filter((c) => !(c.type === "text" && !c.value.trim()));
    if (only.length !== 1 || only[0].type !== "image") return;
    const img = only[0] as Image;
    const name = img.url.replace(/^\.?\/?figures\//, "");
    const url = img.url.startsWith("figures/") || img.url.startsWith("./figures/") ? opts.figureUrl?.(name) ?? null : null;
    if (!url) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    n += 1;
    parent.children[index] = {
      type: "paragraph",
      data: { hName: "figure" },
      children: [
        { type: "image", url, alt: img.alt, data: { hProperties: { loading: "lazy" } } } as Image,
        // The description is the image's alt text already; the visible caption repeats it for sighted readers only.
        { type: "text", value: "", data: { hName: "figcaption", hProperties: { ariaHidden: "true" }, hChildren: [{ type: "text", value: `Figure ${n}. ${img.alt ?? ""}` }] } } as never,
      ],
    } as Paragraph;
  });
};

/** Ids on h2/h3 for the table of contents, added after sanitising (we generate them). */
function rehypeHeadingIds(toc: TocEntry[]) {
  return () => (tree: HastRoot) => {
    const slugger = new GithubSlugger();
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const text = hastToString(node).trim();
      const id = slugger.slug(text) || "section";
      node.properties = { ...node.properties, id };
      toc.push({ id, text, depth: node.tagName === "h2" ? 2 : 3 });
    });
  };
}

function processor(opts: RenderOptions, toc: TocEntry[]) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkCallouts)
    .use(remarkGlossary, opts)
    .use(remarkFigures, opts)
    .use(remarkRehype)
    .use(rehypeSanitize, schema)
    .use(rehypeKatex, { strict: false, output: "htmlAndMathml" })
    .use(rehypeHeadingIds(toc))
    .use(rehypeStringify);
}

/** "$$ x $$" alone on a line is display math (remark-math would read it as inline). */
const displayMathLines = (md: string) => md.replace(/^[ \t]*\$\$([^\n]+?)\$\$[ \t]*$/gm, (_m, tex: string) => `$$\n${tex.trim()}\n$$`);

export function renderMarkdown(markdown: string, opts: RenderOptions = {}): Rendered {
  const toc: TocEntry[] = [];
  const html = String(processor(opts, toc).processSync(displayMathLines(markdown)));
  return { html, toc };
}

/** Sanitises HTML written by an author (GIFT [html] items). */
export function sanitizeHtml(html: string): string {
  return String(unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, schema).use(rehypeStringify).processSync(html));
}

/** Renders an item text in its format: Markdown, sanitised HTML or plain text. */
export function renderRichText(text: string, format: "markdown" | "html" | "plain" = "markdown", opts: RenderOptions = {}): string {
  if (format === "html") return sanitizeHtml(text);
  if (format === "plain") return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!).replace(/\n/g, "<br>");
  return renderMarkdown(text, opts).html;
}
