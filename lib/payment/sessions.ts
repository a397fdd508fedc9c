/**
 * Reading Medusa's payment sessions for Stripe: which one is live, its client secret, its PaymentIntent, and what
 * a PaymentIntent's status means. Pure and browser-safe: the server decides with it, the card form reads with it.
 */

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe";

export interface PaymentSessionLike {
  id: string;
  provider_id: string;
  amount: number;
  status: string;
  data?: Record<string, unknown> | null;
}

/** Whatever carries payment sessions: a cart's payment collection, or an order's. */
export interface HasPaymentSessions {
  payment_collection?: { payment_sessions?: readonly PaymentSessionLike[] | null } | null;
}

/** The pending Stripe session, if there is one. */
export function findStripeSession(owner: HasPaymentSessions): PaymentSessionLike | null {
  const sessions = owner.payment_collection?.payment_sessions ?? [];
  return sessions.find((session) => session.provider_id === STRIPE_PROVIDER_ID && session.status === "pending") ?? null;
}

/**
 * The live Stripe session: the pending one the card form uses, or one Medusa already authorized (Stripe's
 * webhook got there first) while the cart is not yet an order.
 */
export function findLiveStripeSession(owner: HasPaymentSessions): PaymentSessionLike | null {
  const sessions = owner.payment_collection?.payment_sessions ?? [];
  return (
    sessions.find((session) => session.provider_id === STRIPE_PROVIDER_ID && session.status === "authorized") ??
    findStripeSession(owner)
  );
}

/**
 * The session of this PaymentIntent if Medusa closed it after a failed attempt. Stripe's webhook for a declined card
 * or a failed 3-D Secure makes Medusa try to complete the cart; its Stripe provider reads the failure as an error and
 * the session can no longer become an order, although Stripe would let the PaymentIntent be paid again.
 */
export function sessionClosedAfterFailedAttempt(owner: HasPaymentSessions, paymentIntentId: string): PaymentSessionLike | null {
  const sessions = owner.payment_collection?.payment_sessions ?? [];
  return (
    sessions.find(
      (session) =>
        session.provider_id === STRIPE_PROVIDER_ID &&
        session.status === "error" &&
        paymentIntentIdOf(clientSecretOf(session)) === paymentIntentId,
    ) ?? null
  );
}

/**
 * The Stripe session whose PaymentIntent may hold the shopper's money while the cart is no order: the live one, or
 * one Medusa closed after a failed attempt (its PaymentIntent can still be paid by a card form that holds it).
 */
export function findSessionThatMayHold(owner: HasPaymentSessions): PaymentSessionLike | null {
  const sessions = owner.payment_collection?.payment_sessions ?? [];
  return (
    findLiveStripeSession(owner) ??
    sessions.find((session) => session.provider_id === STRIPE_PROVIDER_ID && session.status === "error") ??
    null
  );
}

/** The PaymentIntent's client secret, which the Payment Element needs to mount. */
export function clientSecretOf(session: PaymentSessionLike | null): string | null {
  const secret = session?.data?.client_secret;
  return typeof secret === "string" && secret !== "" ? secret : null;
}

/** The Stripe customer a session's PaymentIntent is for (Medusa keeps the whole PaymentIntent as its data): a guest's has none. */
export function stripeCustomerOf(session: PaymentSessionLike | null): string | null {
  const customer = session?.data?.customer;
  return typeof customer === "string" && customer !== "" ? customer : null;
}

/** `pi_123_secret_abc` → `pi_123`: the PaymentIntent a client secret belongs to. */
export function paymentIntentIdOf(clientSecret: string | null | undefined): string | null {
  const match = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret ?? "");
  return match?.[1] ?? null;
}

/**
 * What a Stripe PaymentIntent's status means for what it pays: `held` — the money is authorized or captured, the
 * cart must become an order; `processing` — Stripe has not decided yet; `unpaid` — the card form is what the
 * shopper needs (nothing was charged).
 */
export type PaymentProgress = "held" | "processing" | "unpaid";

export function paymentProgressOf(paymentIntentStatus: string | null | undefined): PaymentProgress {
  if (paymentIntentStatus === "requires_capture" || paymentIntentStatus === "succeeded") return "held";
  if (paymentIntentStatus === "processing") return "processing";
  return "unpaid";
}

/** After this status the card form's work is done: the money is held, or Stripe is deciding (no second charge). */
export function isPaymentSecured(paymentIntentStatus: string | null | undefined): boolean {
  return paymentProgressOf(paymentIntentStatus) !== "unpaid";
}
