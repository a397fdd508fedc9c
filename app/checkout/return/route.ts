import { type NextRequest, NextResponse } from "next/server";
import { clearCartId, readCartId } from "@/lib/cookies";
import { completeCart, sessionMatchesPaymentIntent } from "@/lib/payments";

/**
 * Where Stripe sends the shopper back after a redirect (3-D Secure, redirect-based methods).
 * `redirect_status` in the URL is only the browser's claim; the backend decides, by authorizing
 * the session with Stripe while it completes the cart.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const cartId = params.get("cart_id") ?? (await readCartId());
  const paymentIntentId = params.get("payment_intent");
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);

  if (!cartId) return to("/cart");
  try {
    if (!(await sessionMatchesPaymentIntent(cartId, paymentIntentId))) {
      console.error("checkout return: payment intent does not belong to cart", { cartId, paymentIntentId });
      return to("/checkout?step=review&payment=failed");
    }
  } catch (error) {
    console.error("checkout return: could not read cart", cartId, error);
    return to("/checkout?step=review&payment=failed");
  }

  const outcome = await completeCart(cartId);
  if (outcome.type === "failed") return to("/checkout?step=review&payment=failed");
  if ((await readCartId()) === cartId) await clearCartId();
  return to(`/order/${outcome.orderId}/confirmed`);
}
