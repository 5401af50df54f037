// The production server: Next.js's own request handler (the same server `next start` runs) behind
// the request guard (request-guard.mjs). `npm run serve` runs it; `npm start` and the end-to-end tests
// use it too. Settings: PORT (3000), HOST (127.0.0.1: only this machine, unless you say otherwise),
// TRUSTED_PROXY_HOPS (0: clients connect directly).
import { createServer } from "node:http";
import { Readable } from "node:stream";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import {
  BREAKER_KEY, FALLBACK_CSP, RETRY_AFTER_SECONDS, SECURITY_HEADERS, actionBodyProblem, breakerOpen, bypassesBreaker, clientAddress, isActionJsonRequest, isActionMultipartRequest, multipartProblem, pathOf, refusalFor,
} from "./request-guard.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "127.0.0.1";
const hops = Math.max(0, Math.min(10, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0));

const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();

function send(res, pathname, status, message, extra = {}) {
  const api = pathname.startsWith("/api/");
  const code = status === 503 ? "UNAVAILABLE" : status === 413 ? "TOO_LARGE" : "BAD_REQUEST";
  const body = api ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
  res.writeHead(status, { "Content-Type": api ? "application/json" : "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), Connection: "close", ...extra });
  res.end(body);
}

await app.prepare();

/**
 * The body of a JSON server-action call, read (its size is already bounded by Content-Length) and
 * checked; Next.js then gets a stand-in request carrying the same headers, socket and bytes.
 */
async function checkedActionRequest(req, check) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = Buffer.concat(chunks);
  const problem = check(body);
  if (problem) return { problem };
  let sent = false;
  const replay = new Readable({
    read() {
      if (!sent) this.push(body);
      sent = true;
      this.push(null);
    },
  });
  Object.assign(replay, { headers: req.headers, rawHeaders: req.rawHeaders, method: req.method, url: req.url, httpVersion: req.httpVersion, httpVersionMajor: req.httpVersionMajor, httpVersionMinor: req.httpVersionMinor, socket: req.socket, connection: req.socket, complete: true });
  return { req: replay };
}

const server = createServer(async (req, res) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  if (process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https:")) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  const pathname = pathOf(req.url);
  const refusal = refusalFor({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
  if (refusal) {
    res.setHeader("Content-Security-Policy", FALLBACK_CSP);
    // The unread body is discarded, not buffered; the connection is closed after the answer.
    req.resume();
    return send(res, pathname, refusal.status, refusal.message);
  }
  const breaker = globalThis[BREAKER_KEY];
  if (breakerOpen(breaker, Date.now()) && !bypassesBreaker(pathname)) {
    res.setHeader("Content-Security-Policy", FALLBACK_CSP);
    req.resume();
    return send(res, pathname, 503, "The service is briefly unavailable. Please try again in a few seconds.", { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  // Who the client is, decided here from the socket (and trusted proxies only): app code reads this
  // header alone, and a copy sent by a client is overwritten.
  req.headers["x-paracrine-client"] = clientAddress({ forwardedFor: req.headers["x-forwarded-for"], socketAddress: req.socket.remoteAddress, hops });
  if (!hops) delete req.headers["x-forwarded-for"];

  const writeHead = res.writeHead;
  res.writeHead = function patchedWriteHead(status, ...rest) {
    // Documents without a policy (API answers, bare error pages) get the deny-all one. Not scripts under
    // /_next/: a worker's CSP comes from its script's response and would stop it loading its chunks.
    if (!res.hasHeader("Content-Security-Policy") && !pathname.startsWith("/_next/")) res.setHeader("Content-Security-Policy", FALLBACK_CSP);
    // A render that failed because the database went away is "unavailable", not a bug.
    if (status === 500 && breakerOpen(globalThis[BREAKER_KEY], Date.now())) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead.call(this, 503, ...rest);
    }
    return writeHead.call(this, status, ...rest);
  };
  const json = isActionJsonRequest(req.method, req.headers);
  if (json || isActionMultipartRequest(req.method, req.headers)) {
    const contentType = req.headers["content-type"];
    const check = json ? (body) => actionBodyProblem(body.toString("utf8")) : (body) => multipartProblem(contentType, body);
    const checked = await checkedActionRequest(req, check).catch(() => ({ problem: "The request body could not be read." }));
    if (checked.problem) {
      res.setHeader("Content-Security-Policy", FALLBACK_CSP);
      return send(res, pathname, 400, checked.problem);
    }
    req = checked.req;
  }
  handle(req, res).catch((e) => {
    console.error("[serve] unhandled", e);
    if (!res.headersSent) send(res, pathname, 500, "Something went wrong on our side.");
    else res.destroy();
  });
});
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;
server.listen(port, host, () => console.log(`Paracrine listening on http://${host.includes(":") ? `[${host}]` : host}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)).closeIdleConnections?.());
