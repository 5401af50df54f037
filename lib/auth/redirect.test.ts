// Open redirect after sign-in (hardening issue, finding 2): every payload the pentest used, and each
// inner guard alone (the origin check, the credentials check, the double-slash check).
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeCallbackUrl } from "./redirect";

const base = "http://localhost:3000";

describe("safeCallbackUrl / safeCallbackPath", () => {
  const dotted = ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "/./\\evil.example", "/.\\/evil.example", "/%2E%2E//evil.example/x?y#z"];

  it("refuses paths that a browser resolves to another host (pentest payloads)", () => {
    for (const p of dotted) {
      expect(safeCallbackUrl(p, base), p).toBe(base);
      expect(safeCallbackPath(p), p).toBe("/dashboard");
    }
  });

  it("the origin check alone refuses userinfo tricks and stripped whitespace", () => {
    for (const p of ["http://localhost:3000@evil.example/", "/\t/evil.example", "/\n/evil.example", "\\\\evil.example", "https:evil.example", " //evil.example"])
      expect(safeCallbackUrl(p, base), JSON.stringify(p)).toBe(base);
  });

  it("the credentials check alone refuses same-origin URLs carrying a user name", () => {
    expect(safeCallbackUrl("http://user:pw@localhost:3000/dashboard", base)).toBe(base);
    expect(safeCallbackUrl("http://user@localhost:3000/dashboard", base)).toBe(base);
  });

  it("the double-slash check alone refuses a same-origin URL whose path is protocol-relative", () => {
    expect(safeCallbackUrl("http://localhost:3000//evil.example", base)).toBe(base);
    expect(safeCallbackPath("http://paracrine.invalid//evil.example")).toBe("/dashboard");
  });

  it("keeps ordinary local targets, with query and fragment", () => {
    expect(safeCallbackUrl("/courses/x?y=1#z", base)).toBe("http://localhost:3000/courses/x?y=1#z");
    expect(safeCallbackUrl("/a/../review", base)).toBe("http://localhost:3000/review");
    expect(safeCallbackPath("/courses/paracrine/lessons/x?from=1#h")).toBe("/courses/paracrine/lessons/x?from=1#h");
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath("", "/studio")).toBe("/studio");
  });
});
