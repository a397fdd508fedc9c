import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CheckoutHeaderLink } from "@/components/checkout/checkout-header-link";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

/**
 * Checkout and the order confirmation keep their own quiet header: no menus to wander off into, no prefetching.
 * Sharing it, the confirmation needs no other layout's scripts or data while the shopper waits for it after paying.
 */
export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4 sm:px-6">
          <Link href="/" prefetch={false} className="text-lg font-semibold tracking-tight">
            Atelier
          </Link>
          <CheckoutHeaderLink />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">{children}</main>
    </>
  );
}
