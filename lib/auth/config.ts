import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { readEnv, resolveAuthSecret } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";
import { authenticate, linkOAuthAccount } from "./accounts";
import { decodeSessionToken, encodeSessionToken, SESSION_MAX_AGE } from "./jwt";
import { safeCallbackUrl } from "./redirect";

export function authSecret(): string {
  const r = resolveAuthSecret(readEnv());
  if (!r.ok) throw new Error(`Refusing to run: ${r.reason}. Set NEXTAUTH_SECRET to a random value (openssl rand -base64 32).`);
  return r.secret;
}

/** The client a sign-in comes from, for the per-client rate limit. */
export function clientIdFromHeaders(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip")?.trim() || "unknown";
}

export function authOptions(): NextAuthOptions {
  const env = readEnv();
  const secret = authSecret();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data.email, parsed.data.password, clientIdFromHeaders(req?.headers));
        if (!result.ok) {
          if (result.reason === "rate_limited") throw new Error("RateLimited");
          return null;
        }
        const u = result.user;
        return { id: u.id, email: u.email, name: u.name, role: u.role, tv: u.tokenVersion };
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));

  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    jwt: {
      maxAge: SESSION_MAX_AGE,
      encode: (p) => encodeSessionToken({ token: p.token, secret: String(p.secret), maxAge: p.maxAge }),
      decode: (p) => decodeSessionToken({ token: p.token, secret: String(p.secret) }),
    },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile, user }) {
        if (!account || account.provider === "credentials") return true;
        // OAuth: only a provider-verified email may link to or create an account.
        const email = user.email ?? (profile as { email?: string } | undefined)?.email;
        const verified = account.provider === "google" ? (profile as { email_verified?: boolean } | undefined)?.email_verified !== false : true;
        if (!email || !verified) return false;
        const linked = await linkOAuthAccount(account.provider, account.providerAccountId, email, user.name ?? "");
        return linked !== null;
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "credentials") {
          const u = user as unknown as { id: string; role: string; tv: number };
          return { ...token, uid: u.id, role: u.role, tv: u.tv };
        }
        if (user && account) {
          const linked = await linkOAuthAccount(account.provider, account.providerAccountId, user.email ?? "", user.name ?? "");
          if (!linked) return { ...token, uid: undefined };
          return { ...token, uid: linked.id, role: linked.role, tv: linked.tokenVersion, name: linked.name, email: linked.email };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.uid, role: token.role } } as typeof session;
      },
      async redirect({ url, baseUrl }) {
        return safeCallbackUrl(url, baseUrl);
      },
    },
  };
}
