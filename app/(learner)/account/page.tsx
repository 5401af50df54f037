import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { getDesiredRetention } from "@/lib/data/review";
import { RetentionForm } from "@/components/account/retention-form";
import { DeleteAccount } from "@/components/account/delete-account";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const retention = await getDesiredRetention(user.id);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Your account</h1>
      <Card className="space-y-1">
        <p>
          <span className="font-medium">Name:</span> {user.name}
        </p>
        <p>
          <span className="font-medium">Email:</span> {user.email}
        </p>
        <p>
          <span className="font-medium">Role:</span> {user.role.toLowerCase()}
        </p>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm">Signs you out on every device and browser, this one included.</p>
        <SignOutEverywhere />
      </Card>
      <Card className="space-y-3" id="review-settings">
        <h2 className="text-lg font-semibold">Spaced review</h2>
        <RetentionForm value={retention} />
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Your data</h2>
        <p className="text-sm">Your learning record (answers, completions, reviews) as xAPI statements in a JSON file.</p>
        <p>
          <a href="/api/me/statements" download>
            Download your learning record (JSON)
          </a>
        </p>
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">Delete your account</h2>
        <DeleteAccount />
      </Card>
    </div>
  );
}
