import "server-only";
// The demo accounts: who they are (never their passwords, which are random per installation and
// printed once by the seed). The sign-in page may hint at the emails in `next dev` only.
import { db } from "@/lib/db";
import { showDemoAccounts, type Env } from "@/lib/env";
import type { Role } from "@/lib/auth/permissions";

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: "LEARNER", email: "learner@paracrine.test", name: "Lena Learner" },
  { role: "INSTRUCTOR", email: "instructor@paracrine.test", name: "Ivan Instructor" },
  { role: "ADMIN", email: "admin@paracrine.test", name: "Ada Admin" },
];

export interface DemoAccountHint {
  role: string;
  email: string;
}

/** Demo accounts that exist and can sign in, for the sign-in page: emails only, and only in development. */
export async function listDemoAccountHints(env: Env): Promise<DemoAccountHint[]> {
  if (!showDemoAccounts(env)) return [];
  const rows = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((d) => d.email) }, disabled: false },
    select: { email: true, role: true },
  });
  const order = DEMO_ACCOUNTS.map((d) => d.email);
  return rows.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email)).map((r) => ({ role: r.role, email: r.email }));
}
