// Course figures travel as SVG text in archives. An SVG is a document that can carry script, event
// handlers, external loads and entity bombs; we do not rewrite such a file (a markup rewriter is easy to
// get subtly wrong) but refuse it with the reason, so the author fixes the figure. Served figures also
// get a sandboxing CSP and are embedded as <img>, which never runs script: this check is the first wall,
// not the only one. Linear in the size of the text. Pure.
export const MAX_SVG_BYTES = 512 * 1024;

const ENTITY = /&#(x[0-9a-f]+|\d+);?/gi;
function decodeEntities(s: string): string {
  return s.replace(ENTITY, (_, n: string) => {
    const code = n[0] === "x" || n[0] === "X" ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/<\s*script\b/i, "a <script> element"],
  [/<\s*foreignObject\b/i, "a <foreignObject> element"],
  [/<\s*(iframe|embed|object|handler|listener)\b/i, "an embedded document or handler element"],
  [/<!\s*(DOCTYPE|ENTITY)/i, "a DOCTYPE or entity declaration"],
  [/\son[a-z]+\s*=/i, "an event-handler attribute (on…=)"],
  [/(java|vb)script\s*:/i, "a javascript: URL"],
  [/data\s*:\s*text\/html/i, "an HTML data URL"],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#)/i, "a link to something outside the figure (only #fragment links are allowed)"],
  [/url\(\s*["']?\s*(?!#)/i, "a url() reference outside the figure"],
  [/@import/i, "a stylesheet import"],
];

export function svgProblem(text: string): string | null {
  if (Buffer.byteLength(text, "utf8") > MAX_SVG_BYTES) return `is larger than ${MAX_SVG_BYTES / 1024} KB`;
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) return "is not an SVG document";
  // Check the raw text and the text with character references decoded (&#106;avascript: hides a URL).
  const decoded = decodeEntities(text.replace(/\u0000/g, ""));
  for (const [re, what] of FORBIDDEN) if (re.test(text) || re.test(decoded)) return `contains ${what}`;
  return null;
}
