"use client";

import Link from "next/link";

/**
 * Shown when a page could not be rendered, most often because the store's backend did not answer.
 * The details stay in the server log; the shopper gets plain words and a way to retry.
 */
export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This page could not load</h1>
      <p className="mt-3 text-neutral-600">
        The store is not answering right now. Your cart is safe — please try again in a moment.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className="btn-primary">
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Home
        </Link>
      </div>
    </main>
  );
}
