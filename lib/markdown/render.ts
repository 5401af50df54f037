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
import { guardMarkdown, MARKDOWN_LIMITS } from "./guard";

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
  /** Limits the text reached (see guard.ts and MATH_LIMITS), in words for its author; usually empty. */
  warnings: string[];
}

/** KaTeX work per text: each formula costs about a millisecond, deep nesting much more. */
export const MATH_LIMITS = {
  /** Formulas rendered with KaTeX in one text; the rest are shown as their TeX source. */
  maxFormulas: 200,
  /** Characters of TeX in one formula. */
  maxTexChars: 4_000,
  /** Nesting of { }, \left \right and \begin \end in one formula. */
  maxTexDepth: 12,
} as const;

/** Prefix of the ids we generate for headings, so that no heading can take the id of a page global. */
export const HEADING_ID_PREFIX = "h-";

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

// Bounded repetitions: with unbounded ones every "[[" rescans the rest of the text (quadratic on "[[[[...").
const GLOSSARY_LINK = /\[\[([^\]|]{1,200})(?:\|([^\]]{1,500}))?\]\]/g;

// Markdown cannot carry raw HTML here (it is dropped), so the only ids in the tree are remark-rehype's
// footnote ids, already prefixed "user-content-" together with their links. Prefixing them a second time
// (the sanitiser's default) broke every footnote link and the footnote-label reference; headings get
// their own prefix below. Author HTML (sanitizeHtml) keeps the default clobbering.
const markdownSchema: SanitizeSchema = { ...schema, clobberPrefix: "" };

/** [[slug]] and [[slug|text]] become links to the glossary, with the definition as a tooltip. */
const remarkGlossary: Plugin<[RenderOptions], MdRoot> = (opts) => (tree) => {
  visit(tree, "text", (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes("[[")) return;
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const m of node.value.matchAll(GLOSSARY_LINK)) {
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

/** Normalises a footnote label as micromark does for matching a call to its definition. */
const footnoteLabel = (label: string) => label.replace(/[\t\n\r ]+/g, " ").trim().toLowerCase().toUpperCase();

/** ```callout clinical fences become <aside class="callout callout-clinical"> with Markdown inside. */
const remarkCallouts: Plugin<[string[]], MdRoot> = function (warnings) {
  return (tree, file) => {
    // Footnote calls inside a callout only parse when their definitions are in the same text, so the
    // definitions it cites are appended for parsing and dropped again from the callout. Only the cited
    // ones: appending all of them to every callout is quadratic in callouts x definitions.
    let definitions: Map<string, string> | null = null;
    visit(tree, "code", (node: Code, index, parent) => {
      if (!parent || index === undefined || node.lang !== "callout") return;
      if (!definitions) {
        definitions = new Map();
        for (const line of String(file.value).split("\n")) {
          const m = /^\[\^([^\]\n]{1,200})\]:/.exec(line);
          if (m && !definitions.has(footnoteLabel(m[1]))) definitions.set(footnoteLabel(m[1]), line);
        }
      }
      const cited = new Set<string>();
      for (const m of node.value.matchAll(/\[\^([^\]\n]{1,200})\]/g)) {
        const line = definitions.get(footnoteLabel(m[1]));
        if (line !== undefined) cited.add(line);
      }
      const kind = CALLOUT_KINDS.has((node.meta ?? "").trim()) ? (node.meta ?? "").trim() : "note";
      // The fence's content skipped the document's guard (it was code then); it is Markdown now.
      const guarded = guardMarkdown(node.value);
      warnings.push(...guarded.warnings);
      const inner = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(`${guarded.text}\n\n${[...cited].join("\n")}`) as MdRoot;
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
      // The footnotes' heading keeps the id that the footnote calls' aria-describedby points to.
      if (typeof node.properties?.id === "string" && node.properties.id) {
        toc.push({ id: node.properties.id, text, depth: node.tagName === "h2" ? 2 : 3 });
        return;
      }
      // Prefixed: a heading "__next_f" or "location" must not become a DOM named property of window.
      const id = `${HEADING_ID_PREFIX}${slugger.slug(text) || "section"}`;
      node.properties = { ...node.properties, id };
      toc.push({ id, text, depth: node.tagName === "h2" ? 2 : 3 });
    });
  };
}

const mathClasses = (node: Element) => {
  const c = node.properties?.className;
  return Array.isArray(c) && (c.includes("language-math") || c.includes("math-inline") || c.includes("math-display"));
};

