import { describe, expect, test } from "vitest";
import {
  countSweep,
  findMoneyViolations,
  findViolations,
  formatSweep,
  type SweptCharge,
  type SweptCollection,
  type SweptOrder,
} from "./invariant-rules";
import type { PaymentIntent } from "./stack";

/** The invariant must catch what it exists for: a check that never fails proves nothing. Pure, no stack needed. */

function intent(id: string, status: string, amount = 5000, extra: Partial<PaymentIntent> = {}): PaymentIntent {
  return {
    id,
    object: "payment_intent",
    amount,
    amount_capturable: status === "requires_capture" ? amount : 0,
    amount_received: status === "succeeded" ? amount : 0,
    currency: "eur",
    status,
    client_secret: `${id}_secret_x`,
    capture_method: "manual",
    metadata: {},
    last_payment_error: null,
    latest_charge: null,
    customer: null,
    ...extra,
  };
}

function payment(pi: string, amount = 50, provider_id = "pp_stripe_stripe"): NonNullable<SweptCollection["payments"]>[number] {
  return { id: `pay_${pi}`, provider_id, amount, currency_code: "eur", data: { id: pi } };
}

function order(id: string, collections: SweptCollection[], total = 50, status = "pending"): SweptOrder {
  return { id, status, total, currency_code: "eur", payment_collections: collections };
}

/** An order paid through one collection by the given PaymentIntents. */
function paidOrder(id: string, intentIds: string[], amount = 50): SweptOrder {
  return order(id, [{ id: `pc_${id}`, payments: intentIds.map((pi) => payment(pi, amount)) }], amount);
}

