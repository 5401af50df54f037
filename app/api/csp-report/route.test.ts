import { describe, expect, it, vi } from "vitest";
import { POST } from "./route";

const post = (body: string) => POST(new Request("http://x/api/csp-report", { method: "POST", body, headers: { "content-type": "application/csp-report" } }));

describe("POST /api/csp-report", () => {
  it("logs legacy and Reporting-API reports as one JSON line each and answers 204", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const a = await post(JSON.stringify({ "csp-report": { "document-uri": "http://localhost/x", "violated-directive": "script-src", "blocked-uri": "inline" } }));
    const b = await post(JSON.stringify([{ type: "csp-violation", url: "http://localhost/y", body: { documentURL: "http://localhost/y", effectiveDirective: "script-src-elem", blockedURL: "https://evil.example/a.js" } }]));
    expect([a.status, b.status]).toEqual([204, 204]);
    expect(warn.mock.calls.map((c) => JSON.parse(String(c[0])))).toEqual([
      { msg: "csp-violation", page: "http://localhost/x", directive: "script-src", blocked: "inline" },
      { msg: "csp-violation", page: "http://localhost/y", directive: "script-src-elem", blocked: "https://evil.example/a.js" },
    ]);
    warn.mockRestore();
  });
  it("answers 400, not 500, to malformed bodies", async () => {
    for (const body of ["{", "null", "[1,2]", JSON.stringify({ x: 1 })]) expect((await post(body)).status, body).toBe(400);
  });
});
