// Password length is counted as a person counts characters (hardening issue, finding 10).
import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, characterCount, passwordProblem } from "./password";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";

describe("password length in characters (code points)", () => {
  const emoji = "🧬";
  it("accepts 100 emoji (200 UTF-16 units) and refuses 129 characters", () => {
    const hundred = emoji.repeat(100);
    expect(hundred.length).toBe(200);
    expect(characterCount(hundred)).toBe(100);
    expect(passwordProblem(hundred)).toBeNull();
    expect(signUpSchema.safeParse({ name: "A", email: "a@test.org", password: hundred }).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@test.org", password: hundred }).success).toBe(true);
    expect(passwordProblem(emoji.repeat(PASSWORD_MAX))).toBeNull();
    expect(passwordProblem(emoji.repeat(PASSWORD_MAX + 1))).toBe(`Use at most ${PASSWORD_MAX} characters.`);
    expect(passwordProblem("x".repeat(PASSWORD_MAX - 2) + "ab")).toBeNull();
    expect(passwordProblem("x".repeat(PASSWORD_MAX) + "a")).toBe(`Use at most ${PASSWORD_MAX} characters.`);
    expect(signInSchema.safeParse({ email: "a@test.org", password: "y".repeat(PASSWORD_MAX + 1) }).success).toBe(false);
  });
  it("counts four emoji as too short (4 characters, 8 units)", () => {
    expect(passwordProblem(emoji.repeat(4))).toBe("Use at least 8 characters.");
    expect(passwordProblem("🧬🧫🔬🩺💉🧪🦠🫀")).toBeNull();
  });
});
