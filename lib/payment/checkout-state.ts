import "server-only";
import { refresh } from "next/cache";
import { cache } from "react";
import { type Cart, fetchCart, getCartRecord } from "../cart";
import { getConfig } from "../config";
import { MESSAGES } from "../errors";
import { formatMoney, isSameAmount } from "../money";
import { CHECKOUT_PATH, orderConfirmationPath } from "../paths";
import { completeCart } from "./completion";
import {
  clientSecretOf,
  findLiveStripeSession,
  findStripeSession,
  sessionClosedAfterFailedAttempt,
  paymentIntentIdOf,
  paymentProgressOf,
} from "./sessions";
import { CartGoneError, describePaymentError, startCartStripeSession } from "./stripe-session";
import type { AmountCheck, LoadErrorRecovery } from "./types";

/**
 * Where a shopper's checkout stands, derived on every load from Medusa and Stripe, never from what the browser
 * remembers: after a reload, a second tab, a lost answer or a bank's page that sent them back late, every page
 * of the checkout (and the cart) shows the truth.
 *
 * - `ordered`: the cart is an order (the webhook, another tab or this load completed it) — show its confirmation;
 * - `confirming`: Stripe is still deciding, or the money is held and the order is being placed — wait, say so;
 * - `open`: nothing is paid — the checkout steps and the card form; `notice` when a hold was just released;
 * - `none`: no cart.
 */
export type CheckoutState =
  | { kind: "none" }
  | { kind: "ordered"; orderId: string }
  | { kind: "confirming" }
  | { kind: "open"; cart: Cart; notice?: string };

/**
 * The PaymentIntent's status, asked of Stripe the way Stripe.js asks (publishable key and client secret), but from
 * the server. Medusa's copy of the PaymentIntent is only refreshed when it authorizes the session, so right after
 * the shopper confirmed (before Stripe's webhook is processed) only Stripe knows. Null when Stripe cannot say;
 * Medusa, which checks with the secret key, still decides whether an order is placed.
 */
async function readPaymentIntentStatus(clientSecret: string): Promise<string | null> {
  const id = paymentIntentIdOf(clientSecret);
  if (!id) return null;
  const { stripeApiUrl, stripePublishableKey, medusaTimeoutMs } = getConfig();
  try {
    const response = await fetch(`${stripeApiUrl}/v1/payment_intents/${id}?client_secret=${encodeURIComponent(clientSecret)}`, {
      headers: { Authorization: `Bearer ${stripePublishableKey}` },
      cache: "no-store",
      signal: AbortSignal.timeout(medusaTimeoutMs),
    });
    const body: unknown = await response.json();
    const status = typeof body === "object" && body !== null && "status" in body ? body.status : null;
    if (!response.ok || typeof status !== "string") {
      console.error("reading the PaymentIntent from Stripe failed", id, response.status, body);
      return null;
    }
    return status;
  } catch (error) {
    console.error("reading the PaymentIntent from Stripe failed", id, error);
    return null;
  }
}

/** The state of one cart. Throws only when Medusa cannot be read at all (the page's error boundary says so). */
export async function deriveCheckoutState(cart: Cart | null): Promise<CheckoutState> {
  if (!cart) return { kind: "none" };
  if (cart.completed_at) {
    // Completing a completed cart is how the store API gives its order (Medusa reads the cart↔order link).
    const outcome = await completeCart(cart.id);
    return outcome.type === "order" ? { kind: "ordered", orderId: outcome.orderId } : { kind: "confirming" };
  }
  const session = findLiveStripeSession(cart);
  const clientSecret = clientSecretOf(session);
  if (!session || !clientSecret) return { kind: "open", cart };
  const progress = session.status === "authorized" ? "held" : paymentProgressOf(await readPaymentIntentStatus(clientSecret));
  if (progress === "processing") return { kind: "confirming" };
  if (progress === "unpaid") return { kind: "open", cart };

  // The money is held: the cart must become an order, whoever asks first (idempotent; a 409 is waited out).
  const outcome = await completeCart(cart.id);
  if (outcome.type === "order") return { kind: "ordered", orderId: outcome.orderId };
  // Refused and released (stock ran out): back to the card form on the new PaymentIntent, with the reason.
  if (outcome.clientSecret) {
    const fresh = await fetchCart(cart.id);
    return fresh && !fresh.completed_at ? { kind: "open", cart: fresh, notice: outcome.message } : { kind: "confirming" };
  }
  // Not answered (busy, unreachable): the money is safe and the next look completes it.
  return { kind: "confirming" };
}

