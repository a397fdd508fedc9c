import { isSameAmount } from "./money";

/**
 * Which checkout step a cart may be on, derived from the cart itself. The URL only says which
 * step the shopper wants to look at; it can go back to edit, never skip ahead.
 */

export const CHECKOUT_STEPS = ["address", "delivery", "payment", "review"] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe";

/** The address fields Medusa needs to quote shipping and tax. */
const REQUIRED_ADDRESS_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"] as const;

type AddressLike = Partial<Record<(typeof REQUIRED_ADDRESS_FIELDS)[number], string | null>> | null | undefined;

export interface PaymentSessionLike {
  id: string;
  provider_id: string;
  amount: number;
  status: string;
  data?: Record<string, unknown> | null;
}

/** The parts of a Medusa store cart that decide the step. */
export interface StepCart {
  email?: string | null;
  currency_code: string;
  total: number;
  items?: readonly unknown[] | null;
  shipping_address?: AddressLike;
  billing_address?: AddressLike;
  shipping_methods?: readonly unknown[] | null;
  payment_collection?: { payment_sessions?: readonly PaymentSessionLike[] | null } | null;
}

export function isCompleteAddress(address: AddressLike): boolean {
  return Boolean(address && REQUIRED_ADDRESS_FIELDS.every((field) => (address[field] ?? "").trim() !== ""));
}

/** The cart's pending Stripe session, if it has one. */
export function findStripeSession(cart: Pick<StepCart, "payment_collection">): PaymentSessionLike | null {
  const sessions = cart.payment_collection?.payment_sessions ?? [];
  return sessions.find((session) => session.provider_id === STRIPE_PROVIDER_ID && session.status === "pending") ?? null;
}

/** The PaymentIntent's client secret, which the Payment Element needs to mount. */
export function clientSecretOf(session: PaymentSessionLike | null): string | null {
  const secret = session?.data?.client_secret;
  return typeof secret === "string" && secret !== "" ? secret : null;
}

/**
 * A Stripe session is usable only while it is for exactly the cart's total: Medusa drops or
 * re-prices sessions when the cart changes, and we never let the shopper confirm a stale amount.
 */
export function hasPaymentReadyFor(cart: StepCart): boolean {
  const session = findStripeSession(cart);
  return Boolean(
    session && clientSecretOf(session) && isSameAmount(session.amount, cart.total, cart.currency_code),
  );
}

/** The furthest step this cart may be on. */
export function furthestAllowedStep(cart: StepCart): CheckoutStep {
  const hasContactAndAddresses =
    Boolean(cart.email?.trim()) && isCompleteAddress(cart.shipping_address) && isCompleteAddress(cart.billing_address);
  if (!hasContactAndAddresses) return "address";
  if ((cart.shipping_methods?.length ?? 0) === 0) return "delivery";
  if (!hasPaymentReadyFor(cart)) return "payment";
  return "review";
}

export function isCheckoutStep(value: unknown): value is CheckoutStep {
  return typeof value === "string" && (CHECKOUT_STEPS as readonly string[]).includes(value);
}

export function stepIndex(step: CheckoutStep): number {
  return CHECKOUT_STEPS.indexOf(step);
}

/**
 * The step to show for a requested `?step=`: the requested one if the cart allows it (going back
 * to edit is always allowed), otherwise the furthest allowed. `redirect` says the URL must change.
 */
export function resolveCheckoutStep(
  requested: string | string[] | undefined,
  cart: StepCart,
): { step: CheckoutStep; redirect: boolean } {
  const furthest = furthestAllowedStep(cart);
  if (!isCheckoutStep(requested)) return { step: furthest, redirect: true };
  if (stepIndex(requested) > stepIndex(furthest)) return { step: furthest, redirect: true };
  return { step: requested, redirect: false };
}

/**
 * What a Stripe PaymentIntent's status means for the cart it pays: `held` — the money is authorized or captured,
 * the cart must become an order; `processing` — Stripe has not decided yet; `unpaid` — the card form is what the
 * shopper needs (nothing was charged).
 */
export type PaymentProgress = "held" | "processing" | "unpaid";

export function paymentProgressOf(paymentIntentStatus: string | null | undefined): PaymentProgress {
  if (paymentIntentStatus === "requires_capture" || paymentIntentStatus === "succeeded") return "held";
  if (paymentIntentStatus === "processing") return "processing";
  return "unpaid";
}

/**
 * The cart's live Stripe session: the pending one the card form uses, or one Medusa already authorized (Stripe's
 * webhook got there first) while the cart is not yet an order.
 */
export function findLiveStripeSession(cart: Pick<StepCart, "payment_collection">): PaymentSessionLike | null {
  const sessions = cart.payment_collection?.payment_sessions ?? [];
  return (
    sessions.find((session) => session.provider_id === STRIPE_PROVIDER_ID && session.status === "authorized") ??
    findStripeSession(cart)
  );
}

/** `pi_123_secret_abc` → `pi_123`: the PaymentIntent a client secret belongs to. */
export function paymentIntentIdOf(clientSecret: string | null | undefined): string | null {
  const match = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret ?? "");
  return match?.[1] ?? null;
}
