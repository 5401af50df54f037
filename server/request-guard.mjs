// The checks every request passes before Next.js sees it (server/serve.mjs). Plain JavaScript so that
// the production server runs on Node alone; pure functions, unit-tested in request-guard.test.ts.
//
// Why a guard in front of Next.js: Next reads request bodies in full before any route code runs (a
// 200 MB body to the sign-in callback was buffered), throws on malformed percent-encoding (500), gives
// route handlers no socket address (so a client-sent X-Forwarded-For decided who the client was), and
// sends its bare 500 page without our security headers. None of these can be fixed inside a route.

/** @typedef {{ status: number, message: string, headers?: Record<string, string> }} Refusal */

const KB = 1024;
const MB = 1024 * KB;

/** Body size limits in bytes, by path. Server actions post to the page's own URL. */
export const BODY_LIMITS = {
  /** NextAuth sign-in, sign-out and callbacks: a few fields. */
  auth: 64 * KB,
  /** CSP violation reports. */
  cspReport: 16 * KB,
  /** The studio: course archives (figures travel inside as data URLs) and image uploads. */
  studio: 12 * MB,
  /** Everything else: forms, quiz answers, progress. */
  default: 1 * MB,
};

/** The largest body allowed for a request, in bytes. */
export function bodyLimitFor(method, pathname) {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return 0;
  if (pathname.startsWith("/api/auth/")) return BODY_LIMITS.auth;
  if (pathname === "/api/csp-report") return BODY_LIMITS.cspReport;
  if (pathname === "/studio" || pathname.startsWith("/studio/") || pathname.startsWith("/api/studio/")) return BODY_LIMITS.studio;
  return BODY_LIMITS.default;
}

export const MAX_URL_LENGTH = 8 * KB;

/** The path of a request target, without its query. */
export function pathOf(url) {
  const q = (url ?? "/").indexOf("?");
  return q === -1 ? url ?? "/" : url.slice(0, q);
}

/**
 * A refusal for requests that must not reach the app, or null. Decided from the request line and
 * headers alone, before a byte of the body is read: Node's HTTP parser never delivers more body than
 * Content-Length says, so checking that header bounds the memory a request can take.
 * @param {{ method: string, url: string, headers: Record<string, string | string[] | undefined> }} req
 * @returns {Refusal | null}
 */
export function refusalFor(req) {
  const url = req.url ?? "/";
  if (url.length > MAX_URL_LENGTH) return { status: 414, message: "The address is too long." };
  const pathname = pathOf(url);
  try {
    decodeURIComponent(pathname);
  } catch {
    return { status: 400, message: "The address is not valid." };
  }
  if (pathname.includes("\u0000") || /%00/i.test(pathname)) return { status: 400, message: "The address is not valid." };
  const method = (req.method ?? "GET").toUpperCase();
  const limit = bodyLimitFor(method, pathname);
  const rawLength = header(req.headers, "content-length");
  const chunked = /chunked/i.test(header(req.headers, "transfer-encoding") ?? "");
  if (rawLength === undefined) {
    // A body without a declared length could be any size: refuse it rather than read it.
    if (chunked) return limit === 0 ? { status: 400, message: "This request may not have a body." } : { status: 411, message: "Send the body with a Content-Length." };
    return null;
  }
  if (!/^\d{1,15}$/.test(rawLength)) return { status: 400, message: "The Content-Length is not valid." };
  const length = Number(rawLength);
  if (length > limit) return limit === 0 ? { status: 400, message: "This request may not have a body." } : { status: 413, message: `The request is too large (at most ${formatBytes(limit)}).` };
  return null;
}

function formatBytes(n) {
  return n >= MB ? `${n / MB} MB` : `${n / KB} KB`;
}

