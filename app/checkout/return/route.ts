import { type NextRequest, NextResponse } from "next/server";
import { type Cart, fetchCart } from "@/lib/cart";
import { STRIPE_PROVIDER_ID } from "@/lib/checkout-steps";
import { confirmationPath, deriveCheckoutState } from "@/lib/checkout-state";
import { isCartId, readCartId } from "@/lib/cookies";

/**
 * Where Stripe sends the shopper back after a redirect (3-D Secure, redirect-based methods), possibly late or
 * twice. `redirect_status` in the URL is only the browser's claim: the page shown is derived from the cart and
 * Stripe, as on any checkout load. The cart must be this browser's: the one its cookie names, or one whose Stripe
 * session has the client secret Stripe put in this URL (a second return after the confirmation cleared the
 * cookie). Anything else does nothing and reveals nothing about that cart.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const cookieCartId = await readCartId();
  const claimedCartId = params.get("cart_id");
  const cartId = claimedCartId ?? cookieCartId;
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);

  if (!cartId || !isCartId(cartId)) return to(cookieCartId ? "/checkout" : "/cart");
  try {
    const cart = await fetchCart(cartId);
    if (cartId !== cookieCartId && !holdsClientSecret(cart, params.get("payment_intent_client_secret"))) {
      console.error("checkout return: a cart this browser does not hold", { claimedCartId, cookieCartId });
      return to("/cart?payment=not-recognised");
    }
    const state = await deriveCheckoutState(cart);
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

function holdsClientSecret(cart: Cart | null, clientSecret: string | null): boolean {
  if (!cart || !clientSecret) return false;
  return (cart.payment_collection?.payment_sessions ?? []).some(
    (session) => session.provider_id === STRIPE_PROVIDER_ID && session.data?.client_secret === clientSecret,
  );
}
