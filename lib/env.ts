// Reads and checks configuration once. Secrets only ever come from the environment; a production
// server refuses to start without a real one (see instrumentation.ts).
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/paracrine.db";
const KNOWN_WEAK_SECRETS = new Set(["secret", "changeme", "change-me", "development-secret", "dev-secret-change-me", "test-secret"]);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z.string().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  PARACRINE_DEMO: z.string().optional(),
  /** A session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().max(24 * 90).default(24),
  /** A session ends this many days after sign-in, however active. */
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(14),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the app faces clients directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});
export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return envSchema.parse(source);
}

export type DatabaseKind = "sqlite" | "postgresql";
export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** The signing secret, or a reason why it is not acceptable. Development gets a fixed one. */
export function resolveAuthSecret(env: Env): { ok: true; secret: string } | { ok: false; reason: string } {
  const s = env.NEXTAUTH_SECRET;
  if (env.NODE_ENV !== "production") return { ok: true, secret: s && s.length > 0 ? s : "paracrine-development-only-secret" };
  if (!s) return { ok: false, reason: "NEXTAUTH_SECRET is not set" };
  if (s.length < 32) return { ok: false, reason: "NEXTAUTH_SECRET must be at least 32 characters" };
  if (KNOWN_WEAK_SECRETS.has(s.toLowerCase()) || s.startsWith("paracrine-development")) return { ok: false, reason: "NEXTAUTH_SECRET is a known default" };
  return { ok: true, secret: s };
}

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}
const policyFrom = (env: Env): SessionPolicy => ({ idleMs: env.SESSION_IDLE_HOURS * 3_600_000, maxMs: env.SESSION_MAX_DAYS * 86_400_000 });
let cachedPolicy: { key: string; policy: SessionPolicy } | undefined;

/** Read on every request by the session check: the environment is parsed again only when its two settings change. */
export function sessionPolicy(env?: Env): SessionPolicy {
  if (env) return policyFrom(env);
  const key = `${process.env.SESSION_IDLE_HOURS}|${process.env.SESSION_MAX_DAYS}`;
  if (cachedPolicy?.key !== key) cachedPolicy = { key, policy: policyFrom(readEnv()) };
  return cachedPolicy.policy;
}

/**
 * Whether the sign-in page may name the demo accounts (emails only, never passwords): in `next dev`
 * only, unless PARACRINE_DEMO=0. A production build never does, whatever PARACRINE_DEMO says: it may
 * be public, and `npm start` sets PARACRINE_DEMO=1 to load the demo into an empty database.
 */
export function showDemoAccounts(env: Env): boolean {
  return env.NODE_ENV === "development" && env.PARACRINE_DEMO !== "0";
}

/** Demo mode: load the demo course and accounts into an empty database (`npm start` sets PARACRINE_DEMO=1). */
export function demoMode(env: Env): boolean {
  return env.PARACRINE_DEMO === "1";
}