describe("the money invariant", () => {
  test("holds for one order paid by one authorized PaymentIntent, and for canceled and unconfirmed ones that hold nothing", () => {
    const released: SweptCharge = { id: "ch_b", payment_intent: "pi_b", amount: 5000, amount_refunded: 5000, captured: false, status: "succeeded" };
    expect(
      findMoneyViolations({
        orders: [paidOrder("order_1", ["pi_a"])],
        paymentIntents: [intent("pi_a", "requires_capture"), intent("pi_b", "canceled"), intent("pi_c", "requires_payment_method")],
        charges: [released],
      }),
    ).toEqual([]);
  });

  test("holds for an order whose balance was paid by link: its second collection's PaymentIntent is the order's", () => {
    const withBalance = order("order_1", [
      { id: "pc_cart", payments: [payment("pi_cart", 50)] },
      { id: "pc_balance", payments: [payment("pi_link", 12)], payment_sessions: [{ id: "ps_link", data: { id: "pi_link" } }] },
    ], 62);
    expect(findMoneyViolations({ orders: [withBalance], paymentIntents: [intent("pi_cart", "succeeded", 5000), intent("pi_link", "requires_capture", 1200)] })).toEqual([]);
  });

  test("accounts apart an order whose hold Medusa released for a merchant's edit and that asks for the new total; without that request it is a violation", () => {
    const released = { ...payment("pi_old", 50), canceled_at: "2026-12-02T00:00:00Z" };
    const edited = order("order_e", [
      { id: "pc_first", status: "canceled", amount: 50, payments: [released] },
      { id: "pc_new", status: "not_paid", amount: 62, payments: [] },
    ], 62);
    const snapshot = { orders: [edited], paymentIntents: [intent("pi_old", "canceled")] };
    expect(findMoneyViolations(snapshot)).toEqual([]);
    expect(countSweep(snapshot).awaitingPaymentOrders).toBe(1);

    const forgotten = order("order_f", [{ id: "pc_first", status: "canceled", amount: 50, payments: [released] }]);
    expect(findMoneyViolations({ orders: [forgotten], paymentIntents: [intent("pi_old", "canceled")] })).toEqual([
      "order order_f (50 eur) has no money held or captured in Stripe",
    ]);
  });

  test("accounts orders paid through pp_system_default apart, not as violations", () => {
    const manual = order("order_m", [{ id: "pc_m", payments: [payment("", 50, "pp_system_default")] }]);
    manual.payment_collections![0]!.payments![0]!.data = {};
    const snapshot = { orders: [manual, paidOrder("order_1", ["pi_a"])], paymentIntents: [intent("pi_a", "succeeded")] };
    expect(findMoneyViolations(snapshot)).toEqual([]);
    expect(countSweep(snapshot)).toMatchObject({ orders: 2, systemDefaultOrders: 1, payments: 2, paymentIntents: { succeeded: 1 } });
  });

  test("accounts free orders (promotions covered the whole total) apart: no payment is owed", () => {
    const free = order("order_free", [], 0);
    const snapshot = { orders: [free], paymentIntents: [] };
    expect(findMoneyViolations(snapshot)).toEqual([]);
    expect(countSweep(snapshot)).toMatchObject({ orders: 1, freeOrders: 1, payments: 0 });
    // A cent owed is not free.
    expect(findMoneyViolations({ orders: [order("order_cent", [], 0.01)], paymentIntents: [] })).toHaveLength(1);
  });

  test("catches an orphaned hold: an authorized PaymentIntent with no order", () => {
    expect(findMoneyViolations({ orders: [], paymentIntents: [intent("pi_a", "requires_capture", 5000, { metadata: { session_id: "payses_1" } })] })).toEqual([
      "PaymentIntent pi_a (requires_capture, 5000 eur, session payses_1) holds money with no order (orphaned payment)",
    ]);
    // Captured or still processing money without an order is orphaned just the same.
    expect(findMoneyViolations({ orders: [], paymentIntents: [intent("pi_b", "succeeded"), intent("pi_c", "processing")] })).toHaveLength(2);
  });

  test("catches one PaymentIntent on two orders", () => {
    const violations = findMoneyViolations({ orders: [paidOrder("order_1", ["pi_a"]), paidOrder("order_2", ["pi_a"])], paymentIntents: [intent("pi_a", "succeeded")] });
    expect(violations).toEqual(["PaymentIntent pi_a (succeeded, 5000 eur) belongs to 2 orders: order_1, order_2"]);
  });

  test("catches an amount or currency that differs from the order's payment", () => {
    expect(findMoneyViolations({ orders: [paidOrder("order_1", ["pi_a"], 60)], paymentIntents: [intent("pi_a", "requires_capture", 5000)] })).toEqual([
      "PaymentIntent pi_a (requires_capture, 5000 eur) is for 5000 eur, order order_1's payment pay_pi_a for 6000 eur",
    ]);
    expect(findMoneyViolations({ orders: [paidOrder("order_1", ["pi_a"])], paymentIntents: [intent("pi_a", "requires_capture", 5000, { currency: "usd" })] })[0]).toMatch(
      /is for 5000 usd, order order_1's payment pay_pi_a for 5000 eur/,
    );
  });

  test("catches an order without money held or captured: its payment's PaymentIntent canceled, or no payment at all", () => {
    expect(findMoneyViolations({ orders: [paidOrder("order_1", ["pi_a"])], paymentIntents: [intent("pi_a", "canceled")] })).toEqual([
      "order order_1: payment pay_pi_a is not held or captured in Stripe: PaymentIntent pi_a (canceled, 5000 eur)",
      "order order_1 (50 eur) has no money held or captured in Stripe",
    ]);
    expect(findMoneyViolations({ orders: [order("order_2", [])], paymentIntents: [] })).toEqual(["order order_2 (50 eur) has no money held or captured in Stripe"]);
    expect(findMoneyViolations({ orders: [paidOrder("order_3", ["pi_gone"])], paymentIntents: [] })[0]).toMatch(/names PaymentIntent pi_gone, which Stripe does not have/);
    // A canceled order legitimately holds nothing.
    expect(findMoneyViolations({ orders: [order("order_4", [{ id: "pc", payments: [payment("pi_d")] }], 50, "canceled")], paymentIntents: [intent("pi_d", "canceled")] })).toEqual([]);
  });

  test("catches two live PaymentIntents in one payment collection, as payments or as a session left authorized", () => {
    const twoPayments = findMoneyViolations({ orders: [paidOrder("order_1", ["pi_a", "pi_b"])], paymentIntents: [intent("pi_a", "requires_capture"), intent("pi_b", "requires_capture")] });
    expect(twoPayments).toContain("order order_1: payment collection pc_order_1 holds 2 live PaymentIntents: pi_a, pi_b");
    const staleSession = order("order_2", [{ id: "pc_2", payments: [payment("pi_a")], payment_sessions: [{ id: "ps_old", data: { id: "pi_old" } }, { id: "ps_new", data: { id: "pi_a" } }] }]);
    const violations = findMoneyViolations({ orders: [staleSession], paymentIntents: [intent("pi_a", "requires_capture"), intent("pi_old", "requires_capture")] });
    expect(violations).toContain("order order_2: payment collection pc_2 holds 2 live PaymentIntents: pi_a, pi_old");
    expect(violations).toContain("PaymentIntent pi_old (requires_capture, 5000 eur) holds money with no order (orphaned payment)");
  });

  test("catches a canceled PaymentIntent that still holds money", () => {
    expect(findMoneyViolations({ orders: [], paymentIntents: [intent("pi_a", "canceled", 5000, { amount_capturable: 5000 })] })).toEqual([
      "PaymentIntent pi_a (canceled, 5000 eur) is canceled but still holds money: amount_capturable 5000, amount_received 0",
    ]);
    const unreleased: SweptCharge = { id: "ch_a", payment_intent: "pi_a", amount: 5000, amount_refunded: 0, captured: false, status: "succeeded" };
    expect(findMoneyViolations({ orders: [], paymentIntents: [intent("pi_a", "canceled")], charges: [unreleased] })[0]).toMatch(/uncaptured charge ch_a not released/);
  });

  test("keeps the scoped signature, and prints counts and violations in one paragraph", () => {
    expect(findViolations([], [intent("pi_a", "requires_capture")])[0]).toMatch(/pi_a .* no order/);
    const clean = { orders: [paidOrder("order_1", ["pi_a"])], paymentIntents: [intent("pi_a", "requires_capture"), intent("pi_b", "canceled")] };
    expect(formatSweep({ counts: countSweep(clean), violations: [] })).toBe(
      "Money sweep: 2 PaymentIntents (canceled 1, requires_capture 1); 1 orders (0 canceled, 0 awaiting payment after a merchant's change, 0 paid through pp_system_default, 0 free, counted apart), 1 payments; 0 violations.",
    );
    expect(formatSweep({ counts: countSweep(clean), violations: ["a", "b"] })).toMatch(/; 2 violations: a; b\.$/);
  });
});
