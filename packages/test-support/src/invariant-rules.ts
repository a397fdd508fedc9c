import { toMinorUnits } from "./money";
import type { PaymentIntent } from "./stack";

/**
 * The money invariant's rules, pure: no stack, no network, so that its self-test (invariant-rules.test.ts)
 * runs anywhere. invariant.ts reads the stack and applies them.
 */

/** Money is held (authorized), on its way (processing) or taken (captured): such a PaymentIntent needs an order. */
const LIVE_STATUSES = new Set(["requires_capture", "succeeded", "processing"]);

/** Medusa's built-in manual provider: no money moves through Stripe, so its orders are counted apart. */
const SYSTEM_PROVIDER = "pp_system_default";

export type SweptPayment = {
  id: string;
  provider_id: string;
  amount: number;
  currency_code: string;
  data?: Record<string, unknown> | null;
  canceled_at?: string | Date | null;
};

export type SweptSession = { id: string; provider_id?: string; data?: Record<string, unknown> | null };

export type SweptCollection = {
  id: string;
  status?: string;
  amount?: number;
  payments?: SweptPayment[] | null;
  payment_sessions?: SweptSession[] | null;
};

export type SweptOrder = {
  id: string;
  status?: string;
  total: number;
  currency_code: string;
  payment_collections?: SweptCollection[] | null;
};

export type SweptCharge = {
  id: string;
  payment_intent: string | null;
  amount: number;
  amount_refunded: number;
  captured: boolean;
  status: string;
};

export type MoneySnapshot = { orders: SweptOrder[]; paymentIntents: PaymentIntent[]; charges?: SweptCharge[] };

export type SweepCounts = {
  paymentIntents: Record<string, number>;
  orders: number;
  /** Orders paid only through Medusa's manual provider (no Stripe money to check). */
  systemDefaultOrders: number;
  canceledOrders: number;
  /** Orders whose payment Medusa released for a merchant's change (an edit while only authorized) and that now await a new payment. */
  awaitingPaymentOrders: number;
  /** Orders whose promotions covered the whole total: nothing to pay, so no payment at all. */
  freeOrders: number;
  payments: number;
};

export type SweepReport = { counts: SweepCounts; violations: string[] };

/** The PaymentIntent a Medusa payment or session stands for: its `data` is the PaymentIntent. */
export function paymentIntentIdOf(holder: { data?: Record<string, unknown> | null }): string | undefined {
  const id = holder.data?.id;
  return typeof id === "string" && id.startsWith("pi_") ? id : undefined;
}

function isStripe(providerId: string | undefined): boolean {
  return providerId !== undefined && providerId.startsWith("pp_stripe");
}

function label(intent: PaymentIntent): string {
  const session = intent.metadata?.session_id ? `, session ${intent.metadata.session_id}` : "";
  return `PaymentIntent ${intent.id} (${intent.status}, ${intent.amount} ${intent.currency}${session})`;
}

/** Collection statuses under which Medusa asks the shopper for money it does not hold yet. */
const UNPAID_COLLECTION_STATUSES = new Set(["not_paid", "awaiting"]);

/**
 * An order that had its Stripe money, whose payment Medusa itself then released for a merchant's change (confirming an
 * edit of an order only authorized cancels that collection), and that asks for the new total through an unpaid
 * collection. It holds no money until the shopper pays by link: the merchant's decision, not lost money.
 */
function awaitsPaymentAfterChange(order: SweptOrder): boolean {
  const collections = order.payment_collections ?? [];
  const payments = collections.flatMap((collection) => collection.payments ?? []);
  const releasedByMedusa = payments.some((payment) => isStripe(payment.provider_id) && payment.canceled_at);
  const asksAgain = collections.some((collection) => UNPAID_COLLECTION_STATUSES.has(collection.status ?? "") && (collection.amount ?? 0) > 0);
  return releasedByMedusa && asksAgain;
}

/** An order whose total is zero (promotions covered it all): there is no money to hold, and none may be held. */
function owesNothing(order: SweptOrder): boolean {
  return order.total === 0;
}

