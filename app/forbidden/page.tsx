import Link from "next/link";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p>Your account does not have the role this page needs. If you think it should, ask an administrator.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </div>
  );
}
