"use client";

import { useEffect, useRef } from "react";
import { COMPLETED_CART_API_PATH } from "@/lib/paths";

/**
 * Rendered by the order confirmation while the cart cookie still names the cart that became this order (`cartToken`
 * names it): once the confirmation is on screen, the cookie is cleared so the next visit starts a new cart. A failure
 * only leaves the cookie until the next confirmation or checkout visit, which lead to the same order; nothing for the
 * shopper.
 */
export function ForgetCompletedCart({ cartToken }: { cartToken: string }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    fetch(`${COMPLETED_CART_API_PATH}?cart=${encodeURIComponent(cartToken)}`, { method: "DELETE" }).then(
      async (response) => {
        if (!response.ok) console.error("could not forget the completed cart", response.status, await response.text());
      },
      (error: unknown) => console.error("could not forget the completed cart", error),
    );
  }, [cartToken]);
  return null;
}
