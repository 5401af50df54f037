// Small XML helpers shared by the QTI and Common Cartridge code: escaping, a string builder that
// cannot produce unbalanced markup, reversible identifiers, and a parser configured so that an
// untrusted package cannot expand entities (no DOCTYPE at all, only the five predefined entities and
// numeric character references, decoded here). Pure: no file system.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export class InteropError extends Error {
  constructor(
    readonly code: "malformed" | "unsafe" | "too-large" | "unsupported",
    message: string,
  ) {
    super(message);
    this.name = "InteropError";
  }
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for an element or a double-quoted attribute. */
export function esc(s: string): string {
  // Characters XML 1.0 forbids are dropped rather than written as invalid references.
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Escapes an attribute value so its newlines and tabs survive attribute-value normalisation. */
export function escAttr(s: string): string {
  return esc(s).replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

function attrs(a: Attrs = {}): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escAttr(String(v))}"`)
    .join("");
}

/** An element whose children are already serialised XML strings. */
export function el(name: string, a: Attrs = {}, ...children: (string | false | null | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === "string" && c.length > 0).join("");
  return inner ? `<${name}${attrs(a)}>${inner}</${name}>` : `<${name}${attrs(a)}/>`;
}

/** An element with escaped text content. */
export function textEl(name: string, a: Attrs, text: string): string {
  return `<${name}${attrs(a)}>${esc(text)}</${name}>`;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * QTI and CP identifiers are NCName-like. A key that already is one (and does not start with the
 * escape prefix) is used as is, so exported identifiers stay readable; anything else is hex-encoded
 * after "x_" so that the original key comes back exactly on import.
 */
export function toIdentifier(key: string): string {
  if (NCNAME.test(key) && !key.startsWith("x_")) return key;
  return "x_" + Array.from(new TextEncoder().encode(key), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function fromIdentifier(id: string): string {
  if (!id.startsWith("x_")) return id;
  const hex = id.slice(2);
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return id;
  return new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
}

// ------------------------------------------------------------------ parsing

/** A parsed element in document order (fast-xml-parser's preserveOrder shape, made explicit). */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** For text nodes (name "#text"). */
  text?: string;
}

/** Decodes the predefined entities and numeric references; any other entity is refused. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, ref: string) => {
    if (ref[0] === "#") {
      const cp = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new InteropError("malformed", `invalid character reference ${m}`);
      return String.fromCodePoint(cp);
    }
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (!(ref in named)) throw new InteropError("unsafe", `undeclared entity ${m} (entities are not processed)`);
    return named[ref];
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function convert(raw: RawNode[]): XNode[] {
  const out: XNode[] = [];
  for (const n of raw) {
    const name = Object.keys(n).find((k) => k !== ":@")!;
    if (name === "#text") {
      out.push({ name, attrs: {}, children: [], text: decodeEntities(String(n[name])) });
      continue;
    }
    const a: Record<string, string> = {};
    for (const [k, v] of Object.entries(n[":@"] ?? {})) a[k] = decodeEntities(String(v));
    out.push({ name, attrs: a, children: convert((n[name] as RawNode[]) ?? []) });
  }
  return out;
}

/**
 * Parses an XML document from an untrusted package. A DOCTYPE is refused outright: QTI and CC
 * documents never need one, and refusing it is what rules out entity-expansion attacks.
 */
export function parseXml(text: string, file: string): XNode {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text))
    throw new InteropError("unsafe", `${file}: DOCTYPE and entity declarations are not allowed`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InteropError("malformed", `${file}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const roots = convert(parser.parse(text) as RawNode[]).filter((n) => n.name !== "#text" && !n.name.startsWith("?"));
  if (roots.length !== 1) throw new InteropError("malformed", `${file}: expected one root element`);
  return roots[0];
}

/** The element's local name (prefix dropped). */
export const local = (n: XNode) => n.name.slice(n.name.indexOf(":") + 1);

export const kids = (n: XNode, name?: string) => n.children.filter((c) => c.name !== "#text" && (!name || local(c) === name));
export const kid = (n: XNode, name: string) => kids(n, name)[0];

/** Every descendant element with this local name, in document order. */
export function find(n: XNode, name: string): XNode[] {
  const out: XNode[] = [];
  const walk = (x: XNode) => {
    for (const c of x.children) {
      if (c.name === "#text") continue;
      if (local(c) === name) out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

export function textOf(n: XNode | undefined): string {
  if (!n) return "";
  if (n.name === "#text") return n.text ?? "";
  return n.children.map(textOf).join("");
}

/** The attribute with this local name, whatever its prefix. */
export function attr(n: XNode | undefined, name: string): string | undefined {
  if (!n) return undefined;
  if (name in n.attrs) return n.attrs[name];
  const k = Object.keys(n.attrs).find((x) => x.slice(x.indexOf(":") + 1) === name);
  return k === undefined ? undefined : n.attrs[k];
}
