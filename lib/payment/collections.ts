import { isSameAmount } from "../money";

/**
 * The money's life after checkout, read from an order's payment collections as the store API returns
 * them (`GET /store/orders/:id` with `*payment_collections`). Pure: the order page and the payment-link
 * page both decide from this what to show, and it is unit-tested without a backend.
 *
 * Medusa's collection statuses: not_paid and awaiting (nothing secured yet), authorized and
 * partially_authorized (card held), partially_captured and completed (money taken), canceled (e.g. an
 * authorization released when an order edit asked for a new total) and failed.
 */

export type CollectionStatus =
  | "not_paid"
  | "awaiting"
  | "authorized"
  | "partially_authorized"
  | "partially_captured"
  | "canceled"
  | "failed"
  | "completed";

export interface CollectionLike {
  id: string;
  status: string;
  currency_code: string;
  amount: number;
  authorized_amount?: number | null;
  captured_amount?: number | null;
  refunded_amount?: number | null;
  created_at?: string | Date | null;
}

/** Statuses in which the shopper still has to pay the collection. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(["not_paid", "awaiting", "failed"]);
/** Statuses in which the money is secured (held or taken): the shopper owes nothing more on it. */
const SECURED_STATUSES: ReadonlySet<string> = new Set([
  "authorized",
  "partially_authorized",
  "partially_captured",
  "completed",
]);

export function isOpenCollection(collection: Pick<CollectionLike, "status" | "amount">): boolean {
  return OPEN_STATUSES.has(collection.status) && collection.amount > 0;
}

export function isSecuredCollection(collection: Pick<CollectionLike, "status">): boolean {
  return SECURED_STATUSES.has(collection.status);
}

export interface PaymentHistoryRow {
  id: string;
  label: string;
  /** What the shopper reads about this collection, in plain words. */
  state: string;
  currencyCode: string;
  requested: number;
  authorized: number;
  captured: number;
  refunded: number;
  /** Set while the shopper can still pay it. */
  payable: boolean;
}

function stateOf(collection: CollectionLike): string {
  const captured = collection.captured_amount ?? 0;
  const refunded = collection.refunded_amount ?? 0;
  switch (collection.status) {
    case "not_paid":
    case "awaiting":
      return "Awaiting payment";
    case "failed":
      return "Payment failed — awaiting payment";
    case "authorized":
    case "partially_authorized":
      return "Authorized — your card will be charged when the order ships";
    case "partially_captured":
    case "completed":
      if (refunded > 0) return isSameAmount(refunded, captured, collection.currency_code) ? "Refunded" : "Paid, partly refunded";
      return "Paid";
    case "canceled":
      // What Medusa does when an order changes while the first payment is only authorized: the hold
      // on the card is released and a new collection asks for the whole new total.
      return (collection.authorized_amount ?? 0) > 0 ? "Authorization released — replaced by a new payment request" : "Canceled";
    default:
      return collection.status;
  }
}

function byCreation(a: CollectionLike, b: CollectionLike): number {
  const time = (value: CollectionLike["created_at"]) => (value ? new Date(value).getTime() : 0);
  return time(a.created_at) - time(b.created_at);
}

/** One row per collection, oldest first (the checkout payment, then what later changes asked for). */
export function paymentHistory(collections: readonly CollectionLike[]): PaymentHistoryRow[] {
  return [...collections].sort(byCreation).map((collection, index) => ({
    id: collection.id,
    label: index === 0 ? "Payment at checkout" : `Additional payment ${index}`,
    state: stateOf(collection),
    currencyCode: collection.currency_code,
    requested: collection.amount,
    authorized: collection.authorized_amount ?? 0,
    captured: collection.captured_amount ?? 0,
    refunded: collection.refunded_amount ?? 0,
    payable: isOpenCollection(collection),
  }));
}

export interface PaymentTotals {
  authorized: number;
  captured: number;
  refunded: number;
  /** Still owed: the sum of the collections the shopper has not paid yet. */
  owed: number;
}

/**
 * Sums over the collections. Canceled ones count for nothing (their hold was released). What is owed
 * comes from open collections, not from `order.summary.pending_difference`: that one also grows when
 * the merchant refunds, which is money going back to the shopper, not a debt.
 */
export function paymentTotals(collections: readonly CollectionLike[]): PaymentTotals {
  const totals: PaymentTotals = { authorized: 0, captured: 0, refunded: 0, owed: 0 };
  for (const collection of collections) {
    if (collection.status === "canceled") continue;
    totals.authorized += collection.authorized_amount ?? 0;
    totals.captured += collection.captured_amount ?? 0;
    totals.refunded += collection.refunded_amount ?? 0;
    if (isOpenCollection(collection)) totals.owed += collection.amount;
  }
  return totals;
}

/** The collection the "pay what you owe" link points to: the oldest open one. */
export function firstOpenCollection<T extends CollectionLike>(collections: readonly T[]): T | null {
  return [...collections].sort(byCreation).find(isOpenCollection) ?? null;
}

export type PaymentLinkState =
  | { kind: "payable" }
  | { kind: "paid" }
  | { kind: "canceled" }
  | { kind: "nothing-to-pay" };

/** What the payment-link page does with a collection that belongs to the order. */
export function paymentLinkState(collection: Pick<CollectionLike, "status" | "amount">): PaymentLinkState {
  if (isSecuredCollection(collection)) return { kind: "paid" };
  if (collection.status === "canceled") return { kind: "canceled" };
  if (isOpenCollection(collection)) return { kind: "payable" };
  return { kind: "nothing-to-pay" };
}
