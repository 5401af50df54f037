import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("answers ok with the database kind after a real query", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL!.startsWith("postgres") ? "postgresql" : "sqlite" });
  });

  it("answers 503 with a generic message when the database is unreachable", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/nowhere?connect_timeout=2";
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toEqual({ status: "error", error: { code: "UNAVAILABLE", message: "The database is unreachable." } });
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|nobody|ECONNREFUSED/);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