/** Pure: every violation of the invariant in a snapshot of orders, PaymentIntents and charges. */
export function findMoneyViolations({ orders, paymentIntents, charges = [] }: MoneySnapshot): string[] {
  const violations: string[] = [];
  const intents = new Map(paymentIntents.map((intent) => [intent.id, intent]));
  const isLive = (id: string | undefined): boolean => LIVE_STATUSES.has(intents.get(id ?? "")?.status ?? "");
  /** For each live PaymentIntent, the order payments that claim it. */
  const claims = new Map<string, { order: SweptOrder; payment: SweptPayment }[]>();

  for (const order of orders) {
    const collections = order.payment_collections ?? [];
    const payments = collections.flatMap((collection) => collection.payments ?? []).filter((payment) => !payment.canceled_at);
    const stripePayments = payments.filter((payment) => isStripe(payment.provider_id));
    const systemOnly = payments.length > 0 && payments.every((payment) => payment.provider_id === SYSTEM_PROVIDER);
    const canceled = order.status === "canceled";

    for (const payment of stripePayments) {
      const intentId = paymentIntentIdOf(payment);
      const intent = intents.get(intentId ?? "");
      if (!intent) {
        violations.push(`order ${order.id}: payment ${payment.id} names PaymentIntent ${intentId ?? "(none)"}, which Stripe does not have`);
      } else if (!LIVE_STATUSES.has(intent.status)) {
        if (!canceled) violations.push(`order ${order.id}: payment ${payment.id} is not held or captured in Stripe: ${label(intent)}`);
      } else {
        claims.set(intent.id, [...(claims.get(intent.id) ?? []), { order, payment }]);
      }
    }
    const holdsMoney = stripePayments.some((payment) => isLive(paymentIntentIdOf(payment)));
    if (!canceled && !systemOnly && !holdsMoney && !awaitsPaymentAfterChange(order) && !owesNothing(order)) {
      violations.push(`order ${order.id} (${order.total} ${order.currency_code}) has no money held or captured in Stripe`);
    }

    for (const collection of collections) {
      const live = new Set(
        [...(collection.payments ?? []), ...(collection.payment_sessions ?? [])]
          .map(paymentIntentIdOf)
          .filter((id): id is string => isLive(id)),
      );
      if (live.size > 1) {
        violations.push(`order ${order.id}: payment collection ${collection.id} holds ${live.size} live PaymentIntents: ${[...live].join(", ")}`);
      }
    }
  }

  for (const intent of paymentIntents) {
    if (intent.status === "canceled") {
      const heldCharge = charges.find(
        (charge) => charge.payment_intent === intent.id && charge.status === "succeeded" && !charge.captured && charge.amount_refunded < charge.amount,
      );
      if (intent.amount_capturable !== 0 || intent.amount_received !== 0 || heldCharge) {
        violations.push(
          `${label(intent)} is canceled but still holds money: amount_capturable ${intent.amount_capturable}, amount_received ${intent.amount_received}${heldCharge ? `, uncaptured charge ${heldCharge.id} not released` : ""}`,
        );
      }
      continue;
    }
    if (!LIVE_STATUSES.has(intent.status)) continue;
    const owners = claims.get(intent.id) ?? [];
    if (owners.length === 0) {
      violations.push(`${label(intent)} holds money with no order (orphaned payment)`);
      continue;
    }
    const orderIds = new Set(owners.map(({ order }) => order.id));
    if (orderIds.size > 1) violations.push(`${label(intent)} belongs to ${orderIds.size} orders: ${[...orderIds].join(", ")}`);
    for (const { order, payment } of owners) {
      const expected = toMinorUnits(payment.amount, payment.currency_code);
      if (intent.amount !== expected || intent.currency !== payment.currency_code.toLowerCase()) {
        violations.push(`${label(intent)} is for ${intent.amount} ${intent.currency}, order ${order.id}'s payment ${payment.id} for ${expected} ${payment.currency_code}`);
      }
    }
  }
  return violations;
}

/** The scoped check's original signature: orders and PaymentIntents, no charges. */
export function findViolations(orders: SweptOrder[], paymentIntents: PaymentIntent[]): string[] {
  return findMoneyViolations({ orders, paymentIntents });
}

/** Pure: what the sweep looked at. */
export function countSweep({ orders, paymentIntents }: MoneySnapshot): SweepCounts {
  const byStatus: Record<string, number> = {};
  for (const intent of paymentIntents) byStatus[intent.status] = (byStatus[intent.status] ?? 0) + 1;
  const payments = orders.flatMap((order) => (order.payment_collections ?? []).flatMap((collection) => collection.payments ?? []));
  return {
    paymentIntents: byStatus,
    orders: orders.length,
    systemDefaultOrders: orders.filter((order) => {
      const live = (order.payment_collections ?? []).flatMap((c) => c.payments ?? []).filter((p) => !p.canceled_at);
      return live.length > 0 && live.every((payment) => payment.provider_id === SYSTEM_PROVIDER);
    }).length,
    canceledOrders: orders.filter((order) => order.status === "canceled").length,
    awaitingPaymentOrders: orders.filter(awaitsPaymentAfterChange).length,
    freeOrders: orders.filter(owesNothing).length,
    payments: payments.length,
  };
}

/** One paragraph: the counts, then each violation. */
export function formatSweep(report: SweepReport): string {
  const { counts } = report;
  const total = Object.values(counts.paymentIntents).reduce((sum, n) => sum + n, 0);
  const statuses = Object.entries(counts.paymentIntents)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} ${n}`)
    .join(", ");
  const head =
    `Money sweep: ${total} PaymentIntents (${statuses || "none"}); ${counts.orders} orders ` +
    `(${counts.canceledOrders} canceled, ${counts.awaitingPaymentOrders} awaiting payment after a merchant's change, ` +
    `${counts.systemDefaultOrders} paid through ${SYSTEM_PROVIDER}, ${counts.freeOrders} free, counted apart), ` +
    `${counts.payments} payments; `;
  if (report.violations.length === 0) return `${head}0 violations.`;
  return `${head}${report.violations.length} violation${report.violations.length === 1 ? "" : "s"}: ${report.violations.join("; ")}.`;
}