/** The shopper's checkout state, derived at most once per request. */
export const getCheckoutState = cache(async (): Promise<CheckoutState> => deriveCheckoutState(await getCartRecord()));

const FAILED_ATTEMPT_CLOSED = "Your last payment attempt did not go through and nothing was charged; this payment starts afresh.";

const REPLACED_ELSEWHERE =
  "This payment was restarted in another tab or window, so this card form was out of date and nothing was charged.";

/**
 * Right before `stripe.confirmPayment`, with the PaymentIntent the card form holds: is it
 * still the cart's payment, for the cart's total? Another tab may have started a new session (Medusa then
 * canceled this one) or paid; prices, shipping or taxes may have changed. The form then remounts on the cart's
 * current PaymentIntent, or the shopper is taken to the order, so the amount charged is always the order's.
 */
export async function checkCartPaymentAmount(cartId: string, paymentIntentId: string): Promise<AmountCheck> {
  try {
    const state = await deriveCheckoutState(await fetchCart(cartId));
    if (state.kind === "ordered") return { ok: true, status: "ordered", href: orderConfirmationPath(state.orderId) };
    if (state.kind === "confirming") return { ok: false, error: MESSAGES.paymentSafe };
    if (state.kind === "none") return { ok: false, error: MESSAGES.cartGone };
    const { cart } = state;
    const session = findStripeSession(cart);
    const current = clientSecretOf(session);
    const sameAmount = Boolean(session && isSameAmount(session.amount, cart.total, cart.currency_code));
    if (current && sameAmount && paymentIntentIdOf(current) === paymentIntentId) return { ok: true, status: "unchanged" };
    // Re-render the page in this same response, so the summary and the button show the cart as it is now.
    refresh();
    const total = `Your order total is ${formatMoney(cart.total, cart.currency_code)}.`;
    if (current && sameAmount) {
      return { ok: true, status: "changed", clientSecret: current, message: `${REPLACED_ELSEWHERE} ${total} Please enter your card details again and confirm.` };
    }
    const failed = sessionClosedAfterFailedAttempt(cart, paymentIntentId);
    const fresh = await startCartStripeSession(cartId);
    const newTotal = formatMoney(fresh.cart.total, fresh.cart.currency_code);
    const message =
      failed && isSameAmount(failed.amount, fresh.cart.total, fresh.cart.currency_code)
        ? `${FAILED_ATTEMPT_CLOSED} ${total} Please enter your card details again and confirm.`
        : `Your order total is now ${newTotal}. Please check it, enter your card details again and confirm.`;
    return { ok: true, status: "changed", clientSecret: fresh.clientSecret, message };
  } catch (error) {
    if (!(error instanceof CartGoneError)) console.error("checking the payment amount failed", error);
    return { ok: false, error: describePaymentError(error) };
  }
}

/**
 * For a card form that Stripe refused to load (the PaymentIntent can no longer be confirmed: it was
 * paid, or canceled by another tab). Re-derives the state: the confirmation, the checkout page again when it has
 * something else to show, or a message when it would show the same form again.
 */
export async function recoverCartPayment(cartId: string, failedClientSecret: string): Promise<LoadErrorRecovery> {
  try {
    const state = await deriveCheckoutState(await fetchCart(cartId));
    if (state.kind === "ordered") return { ok: true, navigateTo: orderConfirmationPath(state.orderId) };
    if (state.kind === "open" && clientSecretOf(findStripeSession(state.cart)) === failedClientSecret) {
      return { ok: false, error: MESSAGES.cardFormNotLoaded };
    }
    return { ok: true, navigateTo: CHECKOUT_PATH };
  } catch (error) {
    console.error("recovering the checkout failed", cartId, error);
    return { ok: false, error: describePaymentError(error) };
  }
}
