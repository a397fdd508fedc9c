"use client";

import { useEffect, useRef } from "react";

/**
 * Rendered by the order confirmation while the cart cookie still names the cart that became this order (the
 * shopper got here by a reload or a bank's page rather than the place-order answer): once the confirmation is on
 * screen, the cookie is cleared so the next visit starts a new cart.
 */
export function ForgetCompletedCart({ forget }: { forget: () => Promise<void> }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    forget().catch((error: unknown) => console.error("could not forget the completed cart", error));
  }, [forget]);
  return null;
}
