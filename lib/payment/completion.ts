import "server-only";
import { fetchOpenCart } from "../cart";
import { MESSAGES, describeBackendError, describeCompletionError, httpStatusOf } from "../errors";
import { medusa } from "../medusa";
import { retryWithBackoff } from "./retry";
import { clientSecretOf, findSessionThatMayHold, paymentIntentIdOf } from "./sessions";
import { CartGoneError, startCartStripeSession } from "./stripe-session";

/**
 * Turning a paid cart into an order, and releasing the money when Medusa refuses to: money is never held without
 * an order. The storefront has no Stripe secret key; it acts on payments only through Medusa.
 */

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

/** Tries, in all, to release a hold, and the first wait between them (then 2×, 4× …): about 1.75 s at most. */
const RELEASE_ATTEMPTS = 4;
const RELEASE_FIRST_DELAY_MS = 250;

/**
 * Medusa refused to turn a paid cart into an order (stock ran out, say) but leaves the PaymentIntent authorized:
 * the shopper's bank would hold money for an order that does not exist. Starting a new Stripe session makes Medusa
 * delete the old one, and its Stripe provider cancels that PaymentIntent, releasing the hold; the new
 * PaymentIntent holds nothing until the shopper confirms it. The storefront has no Stripe secret key, so this is
 * the way it can release a payment. A cart already completed (by the webhook) is left alone.
 *
 * A failed release is retried with back-off; if every try fails the money stays held, so the merchant is told
 * in the log under a stable prefix (`[payment-hold-not-released]`) with the PaymentIntent and the cart, to cancel
 * it in Stripe's dashboard.
 */
async function releaseAuthorization(cartId: string): Promise<{ clientSecret?: string }> {
  // Which PaymentIntent holds the money, for the log line if it cannot be released (read once, before trying). A cart
  // read without any Stripe payment (a free order) holds nothing: there is nothing to release.
  const read = await fetchOpenCart(cartId).then(
    (cart) => ({ ok: true as const, held: cart ? paymentIntentIdOf(clientSecretOf(findSessionThatMayHold(cart))) : null }),
    () => ({ ok: false as const, held: null }),
  );
  if (read.ok && !read.held) return {};
  const { held } = read;
  const result = await retryWithBackoff(
    () => startCartStripeSession(cartId),
    { attempts: RELEASE_ATTEMPTS, firstDelayMs: RELEASE_FIRST_DELAY_MS },
    (error) => !(error instanceof CartGoneError),
  );
  if (result.ok) return { clientSecret: result.value.clientSecret };
  if (!(result.error instanceof CartGoneError)) {
    console.error(
      `${HOLD_NOT_RELEASED} payment_intent=${held ?? "unknown"} cart=${cartId} attempts=${result.attempts}: a refused order's payment is still held; cancel it in Stripe`,
      result.error,
    );
  }
  return {};
}

/** The log prefix a merchant's alerting can watch for: money held for an order that does not exist. */
export const HOLD_NOT_RELEASED = "[payment-hold-not-released]";
