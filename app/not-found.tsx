import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p>We could not find that page. It may have moved, or it may not be published yet.</p>
      <p>
        <Link href="/">Back to the start</Link>
      </p>
    </div>
  );
}
