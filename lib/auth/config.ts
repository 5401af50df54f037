import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { readEnv, resolveAuthSecret, sessionPolicy } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";
import { authenticate, linkOAuthAccount } from "./accounts";
import { decodeSessionToken, encodeSessionToken } from "./jwt";
import { createSession, revokeSession } from "./sessions";
import { safeCallbackUrl } from "./redirect";
import { clientIdFromHeaders } from "@/lib/security/client";

export function authSecret(): string {
  const r = resolveAuthSecret(readEnv());
  if (!r.ok) throw new Error(`Refusing to run: ${r.reason}. Set NEXTAUTH_SECRET to a random value (openssl rand -base64 32).`);
  return r.secret;
}

export function authOptions(): NextAuthOptions {
  const env = readEnv();
  const secret = authSecret();
  const cookieMaxAge = Math.ceil(sessionPolicy(env).maxMs / 1000);
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
    // The cookie lives as long as the longest possible session; the session row decides sooner.
    session: { strategy: "jwt", maxAge: cookieMaxAge, updateAge: 60 * 60 },
    jwt: {
      maxAge: cookieMaxAge,
      encode: (p) => encodeSessionToken({ token: p.token, secret: String(p.secret), maxAge: p.maxAge }),
      decode: (p) => decodeSessionToken({ token: p.token, secret: String(p.secret) }),
    },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    events: {
      // Sign-out ends this session on the server too: a copied cookie stops working at once.
      async signOut({ token }) {
        if (token && typeof token.sid === "string") await revokeSession(token.sid);
      },
    },
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
        // A sign-in (user and account are set only then) opens a server-side session; its id rides in the
        // token, and every request checks that row (lib/auth/session.ts).
        if (user && account?.provider === "credentials") {
          const u = user as unknown as { id: string; role: string; tv: number };
          const session = await createSession(u.id);
          return { ...token, uid: u.id, role: u.role, tv: u.tv, sid: session.id };
        }
        if (user && account) {
          const linked = await linkOAuthAccount(account.provider, account.providerAccountId, user.email ?? "", user.name ?? "");
          if (!linked) return { ...token, uid: undefined, sid: undefined };
          const session = await createSession(linked.id);
          return { ...token, uid: linked.id, role: linked.role, tv: linked.tokenVersion, name: linked.name, email: linked.email, sid: session.id };
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
