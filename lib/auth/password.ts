// Password rules (NIST SP 800-63B style): length over composition, and a deny-list of common choices.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Characters as a person counts them: code points, so an emoji is one character, not two. */
export const characterCount = (s: string): number => [...s].length;
/** A hard cap on the raw input (4 UTF-16 units per allowed character), checked before counting. */
export const PASSWORD_MAX_UNITS = PASSWORD_MAX * 4;

/** A reason the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length > PASSWORD_MAX_UNITS) return `Use at most ${PASSWORD_MAX} characters.`;
  const n = characterCount(password);
  if (n < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (n > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "This password is too common; choose one that is harder to guess.";
  if (/^(.)\1+$/.test(password)) return "This password repeats one character; choose one that is harder to guess.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your email address in your password.";
  return null;
}
