import "server-only";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { type Cart, fetchOpenCart } from "./cart";
import { STRIPE_PROVIDER_ID, clientSecretOf, findStripeSession } from "./checkout-steps";
import { clearCartId, readCartId } from "./cookies";
import { MESSAGES, describeBackendError, describeCompletionError, httpStatusOf } from "./errors";
import type { FormState } from "./form";
import { medusa } from "./medusa";
import { formatMoney, isSameAmount } from "./money";

/**
 * Checkout steps 3 and 4: the Stripe payment session and placing the order. The browser only ever
 * confirms a PaymentIntent whose amount the server has just checked against the cart.
 */

/** Starts a fresh Stripe session (a new PaymentIntent) for the cart as it is now. */
async function initiateStripeSession(cartId: string): Promise<{ cart: Cart; clientSecret: string }> {
  // Fetched fresh: the SDK reuses `cart.payment_collection` when present, so it must not be stale.
  const cart = await fetchOpenCart(cartId);
  if (!cart) throw new CartGoneError();
  const { payment_collection } = await medusa().store.payment.initiatePaymentSession(cart, {
    provider_id: STRIPE_PROVIDER_ID,
  });
  const session = findStripeSession({ payment_collection });
  const clientSecret = clientSecretOf(session);
  if (!clientSecret) throw new Error("The Stripe payment session came back without a client secret");
  return { cart, clientSecret };
}

class CartGoneError extends Error {
  constructor() {
    super("cart is gone or already completed");
    this.name = "CartGoneError";
  }
}

function describe(error: unknown): string {
  return error instanceof CartGoneError ? MESSAGES.cartGone : describeBackendError(error);
}

/** Server action, step 3: pay by card through Stripe. */
export async function startCardPayment(): Promise<FormState> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return { error: MESSAGES.cartGone };
  try {
    await initiateStripeSession(cartId);
  } catch (error) {
    console.error("startCardPayment failed", error);
    return { error: describe(error) };
  }
  redirect("/checkout?step=review");
}

export type AmountCheck =
  | { status: "unchanged" }
  | { status: "changed"; clientSecret: string; message: string }
  | { status: "error"; message: string };

/**
 * Server action, called right before `stripe.confirmPayment`: is the PaymentIntent still for the
 * cart's total? If not (prices, shipping or taxes changed in between), start a new session so
 * the amount charged is always the order's amount, and tell the shopper to confirm again.
 */
export async function checkPaymentAmount(): Promise<AmountCheck> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return { status: "error", message: MESSAGES.cartGone };
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return { status: "error", message: MESSAGES.cartGone };
    const session = findStripeSession(cart);
    if (session && clientSecretOf(session) && isSameAmount(session.amount, cart.total, cart.currency_code)) {
      return { status: "unchanged" };
    }
    const fresh = await initiateStripeSession(cartId);
    // Re-render the page in this same response, so the summary and the button show the new total.
    refresh();
    return {
      status: "changed",
      clientSecret: fresh.clientSecret,
      message: `Your order total is now ${formatMoney(fresh.cart.total, fresh.cart.currency_code)}. Please check it, enter your card details again and confirm.`,
    };
  } catch (error) {
    console.error("checkPaymentAmount failed", error);
    return { status: "error", message: describe(error) };
  }
}

export type CompletionOutcome =
  | { type: "order"; orderId: string }
  /** `clientSecret`: the new PaymentIntent that replaced a released one, for the card form to remount with. */
  | { type: "failed"; message: string; clientSecret?: string };

const COMPLETION_ATTEMPTS = 6;
const COMPLETION_RETRY_MS = 750;

/**
 * Completes the cart into an order. Completion is idempotent, and a 409 means another request
 * (a second tab, or Stripe's webhook) is completing it right now: wait and ask again, and the
 * answer is the same order.
 */
export async function completeCart(cartId: string): Promise<CompletionOutcome> {
  for (let attempt = 1; attempt <= COMPLETION_ATTEMPTS; attempt++) {
    try {
      const result = await medusa().store.cart.complete(cartId, { fields: "id" });
      if (result.type === "order") return { type: "order", orderId: result.order.id };
      console.error("cart completion refused", cartId, result.error);
      return { type: "failed", message: describeCompletionError(result.error), ...(await releaseAuthorization(cartId)) };
    } catch (error) {
      const status = httpStatusOf(error);
      if (status === 409 && attempt < COMPLETION_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, COMPLETION_RETRY_MS));
        continue;
      }
      console.error("cart completion failed", cartId, error);
      // Refused (4xx, e.g. out of stock): release the hold. Unreachable or 5xx: the completion may still have
      // gone through, so the payment is left alone and the shopper retries (completion is idempotent).
      const refused = status !== undefined && status >= 400 && status < 500 && status !== 409;
      return { type: "failed", message: describeBackendError(error), ...(refused ? await releaseAuthorization(cartId) : {}) };
    }
  }
  return { type: "failed", message: MESSAGES.completing };
}

/**
 * Medusa refused to turn a paid cart into an order (stock ran out, say) but leaves the PaymentIntent authorized:
 * the shopper's bank would hold money for an order that does not exist. Starting a new Stripe session makes Medusa
 * delete the old one, and its Stripe provider cancels that PaymentIntent, releasing the hold; the new
 * PaymentIntent holds nothing until the shopper confirms it. The storefront has no Stripe secret key, so this is
 * the way it can release a payment. A cart already completed (by the webhook) is left alone.
 */
async function releaseAuthorization(cartId: string): Promise<{ clientSecret?: string }> {
  try {
    const { clientSecret } = await initiateStripeSession(cartId);
    return { clientSecret };
  } catch (error) {
    if (!(error instanceof CartGoneError)) console.error("releasing the payment after a refused completion failed", cartId, error);
    return {};
  }
}

export type PlaceOrderResult = FormState & { clientSecret?: string };

/** Server action, after Stripe confirmed the payment in the browser: turn the cart into an order. */
export async function placeOrder(): Promise<PlaceOrderResult> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return { error: MESSAGES.cartGone };
  const outcome = await completeCart(cartId);
  if (outcome.type === "failed") {
    if (outcome.clientSecret) refresh();
    return { error: outcome.message, ...(outcome.clientSecret ? { clientSecret: outcome.clientSecret } : {}) };
  }
  await clearCartId();
  redirect(`/order/${outcome.orderId}/confirmed`);
}

/**
 * For /checkout/return: does this cart's Stripe session belong to the PaymentIntent the browser
 * came back with? The redirect's `redirect_status` is only a claim; the backend decides.
 */
export async function sessionMatchesPaymentIntent(cartId: string, paymentIntentId: string | null): Promise<boolean> {
  const { cart } = await medusa().store.cart.retrieve(cartId, {
    fields: "id,completed_at,*payment_collection.payment_sessions",
  });
  // A completed cart was finished by the webhook or another tab; completing again returns its order.
  if (cart.completed_at) return true;
  const sessions = cart.payment_collection?.payment_sessions ?? [];
  return sessions.some(
    (session) => session.provider_id === STRIPE_PROVIDER_ID && session.data?.id === paymentIntentId,
  );
}
