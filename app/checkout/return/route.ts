import { type NextRequest, NextResponse } from "next/server";
import { fetchCart } from "@/lib/cart";
import { confirmationPath, deriveCheckoutState } from "@/lib/checkout-state";
import { readCartId } from "@/lib/cookies";

/**
 * Where Stripe sends the shopper back after a redirect (3-D Secure, redirect-based methods), possibly late or
 * twice. `redirect_status` and `payment_intent` in the URL are only the browser's claim: the page shown is derived
 * from the cart this browser holds, as on any checkout load. A return for a cart this browser does not hold does
 * nothing and reveals nothing about that cart.
 */
export async function GET(request: NextRequest) {
  const claimedCartId = request.nextUrl.searchParams.get("cart_id");
  const cartId = await readCartId();
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);

  if (!cartId || (claimedCartId !== null && claimedCartId !== cartId)) {
    console.error("checkout return: a cart this browser does not hold", { claimedCartId, cartId });
    return to("/cart?payment=not-recognised");
  }
  try {
    const state = await deriveCheckoutState(await fetchCart(cartId));
    switch (state.kind) {
      case "ordered":
        // The confirmation page clears the cart cookie once it is shown.
        return to(confirmationPath(state.orderId));
      case "confirming":
        return to("/checkout");
      case "none":
        return to("/cart");
      case "open":
        return to("/checkout?step=review&payment=failed");
    }
  } catch (error) {
    console.error("checkout return: could not read the cart", cartId, error);
    return to("/checkout");
  }
}
