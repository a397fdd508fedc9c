import { describe, expect, test } from "vitest";
import type { HttpTypes } from "@medusajs/types";
import { findViolations } from "./support/invariant";
import type { PaymentIntent } from "./support/stack";

/** The invariant must catch what it exists for: a check that never fails proves nothing. Pure, no stack needed. */

function intent(id: string, status: string, amount = 5000): PaymentIntent {
  return { id, object: "payment_intent", amount, amount_capturable: 0, amount_received: 0, currency: "eur", status, client_secret: `${id}_secret_x`, capture_method: "manual", metadata: {}, last_payment_error: null, latest_charge: null };
}

function order(id: string, intentIds: string[], total = 50): HttpTypes.AdminOrder {
  return { id, total, currency_code: "eur", payment_collections: [{ payments: intentIds.map((pi) => ({ data: { id: pi } })) }] } as unknown as HttpTypes.AdminOrder;
}

describe("the money invariant", () => {
  test("holds for one order paid by one authorized PaymentIntent, and ignores canceled ones", () => {
    expect(findViolations([order("order_1", ["pi_a"])], [intent("pi_a", "requires_capture"), intent("pi_b", "canceled")])).toEqual([]);
  });

  test("finds an orphaned authorization, a duplicated order, a wrong amount and an order without payment", () => {
    expect(findViolations([], [intent("pi_a", "requires_capture")])[0]).toMatch(/pi_a .* no order/);
    expect(findViolations([order("order_1", ["pi_a"]), order("order_2", ["pi_a"])], [intent("pi_a", "succeeded")])[0]).toMatch(/belongs to 2 orders/);
    expect(findViolations([order("order_1", ["pi_a"], 60)], [intent("pi_a", "requires_capture", 5000)])[0]).toMatch(/is for 5000 eur, order order_1 for 6000 eur/);
    expect(findViolations([order("order_1", ["pi_a"])], [intent("pi_a", "canceled")])[0]).toMatch(/order_1 has no authorized or captured payment/);
  });
});
