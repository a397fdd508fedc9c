"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CART_PATH, CHECKOUT_PATH } from "@/lib/paths";

/**
 * During checkout the way back is the cart. Once the order is placed there is no cart to go back to: the
 * confirmation's own "Continue shopping" leads on.
 */
export function CheckoutHeaderLink() {
  if (!usePathname().startsWith(CHECKOUT_PATH)) return null;
  return (
    <Link href={CART_PATH} prefetch={false} className="flex min-h-11 items-center text-sm text-neutral-600 hover:text-neutral-900">
      Back to cart
    </Link>
  );
}
