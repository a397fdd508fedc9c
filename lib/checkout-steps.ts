import { isSameAmount } from "./money";
import { type HasPaymentSessions, clientSecretOf, findStripeSession } from "./payment/sessions";

/**
 * Which checkout step a cart may be on, derived from the cart itself. The URL only says which
 * step the shopper wants to look at; it can go back to edit, never skip ahead.
 */

export const CHECKOUT_STEPS = ["address", "delivery", "payment", "review"] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** The address fields Medusa needs to quote shipping and tax. */
const REQUIRED_ADDRESS_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"] as const;

type AddressLike = Partial<Record<(typeof REQUIRED_ADDRESS_FIELDS)[number], string | null>> | null | undefined;

/** The parts of a Medusa store cart that decide the step. */
export interface StepCart extends HasPaymentSessions {
  email?: string | null;
  currency_code: string;
  total: number;
  items?: readonly unknown[] | null;
  shipping_address?: AddressLike;
  billing_address?: AddressLike;
  shipping_methods?: readonly unknown[] | null;
}

export function isCompleteAddress(address: AddressLike): boolean {
  return Boolean(address && REQUIRED_ADDRESS_FIELDS.every((field) => (address[field] ?? "").trim() !== ""));
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
