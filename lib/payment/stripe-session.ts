import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { type Cart, fetchOpenCart } from "../cart";
import { readCustomerTokenCookie } from "../cookies";
import { MESSAGES, describeBackendError } from "../errors";
import { customerHeaders, medusa } from "../medusa";
import { STRIPE_PROVIDER_ID, clientSecretOf, findStripeSession } from "./sessions";

/**
 * Starting a Stripe payment session (a new PaymentIntent) on a payment collection, for a cart at checkout or for
 * an order's payment link alike. Medusa deletes the collection's other sessions when it creates one, and its Stripe
 * provider cancels their PaymentIntents: callers reuse a pending session when it is still right, so a reload within
 * the webhook's delay never cancels a PaymentIntent the shopper has just confirmed.
 */

type PaymentTarget = { collectionId: string } | { cart: Pick<Cart, "id" | "payment_collection"> };

/**
 * Starts the session and answers its client secret, which the Payment Element mounts with. A signed-in shopper's cart
 * starts it with the customer's token: Medusa then gives the PaymentIntent the customer's Stripe customer (creating
 * that account holder on first use), which saving and reusing cards needs. A payment link's session stays a guest's:
 * whoever opens the link pays, signed in or not.
 */
export async function startStripeSession(target: PaymentTarget): Promise<string> {
  const forCart = "cart" in target;
  const [collectionId, token] = await Promise.all([
    forCart ? cartCollectionId(target.cart) : target.collectionId,
    forCart ? readCustomerTokenCookie() : null,
  ]);
  const { payment_collection } = await medusa().client.fetch<{ payment_collection: HttpTypes.StorePaymentCollection }>(
    `/store/payment-collections/${collectionId}/payment-sessions`,
    { method: "POST", body: { provider_id: STRIPE_PROVIDER_ID }, headers: customerHeaders(token) },
  );
  const secret = clientSecretOf(findStripeSession({ payment_collection }));
  if (!secret) throw new Error("The Stripe payment session came back without a client secret");
  return secret;
}

/** A cart gets its payment collection on its first payment session. */
async function cartCollectionId(cart: Pick<Cart, "id" | "payment_collection">): Promise<string> {
  if (cart.payment_collection?.id) return cart.payment_collection.id;
  const { payment_collection } = await medusa().client.fetch<{ payment_collection: HttpTypes.StorePaymentCollection }>(
    "/store/payment-collections",
    { method: "POST", body: { cart_id: cart.id } },
  );
  return payment_collection.id;
}

/** A fresh Stripe session for the cart as it is now (read fresh: its collection must not be stale). */
export async function startCartStripeSession(cartId: string): Promise<{ cart: Cart; clientSecret: string }> {
  const cart = await fetchOpenCart(cartId);
  if (!cart) throw new CartGoneError();
  return { cart, clientSecret: await startStripeSession({ cart }) };
}

export class CartGoneError extends Error {
  constructor() {
    super("cart is gone or already completed");
    this.name = "CartGoneError";
  }
}

/** The shopper's sentence for a failure while paying. */
export function describePaymentError(error: unknown): string {
  return error instanceof CartGoneError ? MESSAGES.cartGone : describeBackendError(error);
}
