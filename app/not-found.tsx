import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 text-neutral-600">We could not find what you were looking for.</p>
      <Link href="/" className="btn-primary mt-8">
        Browse products
      </Link>
    </main>
  );
}
