"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p>An unexpected error happened on our side. Your work up to the last saved step is kept.</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
