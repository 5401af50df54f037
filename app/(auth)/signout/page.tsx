import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold">Sign out</h1>
      <Card className="space-y-4">
        {user ? (
          <>
            <p>
              You are signed in as <span className="font-medium">{user.email}</span>. Signing out ends this browser&apos;s session; to end every session, use{" "}
              <Link href="/account">Sign out everywhere</Link> on your account page.
            </p>
            <SignOutButton />
          </>
        ) : (
          <p>
            You are signed out. <Link href="/signin">Sign in again</Link>.
          </p>
        )}
      </Card>
    </div>
  );
}
