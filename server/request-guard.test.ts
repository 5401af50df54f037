// The request guard in front of Next.js (hardening issue, findings 4, 5 and 7).
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimitFor, breakerOpen, bypassesBreaker, clientAddress, refusalFor } from "./request-guard.mjs";

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe("refusalFor: bodies", () => {
  it("refuses a 200 MB body to the NextAuth callback from its Content-Length alone (413)", () => {
    expect(refusalFor(req("POST", "/api/auth/callback/credentials", { "content-length": String(200 * 1024 * 1024) }))).toMatchObject({ status: 413 });
    expect(refusalFor(req("POST", "/api/auth/callback/credentials", { "content-length": String(BODY_LIMITS.auth) }))).toBeNull();
    expect(refusalFor(req("POST", "/api/auth/callback/credentials", { "content-length": String(BODY_LIMITS.auth + 1) }))).toMatchObject({ status: 413 });
  });
  it("allows the studio its archive size and everything else 1 MB", () => {
    expect(bodyLimitFor("POST", "/studio/abc/import")).toBe(BODY_LIMITS.studio);
    expect(bodyLimitFor("POST", "/courses/x/lessons/y")).toBe(BODY_LIMITS.default);
    expect(bodyLimitFor("POST", "/studiox")).toBe(BODY_LIMITS.default);
    expect(refusalFor(req("POST", "/studio/abc", { "content-length": String(BODY_LIMITS.studio) }))).toBeNull();
    expect(refusalFor(req("POST", "/dashboard", { "content-length": String(BODY_LIMITS.default + 1) }))).toMatchObject({ status: 413 });
  });
  it("refuses bodies of undeclared length (chunked) and bodies on GET", () => {
    expect(refusalFor(req("POST", "/api/auth/signout", { "transfer-encoding": "chunked" }))).toMatchObject({ status: 411 });
    expect(refusalFor(req("GET", "/", { "transfer-encoding": "chunked" }))).toMatchObject({ status: 400 });
    expect(refusalFor(req("GET", "/", { "content-length": "10" }))).toMatchObject({ status: 400 });
    expect(refusalFor(req("GET", "/", { "content-length": "0" }))).toBeNull();
    expect(refusalFor(req("POST", "/x", { "content-length": "-1" }))).toMatchObject({ status: 400 });
    expect(refusalFor(req("POST", "/x", { "content-length": "1e9" }))).toMatchObject({ status: 400 });
    expect(refusalFor(req("POST", "/x", {}))).toBeNull();
  });
});

describe("refusalFor: addresses", () => {
  it("answers 400 to malformed percent-encoding and NUL, 414 to huge URLs, and passes ordinary ones", () => {
    for (const url of ["/assets/x/%", "/courses/%", "/courses/%E0%A4%A", "/a%00b"]) expect(refusalFor(req("GET", url)), url).toMatchObject({ status: 400 });
    expect(refusalFor(req("GET", "/" + "a".repeat(9000)))).toMatchObject({ status: 414 });
    expect(refusalFor(req("GET", "/courses/paracrine-signalling/lessons/decay-length?x=%"))).toBeNull();
    expect(refusalFor(req("GET", "/assets/c1/fig%20one.svg"))).toBeNull();
  });
});

describe("clientAddress", () => {
  it("uses the socket when the app faces clients directly, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ forwardedFor: "1.2.3.4", socketAddress: "::ffff:198.51.100.20", hops: 0 })).toBe("198.51.100.20");
    expect(clientAddress({ forwardedFor: undefined, socketAddress: "127.0.0.1", hops: 0 })).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: undefined, hops: 0 })).toBe("unknown");
  });
  it("behind N trusted proxies takes the address the outermost one saw, never a client-written entry", () => {
    // client 203.0.113.9 wrote "1.1.1.1" itself; nginx (socket 10.0.0.2) appended the real address.
    expect(clientAddress({ forwardedFor: "1.1.1.1, 203.0.113.9", socketAddress: "10.0.0.2", hops: 1 })).toBe("203.0.113.9");
    // Two proxies: CDN appended the client, the load balancer appended the CDN.
    expect(clientAddress({ forwardedFor: "1.1.1.1, 203.0.113.9, 10.1.1.1", socketAddress: "10.0.0.2", hops: 2 })).toBe("203.0.113.9");
    expect(clientAddress({ forwardedFor: ["1.1.1.1", "203.0.113.9"], socketAddress: "10.0.0.2", hops: 1 })).toBe("203.0.113.9");
    // Fewer entries than hops: the leftmost is all there is.
    expect(clientAddress({ forwardedFor: "", socketAddress: "10.0.0.2", hops: 3 })).toBe("10.0.0.2");
  });
});

describe("breaker", () => {
  it("is open only until its time and lets the health probe and static files through", () => {
    expect(breakerOpen({ openUntil: 1000 }, 999)).toBe(true);
    expect(breakerOpen({ openUntil: 1000 }, 1000)).toBe(false);
    expect(breakerOpen(undefined, 0)).toBe(false);
    expect(bypassesBreaker("/api/health")).toBe(true);
    expect(bypassesBreaker("/_next/static/chunks/a.js")).toBe(true);
    expect(bypassesBreaker("/dashboard")).toBe(false);
  });
});

describe("server-action bodies", () => {
  it("checks JSON action calls (not form posts) and refuses bodies that are not an argument list", async () => {
    const { actionBodyProblem, isActionJsonRequest } = await import("./request-guard.mjs");
    expect(isActionJsonRequest("POST", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" })).toBe(true);
    expect(isActionJsonRequest("POST", { "next-action": "abc", "content-type": "multipart/form-data; boundary=x" })).toBe(false);
    expect(isActionJsonRequest("POST", { "content-type": "text/plain" })).toBe(false);
    expect(isActionJsonRequest("GET", { "next-action": "abc" })).toBe(false);
    for (const body of ["{", "null", "[", '"x"', "{}", ""]) expect(actionBodyProblem(body), body).not.toBeNull();
    for (const body of ["[]", '[{"a":1}]', '["$K1"]']) expect(actionBodyProblem(body), body).toBeNull();
  });
});

describe("multipart framing of form actions", () => {
  it("accepts what a browser sends and refuses broken framing", async () => {
    const { multipartProblem } = await import("./request-guard.mjs");
    const ok = Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="1_email"\r\n\r\na@b.org\r\n--XYZ\r\nContent-Disposition: form-data; name="1_file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--XYZ--\r\n', "latin1");
    expect(multipartProblem("multipart/form-data; boundary=XYZ", ok)).toBeNull();
    expect(multipartProblem('multipart/form-data; boundary="XYZ"', ok)).toBeNull();
    // A form without React's argument list (what a crafted post sends): refused, not a 500 later.
    expect(multipartProblem("multipart/form-data; boundary=XYZ", Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nx\r\n--XYZ--\r\n'))).not.toBeNull();
    expect(multipartProblem("multipart/form-data; boundary=XYZ", Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n{\r\n--XYZ--\r\n'))).not.toBeNull();
    expect(multipartProblem("multipart/form-data", ok)).not.toBeNull();
    expect(multipartProblem("multipart/form-data; boundary=XYZ", Buffer.from("garbage"))).not.toBeNull();
    expect(multipartProblem("multipart/form-data; boundary=XYZ", Buffer.from("--XYZ\r\nno headers here--XYZ--"))).not.toBeNull();
    expect(multipartProblem("multipart/form-data; boundary=XYZ", Buffer.from('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'))).not.toBeNull();
  });
});
