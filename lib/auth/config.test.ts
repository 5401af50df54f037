import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "./config";
import { clientIdFromHeaders } from "@/lib/security/client";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("authOptions", () => {
  it("offers GitHub and Google only when their environment variables are set", () => {
    delete process.env.GITHUB_ID;
    delete process.env.GOOGLE_CLIENT_ID;
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials"]);
    Object.assign(process.env, { GITHUB_ID: "gh", GITHUB_SECRET: "ghs", GOOGLE_CLIENT_ID: "g", GOOGLE_CLIENT_SECRET: "gs" });
    expect(authOptions().providers.map((p) => p.id)).toEqual(["credentials", "github", "google"]);
  });

  it("uses JWT sessions with our own encode/decode and keeps redirects on the site", async () => {
    const o = authOptions();
    expect(o.session?.strategy).toBe("jwt");
    const token = await o.jwt!.encode!({ token: { uid: "u1", tv: 3 }, secret: o.secret!, maxAge: 60 });
    expect(await o.jwt!.decode!({ token, secret: o.secret! })).toMatchObject({ uid: "u1", tv: 3 });
    expect(await o.callbacks!.redirect!({ url: "https://evil.example/x", baseUrl: "http://localhost:3000" })).toBe("http://localhost:3000");
  });

  it("keys the per-client rate limit on the address the production server decided, never a client-sent first entry", () => {
    expect(clientIdFromHeaders({ "x-paracrine-client": "198.51.100.9", "x-forwarded-for": "203.0.113.5, 10.0.0.1" })).toBe("198.51.100.9");
    expect(clientIdFromHeaders(new Headers({ "x-paracrine-client": "198.51.100.7" }))).toBe("198.51.100.7");
    // Without the production server (next dev): Next.js fills the last entry from the socket.
    expect(clientIdFromHeaders({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" })).toBe("10.0.0.1");
    expect(clientIdFromHeaders(new Headers({ "x-real-ip": "198.51.100.7" }))).toBe("unknown");
    expect(clientIdFromHeaders(undefined)).toBe("unknown");
  });
});
