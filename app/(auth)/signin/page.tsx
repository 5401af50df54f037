import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { readEnv } from "@/lib/env";
import { listDemoAccountHints } from "@/lib/data/demo-accounts";
import { DemoAccountsNote } from "@/components/auth/demo-accounts-note";
import { OAuthCsrfClient } from "@/components/auth/oauth-csrf";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  const env = readEnv();
  // Emails only, and only in `next dev` (never in a production build, whatever PARACRINE_DEMO says).
  const demo = await listDemoAccountHints(env);
  const oauth = [env.GITHUB_ID && env.GITHUB_SECRET ? { id: "github", name: "GitHub" } : null, env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET ? { id: "google", name: "Google" } : null].filter(
    (p): p is { id: string; name: string } => p !== null,
  );
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <Card>
        {error && error !== "CredentialsSignin" ? <p className="mb-4 text-sm text-red-700 dark:text-red-400">Sign-in did not complete. Please try again.</p> : null}
        <SignInForm callbackPath={target} />
        {oauth.length ? (
          <div className="mt-6 space-y-2 border-t border-slate-200 pt-4 dark:border-slate-700">
            {oauth.map((p) => (
              <form key={p.id} method="post" action={`/api/auth/signin/${p.id}`}>
                <input type="hidden" name="callbackUrl" value={target} />
                <OAuthCsrfClient />
                <button type="submit" className="w-full rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-600">
                  Continue with {p.name}
                </button>
              </form>
            ))}
          </div>
        ) : null}
      </Card>
      <p className="text-sm">
        New here? <Link href={`/signup${callbackUrl ? `?callbackUrl=${encodeURIComponent(target)}` : ""}`}>Create an account</Link>.
      </p>
      <DemoAccountsNote accounts={demo} />
    </div>
  );
}
