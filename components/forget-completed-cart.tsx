"use client";

import { useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/action-result";

/**
 * Rendered by the order confirmation while the cart cookie still names the cart that became this order (the
 * shopper got here by a reload or a bank's page rather than the place-order answer): once the confirmation is on
 * screen, the cookie is cleared so the next visit starts a new cart.
 */
export function ForgetCompletedCart({ forget }: { forget: () => Promise<ActionResult> }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    // A failure only leaves the cookie until the next confirmation or checkout visit; nothing for the shopper.
    forget().then(
      (result) => {
        if (!result.ok) console.error("could not forget the completed cart", result.error);
      },
      (error: unknown) => console.error("could not forget the completed cart", error),
    );
  }, [forget]);
  return null;
}
