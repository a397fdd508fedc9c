import { isSameAmount } from "./money";
import { type HasPaymentSessions, clientSecretOf, findStripeSession } from "./payment/sessions";

/**
 * How far a checkout has come, derived from the cart alone. The checkout is one page of three sections; the cart
 * decides which of them are done, which is open for input and which must wait, so a reload, the back button or a
 * deep link always shows the same page and no section can be skipped.
 */

/** The address fields Medusa needs to quote shipping and tax. */
const REQUIRED_ADDRESS_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"] as const;

type AddressLike = Partial<Record<(typeof REQUIRED_ADDRESS_FIELDS)[number], string | null>> | null | undefined;

/** The parts of a Medusa store cart that decide the progress. */
export interface ProgressCart extends HasPaymentSessions {
  email?: string | null;
  currency_code: string;
  total: number;
  items?: readonly unknown[] | null;
  shipping_address?: AddressLike;
  billing_address?: AddressLike;
  shipping_methods?: readonly unknown[] | null;
}

export interface CheckoutProgress {
  /** Contact and addresses: `done` once Medusa has all it needs to quote delivery and tax. */
  address: "open" | "done";
  /** Delivery: chosen (`done`, still changeable), to choose (`open`), or waiting for an address (`locked`). */
  delivery: "locked" | "open" | "done";
  /**
   * Payment: `ready` when the cart has a Stripe session for exactly its total (the card form mounts on it), `prepare`
   * when one must be started first, `free` when promotions cover the whole total (nothing to pay, and Stripe takes
   * no zero amounts), `locked` until delivery is chosen.
   */
  payment: "locked" | "prepare" | "ready" | "free";
}

export function isCompleteAddress(address: AddressLike): boolean {
  return Boolean(address && REQUIRED_ADDRESS_FIELDS.every((field) => (address[field] ?? "").trim() !== ""));
}

/**
 * A Stripe session is usable only while it is for exactly the cart's total: Medusa drops or
 * re-prices sessions when the cart changes, and we never let the shopper confirm a stale amount.
 */
export function hasPaymentReadyFor(cart: ProgressCart): boolean {
  const session = findStripeSession(cart);
  return Boolean(
    session && clientSecretOf(session) && isSameAmount(session.amount, cart.total, cart.currency_code),
  );
}

export function hasContactAndAddresses(cart: ProgressCart): boolean {
  return Boolean(cart.email?.trim()) && isCompleteAddress(cart.shipping_address) && isCompleteAddress(cart.billing_address);
}

export function checkoutProgress(cart: ProgressCart): CheckoutProgress {
  if (!hasContactAndAddresses(cart)) return { address: "open", delivery: "locked", payment: "locked" };
  if ((cart.shipping_methods?.length ?? 0) === 0) return { address: "done", delivery: "open", payment: "locked" };
  if (isFree(cart)) return { address: "done", delivery: "done", payment: "free" };
  return { address: "done", delivery: "done", payment: hasPaymentReadyFor(cart) ? "ready" : "prepare" };
}

/** Nothing to pay: the order's whole total (items, delivery and tax) is covered. */
export function isFree(cart: Pick<ProgressCart, "total" | "currency_code">): boolean {
  return isSameAmount(cart.total, 0, cart.currency_code) || cart.total < 0;
}

/** What a delivery choice needs for picking one on the shopper's behalf. */
export interface PricedOption {
  id: string;
  amount: number | null;
  insufficient_inventory?: boolean;
}

/**
 * The option chosen for a shopper who has not chosen yet: the cheapest that can ship, as the big checkouts do, so
 * that giving an address is enough to see the card form. The shopper can change it on the same page.
 */
export function defaultDeliveryOption<Option extends PricedOption>(options: readonly Option[]): Option | null {
  let cheapest: Option | null = null;
  for (const option of options) {
    if (option.insufficient_inventory || option.amount === null) continue;
    if (!cheapest || option.amount < (cheapest.amount ?? Infinity)) cheapest = option;
  }
  return cheapest;
}
