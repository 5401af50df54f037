import "server-only";
// Account creation and password sign-in. Both return the same shapes whatever went wrong with the
// credentials, so that the answer never reveals whether an email is registered.
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./hash";
import { clearRate, hitRate, peekRate, sweepExpiredRates, type Limit } from "./rate-limit";
import type { Role } from "./permissions";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { statementData } from "@/lib/data/statements";

// Sign-in limits, designed so that they slow an attacker without letting anyone lock a victim out:
// - per account AND client: 5 failures lock that client out of that account only; the owner signing
//   in from their own device, and their existing sessions, are unaffected;
// - per client: 30 failures across all accounts (a password spray from one address);
// - site-wide: when failures across the whole site pass `global.max` in a window (a spray from many
//   addresses), each client's budget shrinks to `clientUnderSpray` failures until the window passes.
// The client is the address the production server decided (lib/security/client.ts), never a
// client-sent header.
export const SIGNIN_LIMITS = {
  accountClient: { max: 5, windowMs: 15 * 60_000 } as Limit,
  client: { max: 30, windowMs: 15 * 60_000 } as Limit,
  global: { max: Number(process.env.SIGNIN_GLOBAL_FAILURES ?? 300), windowMs: 15 * 60_000 } as Limit,
  clientUnderSpray: 3,
};
export const SIGNUP_LIMIT: Limit = { max: 10, windowMs: 60 * 60_000 };

export const signInKeys = (email: string, clientId: string) => ({
  accountClient: `signin:account:${email}|client:${clientId}`,
  client: `signin:client:${clientId}`,
  global: "signin:global",
});

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tokenVersion: number;
}

export async function registerUser(input: SignUpInput): Promise<AuthenticatedUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Please correct the highlighted fields.", parsed.error.flatten().fieldErrors as Record<string, string[]>);
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    // The account and its "registered" statement are one write: never one without the other.
    const user = await db.$transaction(async (tx) => {
      const u = await tx.user.create({
        data: { name, email: normaliseEmail(email), passwordHash },
        select: { id: true, email: true, name: true, role: true, tokenVersion: true },
      });
      await tx.statement.create({ data: statementData({ userId: u.id, verb: "registered", objectType: "Agent", objectId: u.id, objectName: u.name }) });
      return u;
    });
    return { ...user, role: user.role as Role };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", { email: ["An account with this email already exists."] });
    throw e;
  }
}

export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "rate_limited" };

export async function authenticate(emailInput: string, password: string, clientId: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const keys = signInKeys(email, clientId);
  const [accountFails, clientFails, globalFails] = await Promise.all([peekRate(keys.accountClient, now), peekRate(keys.client, now), peekRate(keys.global, now)]);
  const clientMax = globalFails >= SIGNIN_LIMITS.global.max ? SIGNIN_LIMITS.clientUnderSpray : SIGNIN_LIMITS.client.max;
  if (accountFails >= SIGNIN_LIMITS.accountClient.max || clientFails >= clientMax) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, tokenVersion: true, disabled: true, passwordHash: true },
  });
  let valid = false;
  if (user?.passwordHash) valid = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);

  if (!valid || !user || user.disabled) {
    await Promise.all([
      hitRate(keys.accountClient, SIGNIN_LIMITS.accountClient, now),
      hitRate(keys.client, SIGNIN_LIMITS.client, now),
      hitRate(keys.global, SIGNIN_LIMITS.global, now),
    ]);
    await maybeSweepRates(now);
    return { ok: false, reason: "invalid" };
  }
  // A success clears this client's failures on this account (not the client's count across accounts).
  await clearRate(keys.accountClient);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, tokenVersion: user.tokenVersion } };
}

/** Counts one sign-up from a client; false when the client has made too many in the window. */
export async function allowSignUp(clientId: string, now = new Date()): Promise<boolean> {
  const key = `signup:client:${clientId}`;
  if ((await peekRate(key, now)) >= SIGNUP_LIMIT.max) return false;
  await hitRate(key, SIGNUP_LIMIT, now);
  return true;
}

// Expired limit rows are swept by whichever process next records a failure, at most every 10 minutes.
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;
async function maybeSweepRates(now: Date): Promise<void> {
  if (now.getTime() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now.getTime();
  await sweepExpiredRates(now);
}

/** Finds or creates the user behind an OAuth sign-in (GitHub, Google), linked by verified email. */
export async function linkOAuthAccount(provider: string, providerAccountId: string, email: string, name: string): Promise<AuthenticatedUser | null> {
  const select = { id: true, email: true, name: true, role: true, tokenVersion: true, disabled: true } as const;
  const existing = await db.oAuthAccount.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, select: { user: { select } } });
  let user = existing?.user;
  if (!user) {
    user = await db.$transaction(async (tx) => {
      const u = (await tx.user.findUnique({ where: { email: normaliseEmail(email) }, select })) ?? (await tx.user.create({ data: { email: normaliseEmail(email), name: name || email }, select }));
      await tx.oAuthAccount.create({ data: { provider, providerAccountId, userId: u.id } });
      return u;
    });
  }
  if (user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, tokenVersion: user.tokenVersion };
}
