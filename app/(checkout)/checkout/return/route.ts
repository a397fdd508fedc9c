import { type NextRequest, NextResponse } from "next/server";
import { type Cart, fetchCart, readOwnCartId } from "@/lib/cart";
import { looksLikeId } from "@/lib/ids";
import { CART_PATH, CHECKOUT_PATH, cartPath, checkoutPath, orderConfirmationPath } from "@/lib/paths";
import { deriveCheckoutState } from "@/lib/payment/checkout-state";
import { STRIPE_PROVIDER_ID } from "@/lib/payment/sessions";

/**
 * Where Stripe sends the shopper back after a redirect (3-D Secure, redirect-based methods), possibly late or
 * twice. `redirect_status` in the URL is only the browser's claim: the page shown is derived from the cart and
 * Stripe, as on any checkout load. The cart must be this browser's: the one its cookie names, or one whose Stripe
 * session has the client secret Stripe put in this URL (a second return after the confirmation cleared the
 * cookie). Anything else does nothing and reveals nothing about that cart.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const cookieCartId = await readOwnCartId();
  const claimedCartId = params.get("cart_id");
  const cartId = claimedCartId ?? cookieCartId;
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);

  if (!looksLikeId(cartId, "cart")) return to(cookieCartId ? CHECKOUT_PATH : CART_PATH);
  try {
    const cart = await fetchCart(cartId);
    if (cartId !== cookieCartId && !holdsClientSecret(cart, params.get("payment_intent_client_secret"))) {
      console.error("checkout return: a cart this browser does not hold", { claimedCartId, cookieCartId });
      return to(cartPath({ paymentNotRecognised: true }));
    }
    const state = await deriveCheckoutState(cart);
    switch (state.kind) {
      case "ordered":
        // The confirmation page clears the cart cookie once it is shown.
        return to(orderConfirmationPath(state.orderId));
      case "confirming":
        return to(CHECKOUT_PATH);
      case "none":
        return to(CART_PATH);
      case "open":
        return to(checkoutPath({ paymentFailed: true }));
    }
  } catch (error) {
    console.error("checkout return: could not read the cart", cartId, error);
    return to(CHECKOUT_PATH);
  }
}

function holdsClientSecret(cart: Cart | null, clientSecret: string | null): boolean {
  if (!cart || !clientSecret) return false;
  return (cart.payment_collection?.payment_sessions ?? []).some(
    (session) => session.provider_id === STRIPE_PROVIDER_ID && session.data?.client_secret === clientSecret,
  );
}
