// Database trouble answers 503 with Retry-After, never a 500 or a hang (hardening issue, finding 6):
// the route wrapper maps "unavailable" errors, and the process-wide breaker opens for the request guard.
import { afterEach, describe, expect, it } from "vitest";
import { GET as listCourses } from "./courses/route";
import { GET as courseOutline } from "./courses/[slug]/route";
import { GET as health } from "./health/route";
import { GET as asset } from "../assets/[courseId]/[name]/route";
import { breakerState } from "@/lib/db-breaker";
import { responseForError } from "@/lib/http/route";

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe("database unreachable", () => {
  it("every API route answers 503 with Retry-After and a generic body, and the breaker opens", async () => {
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/nowhere";
    const responses = [
      await listCourses(),
      await courseOutline(new Request("http://x/api/courses/paracrine"), { params: Promise.resolve({ slug: "paracrine" }) }),
      await health(),
      await asset(new Request("http://x/assets/c/f.svg"), { params: Promise.resolve({ courseId: "c", name: "f.svg" }) }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(JSON.stringify(await res.json())).not.toMatch(/127\.0\.0\.1|nobody|ECONNREFUSED|at /);
    }
    expect(breakerState().open).toBe(true);
  });

  it("recovers on its own: the next successful query closes the breaker", async () => {
    process.env.DATABASE_URL = saved;
    const res = await listCourses();
    expect(res.status).toBe(200);
    expect(breakerState().open).toBe(false);
  });
});

describe("responseForError", () => {
  it("maps lock and statement timeouts to 503, bugs to a generic 500", async () => {
    const lock = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "55P03", kind: "postgres" } } } };
    const stmt = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57014", kind: "postgres" } } } };
    const busy = { code: "P2010", meta: { driverAdapterError: { cause: { kind: "sqlite", extendedCode: 5, message: "database is locked" } } } };
    for (const e of [lock, stmt, busy]) expect(responseForError(e, "test").status).toBe(503);
    const bug = responseForError(new TypeError("x is undefined"), "test");
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
    const div = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "22012", kind: "postgres" } } } };
    expect(responseForError(div, "test").status).toBe(500);
  });
});