/** @returns {string | undefined} */
function header(headers, name) {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The client's address: the socket's peer when the app faces clients directly (hops = 0); behind N
 * trusted reverse proxies that each append to X-Forwarded-For, the address the outermost trusted
 * proxy saw. Entries a client wrote itself sit further left and are never used.
 * @param {{ forwardedFor?: string | string[], socketAddress?: string, hops: number }} p
 */
export function clientAddress({ forwardedFor, socketAddress, hops }) {
  const peer = normaliseAddress(socketAddress) || "unknown";
  if (!hops) return peer;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const chain = [...raw.split(",").map((s) => normaliseAddress(s)).filter(Boolean), peer];
  // chain = [..., client, proxy 1, ..., proxy N-1, peer (proxy N)]
  const i = chain.length - 1 - hops;
  return chain[Math.max(0, i)];
}

function normaliseAddress(s) {
  const t = (s ?? "").trim();
  return t.startsWith("::ffff:") ? t.slice(7) : t;
}

/**
 * Server-action calls without files post their arguments as JSON text: an array. Next.js answers any
 * other body with a 500 (it spreads the arguments), so such a body is refused here with a 400.
 */
export function isActionJsonRequest(method, headers) {
  if ((method ?? "").toUpperCase() !== "POST" || !header(headers, "next-action")) return false;
  return !/multipart\/form-data|application\/x-www-form-urlencoded/i.test(header(headers, "content-type") ?? "");
}

/** Server-action calls with a form post multipart bodies; Next.js answers broken framing with a 500. */
export function isActionMultipartRequest(method, headers) {
  return (method ?? "").toUpperCase() === "POST" && !!header(headers, "next-action") && /multipart\/form-data/i.test(header(headers, "content-type") ?? "");
}

/**
 * Checks multipart framing (RFC 7578): a boundary parameter, a body that opens with it and closes with
 * its final form, and parts that each have a header block naming a form field. A server-action call
 * (React's encodeReply) also carries its argument list, JSON, in the part named "0". Linear in the body.
 */
export function multipartProblem(contentType, body) {
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType ?? "");
  if (!m) return "The form data has no boundary.";
  const boundary = m[1] ?? m[2];
  const text = body.toString("latin1");
  const delimiter = `--${boundary}`;
  if (!text.startsWith(delimiter)) return "The form data is malformed.";
  const end = text.lastIndexOf(`${delimiter}--`);
  if (end < 0) return "The form data is malformed.";
  const parts = text.slice(delimiter.length, end).split(`\r\n${delimiter}`);
  let root = null;
  for (const part of parts) {
    const p = part.startsWith("\r\n") ? part.slice(2) : part;
    if (p === "" && parts.length === 1) continue;
    const headerEnd = p.indexOf("\r\n\r\n");
    const headers = headerEnd < 0 ? "" : p.slice(0, headerEnd);
    const name = /content-disposition:\s*form-data;[^\r\n]*\bname="([^"]*)"/i.exec(headers);
    if (!name) return "The form data is malformed.";
    if (name[1] === "0") root = Buffer.from(p.slice(headerEnd + 4).replace(/\r\n$/, ""), "latin1").toString("utf8");
  }
  if (root === null) return "The form data carries no arguments.";
  return actionBodyProblem(root);
}

export function actionBodyProblem(text) {
  let args;
  try {
    args = JSON.parse(text);
  } catch {
    return "The request body is not valid JSON.";
  }
  return Array.isArray(args) ? null : "The request body must be a list of arguments.";
}

/** Headers every response carries, including API answers and the framework's bare error pages. */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The fallback policy for responses that set none (APIs, bare error pages): nothing may run or frame. */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The process-wide database breaker that lib/db.ts trips on connection failures. */
export const BREAKER_KEY = Symbol.for("paracrine.db.breaker");
export const RETRY_AFTER_SECONDS = 5;

/** Whether requests should be answered 503 without reaching the app (the database is known down). */
export function breakerOpen(breaker, now) {
  return !!breaker && breaker.openUntil > now;
}

/** Requests that still go through while the breaker is open: the health probe closes it again. */
export function bypassesBreaker(pathname) {
  return pathname === "/api/health" || pathname.startsWith("/_next/static/") || pathname === "/favicon.ico";
}