/** Nesting depth of a TeX formula: braces, \left..\right and \begin..\end. Linear. */
export function texDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === "\\") {
      const word = /^[a-zA-Z]*/.exec(tex.slice(i + 1, i + 7))![0];
      if (word === "left" || word === "begin") max = Math.max(max, ++depth);
      else if (word === "right" || word === "end") depth--;
      i += Math.max(word.length, 1);
    } else if (c === "{") max = Math.max(max, ++depth);
    else if (c === "}") depth--;
  }
  return max;
}

/**
 * Runs before KaTeX: formulas past the budget (count, length, nesting) lose their math classes and show
 * as their TeX source in code, so KaTeX never sees them. KaTeX's own maxExpand bounds macro expansion.
 */
function rehypeMathBudget(warnings: string[]) {
  return () => (tree: HastRoot) => {
    let count = 0;
    let refused = 0;
    visit(tree, "element", (node: Element) => {
      if (!mathClasses(node)) return;
      count++;
      const tex = hastToString(node);
      if (count > MATH_LIMITS.maxFormulas || tex.length > MATH_LIMITS.maxTexChars || texDepth(tex) > MATH_LIMITS.maxTexDepth) {
        delete node.properties.className;
        refused++;
      }
      return SKIP;
    });
    if (refused)
      warnings.push(
        `${refused} formula(s) are shown as TeX source: a text may have ${MATH_LIMITS.maxFormulas} formulas of at most ${MATH_LIMITS.maxTexChars} characters, nested at most ${MATH_LIMITS.maxTexDepth} deep.`,
      );
  };
}

function processor(opts: RenderOptions, toc: TocEntry[], warnings: string[]) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkCallouts, warnings)
    .use(remarkGlossary, opts)
    .use(remarkFigures, opts)
    .use(remarkRehype)
    .use(rehypeSanitize, markdownSchema)
    .use(rehypeMathBudget(warnings))
    // maxExpand bounds macro expansion (\def loops); maxSize caps user sizes such as \rule{1e6em}.
    .use(rehypeKatex, { strict: false, output: "htmlAndMathml", maxExpand: 500, maxSize: 50 })
    .use(rehypeHeadingIds(toc))
    .use(rehypeStringify);
}

/** "$$ x $$" alone on a line is display math (remark-math would read it as inline). */
const displayMathLines = (md: string) => md.replace(/^[ \t]*\$\$([^\n]+?)\$\$[ \t]*$/gm, (_m, tex: string) => `$$\n${tex.trim()}\n$$`);

/** The limits a draft reached, as HTML to put above its preview (the messages are ours; escaped anyway). */
export const renderWarningsHtml = (warnings: string[]) =>
  warnings.map((w) => `<p class="render-limit" role="note">${renderRichText(w, "plain")}</p>`).join("\n");

/** The HTML shown in place of a text that cannot be rendered, with the reason. */
export const renderLimitNotice = (text: string) => `<p class="render-limit" role="note"><strong>This text cannot be shown.</strong> ${text}</p>`;

/**
 * Markdown to sanitised HTML. Bounded on any input: over MARKDOWN_LIMITS.maxChars the text is refused,
 * guard.ts escapes the constructs that make micromark super-linear, and MATH_LIMITS bound KaTeX.
 */
export function renderMarkdown(markdown: string, opts: RenderOptions = {}): Rendered {
  if (markdown.length > MARKDOWN_LIMITS.maxChars) {
    const why = `It has ${markdown.length.toLocaleString("en")} characters; at most ${MARKDOWN_LIMITS.maxChars.toLocaleString("en")} can be rendered.`;
    return { html: renderLimitNotice(why), toc: [], warnings: [why] };
  }
  const toc: TocEntry[] = [];
  const guarded = guardMarkdown(markdown);
  const warnings = [...guarded.warnings];
  try {
    const html = String(processor(opts, toc, warnings).processSync(displayMathLines(guarded.text)));
    return { html, toc, warnings };
  } catch (e) {
    // Recursion past the stack in a plugin (deep trees that slip past the guard): refuse, do not crash.
    if (!(e instanceof RangeError)) throw e;
    const why = "It is nested too deeply to render; simplify its nesting of quotes, lists or formulas.";
    return { html: renderLimitNotice(why), toc: [], warnings: [why] };
  }
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
