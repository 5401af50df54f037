import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "./route";

const get = (verb: string, url = `http://localhost:3000/xapi/verbs/${verb}`) => GET(new Request(url), { params: Promise.resolve({ verb }) });

describe("GET /xapi/verbs/[verb]", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("publishes each Paracrine verb at the IRI statements use", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://learn.example/");
    for (const verb of ["predicted", "reviewed", "joined"]) {
      const res = await get(verb);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        "@id": `https://learn.example/xapi/verbs/${verb}`,
        prefLabel: { "en-US": verb },
        definition: { "en-US": expect.stringMatching(/^Indicates the actor .{20,}/) },
      });
    }
  });

  it("uses the request's origin when NEXTAUTH_URL is unset", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    const body = (await (await get("predicted", "http://localhost:4000/xapi/verbs/predicted")).json()) as { "@id": string };
    expect(body["@id"]).toBe("http://localhost:4000/xapi/verbs/predicted");
  });

  it("answers 404 for ADL's verbs and unknown names", async () => {
    for (const verb of ["passed", "answered", "flew", "constructor", "__proto__", ""]) {
      const res = await get(verb);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    }
  });
});
