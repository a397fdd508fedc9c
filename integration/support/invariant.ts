import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { stripeApiUrl, toMinorUnits, type PaymentIntent } from "./stack";

/**
 * The money invariant every fault case ends with, checked where the merchant and Stripe keep the truth (Medusa's
 * admin API and the Stripe double), never through the storefront:
 *
 *   - every authorized or captured PaymentIntent belongs to exactly one order, for that order's amount;
 *   - every order has its payment (a Stripe payment whose PaymentIntent is authorized or captured);
 *   - nothing is left authorized without an order.
 *
 * Other suites run on the same shared stack, so the check is scoped to what one test made: its shoppers' emails,
 * its carts, and any PaymentIntent ids it saw (e.g. in the browser's requests to Stripe).
 */

export type InvariantScope = {
  emails: string[];
  cartIds?: string[];
  paymentIntentIds?: string[];
};

export type InvariantReport = {
  orders: HttpTypes.AdminOrder[];
  paymentIntents: PaymentIntent[];
  violations: string[];
};

/** Money is held (authorized) or taken (captured): such a PaymentIntent must have an order. */
const HOLDS_MONEY = new Set(["requires_capture", "succeeded"]);

const ORDER_FIELDS =
  "id,email,total,currency_code,*payment_collections,*payment_collections.payments,*payment_collections.payment_sessions";

type SessionLike = { id?: string; data?: Record<string, unknown> | null };

function paymentIntentIdOf(holder: SessionLike): string | undefined {
  const id = holder.data?.id;
  return typeof id === "string" && id.startsWith("pi_") ? id : undefined;
}

async function doubleState(): Promise<PaymentIntent[]> {
  const response = await fetch(`${stripeApiUrl}/_double/state`);
  if (!response.ok) throw new Error(`the Stripe double's state: HTTP ${response.status}`);
  const state = (await response.json()) as { payment_intents: PaymentIntent[] };
  return state.payment_intents;
}

async function ordersByEmail(admin: Medusa, email: string): Promise<HttpTypes.AdminOrder[]> {
  const { orders } = await admin.admin.order.list({ q: email, fields: ORDER_FIELDS, limit: 50 });
  return orders.filter((order) => order.email === email);
}

async function cartSessions(store: Medusa, cartId: string): Promise<SessionLike[]> {
  try {
    const { cart } = await store.store.cart.retrieve(cartId, { fields: "id,*payment_collection.payment_sessions" });
    return (cart.payment_collection?.payment_sessions ?? []) as SessionLike[];
  } catch {
    // A cart id that never existed (the invalid-cookie cases) has no sessions.
    return [];
  }
}

/** Pure: the violations of the invariant, given the scoped orders and PaymentIntents. */
export function findViolations(orders: HttpTypes.AdminOrder[], paymentIntents: PaymentIntent[]): string[] {
  const violations: string[] = [];
  const byId = new Map(paymentIntents.map((intent) => [intent.id, intent]));
  const ordersByIntent = new Map<string, HttpTypes.AdminOrder[]>();

  for (const order of orders) {
    const payments = (order.payment_collections ?? []).flatMap((collection) => collection.payments ?? []);
    const paid = payments.filter((payment) => {
      const intent = byId.get(paymentIntentIdOf(payment as SessionLike) ?? "");
      return intent !== undefined && HOLDS_MONEY.has(intent.status);
    });
    if (paid.length === 0) violations.push(`order ${order.id} has no authorized or captured payment`);
    for (const payment of paid) {
      const intentId = paymentIntentIdOf(payment as SessionLike) ?? "";
      ordersByIntent.set(intentId, [...(ordersByIntent.get(intentId) ?? []), order]);
    }
  }

  for (const intent of paymentIntents) {
    if (!HOLDS_MONEY.has(intent.status)) continue;
    const owners = ordersByIntent.get(intent.id) ?? [];
    if (owners.length === 0) {
      violations.push(`PaymentIntent ${intent.id} is ${intent.status} for ${intent.amount} ${intent.currency} with no order (orphaned payment)`);
    } else if (owners.length > 1) {
      violations.push(`PaymentIntent ${intent.id} belongs to ${owners.length} orders: ${owners.map((o) => o.id).join(", ")}`);
    }
    for (const order of owners) {
      const expected = toMinorUnits(order.total, order.currency_code);
      if (intent.amount !== expected || intent.currency !== order.currency_code) {
        violations.push(`PaymentIntent ${intent.id} is for ${intent.amount} ${intent.currency}, order ${order.id} for ${expected} ${order.currency_code}`);
      }
    }
  }
  return violations;
}

/** Reads the scoped orders and PaymentIntents from the backend and the double, and checks the invariant. */
export async function checkPaymentInvariant(admin: Medusa, store: Medusa, scope: InvariantScope): Promise<InvariantReport> {
  const orders = (await Promise.all(scope.emails.map((email) => ordersByEmail(admin, email)))).flat();
  const sessions: SessionLike[] = [
    ...orders.flatMap((order) => (order.payment_collections ?? []).flatMap((c) => (c.payment_sessions ?? []) as SessionLike[])),
    ...orders.flatMap((order) => (order.payment_collections ?? []).flatMap((c) => (c.payments ?? []) as SessionLike[])),
    ...(await Promise.all((scope.cartIds ?? []).map((cartId) => cartSessions(store, cartId)))).flat(),
  ];
  const sessionIds = new Set(sessions.flatMap((session) => (session.id ? [session.id] : [])));
  const intentIds = new Set([...(scope.paymentIntentIds ?? []), ...sessions.flatMap((s) => paymentIntentIdOf(s) ?? [])]);

  // Medusa tags each PaymentIntent with its session id; a session Medusa has since deleted is still found
  // through the ids the test saw.
  const paymentIntents = (await doubleState()).filter(
    (intent) => intentIds.has(intent.id) || sessionIds.has(intent.metadata?.session_id ?? ""),
  );
  return { orders, paymentIntents, violations: findViolations(orders, paymentIntents) };
}

/** PaymentIntent ids in any text (URLs of the browser's requests to Stripe, client secrets). */
export function paymentIntentIdsIn(text: string): string[] {
  return [...text.matchAll(/\b(pi_[A-Za-z0-9]+?)(?:_secret_|\b)/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}
