import "server-only";
// Account creation and password sign-in. Both return the same shapes whatever went wrong with the
// credentials, so that the answer never reveals whether an email is registered.
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./hash";
import { clearRate, hitRate, peekRate, type Limit } from "./rate-limit";
import type { Role } from "./permissions";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { statementData } from "@/lib/data/statements";

export const SIGNIN_LIMITS: { account: Limit; client: Limit } = {
  account: { max: 5, windowMs: 15 * 60_000 },
  client: { max: 30, windowMs: 15 * 60_000 },
};

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

export async function authenticate(emailInput: string, password: string, clientId: string): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const accountKey = `signin:account:${email}`;
  const clientKey = `signin:client:${clientId}`;
  const [accountFails, clientFails] = await Promise.all([peekRate(accountKey), peekRate(clientKey)]);
  if (accountFails >= SIGNIN_LIMITS.account.max || clientFails >= SIGNIN_LIMITS.client.max) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, tokenVersion: true, disabled: true, passwordHash: true },
  });
  let valid = false;
  if (user?.passwordHash) valid = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);

  if (!valid || !user || user.disabled) {
    await Promise.all([hitRate(accountKey, SIGNIN_LIMITS.account), hitRate(clientKey, SIGNIN_LIMITS.client)]);
    return { ok: false, reason: "invalid" };
  }
  await clearRate(accountKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, tokenVersion: user.tokenVersion } };
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
