import { beforeAll, describe, expect, test } from "vitest";
import type Medusa from "@medusajs/js-sdk";
import {
  adminSdk,
  cartReadyForPayment,
  confirmAsBrowser,
  eventually,
  initiateStripeSession,
  ordersFor,
  retrievePaymentIntent,
  shopperEmail,
  storeSdk,
  toMinorUnits,
} from "@medusa-stripe-checkout/test-support/stack";

/**
 * Whole checkouts through @medusajs/js-sdk against the running local stack (`npm run backend:start`): the real
 * Medusa server, its real Stripe provider, and Stripe (the double, or Stripe's test mode).
 */

let store: Medusa;
let admin: Medusa;

beforeAll(async () => {
  store = storeSdk();
  admin = await adminSdk();
});

describe("checkout through the store API", () => {
  test("a paid cart becomes an order whose payment is authorized for exactly the cart total; the merchant captures and refunds part", async () => {
    const email = shopperEmail("happy");
    const ready = await cartReadyForPayment(store, email, { quantity: 2 });
    const { cart, paymentIntent } = await initiateStripeSession(store, ready.id);

    expect(paymentIntent.amount).toBe(toMinorUnits(cart.total, cart.currency_code));
    expect(paymentIntent.currency).toBe("eur");
    expect(paymentIntent.capture_method).toBe("manual");

    const confirmed = await confirmAsBrowser(paymentIntent, "pm_card_visa");
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "requires_capture" });

    const completion = await store.store.cart.complete(cart.id);
    if (completion.type !== "order") throw new Error(`completion refused: ${completion.error.message}`);
    const order = completion.order;
    expect(order.email).toBe(email);
    expect(order.total).toBe(cart.total);

    const [placed] = await ordersFor(admin, email);
    const collection = placed?.payment_collections?.[0];
    const payment = collection?.payments?.[0];
    expect(collection?.status).toBe("authorized");
    expect(collection?.authorized_amount).toBe(cart.total);
    expect(payment?.amount).toBe(cart.total);
    expect(payment?.provider_id).toBe("pp_stripe_stripe");
    if (!payment) throw new Error("the order has no payment");

    await admin.admin.payment.capture(payment.id, {});
    const refundAmount = 10;
    await admin.admin.payment.refund(payment.id, { amount: refundAmount, note: "Partial goodwill refund" });

    const [settled] = await ordersFor(admin, email);
    expect(settled?.payment_collections?.[0]?.captured_amount).toBe(cart.total);
    expect(settled?.payment_collections?.[0]?.refunded_amount).toBe(refundAmount);

    // And Stripe agrees, to the cent.
    const settledIntent = await retrievePaymentIntent(paymentIntent.id);
    expect(settledIntent.status).toBe("succeeded");
    expect(settledIntent.amount_received).toBe(toMinorUnits(cart.total, "eur"));
  });

  test("JPY, a zero-decimal currency, is charged in whole yen", async () => {
    const ready = await cartReadyForPayment(store, shopperEmail("yen"), { region: "jp", shipping: "express" });
    const { cart, paymentIntent } = await initiateStripeSession(store, ready.id);
    expect(cart.currency_code).toBe("jpy");
    expect(Number.isInteger(cart.total)).toBe(true);
    expect(paymentIntent.amount).toBe(cart.total);
    expect(paymentIntent.currency).toBe("jpy");
  });

  test("a declined card shows Stripe's decline; the shopper pays again on the same PaymentIntent and gets exactly one order", async () => {
    const email = shopperEmail("decline");
    const ready = await cartReadyForPayment(store, email);
    const { cart, paymentIntent } = await initiateStripeSession(store, ready.id);

    const declined = await confirmAsBrowser(paymentIntent, "pm_card_visa_chargeDeclinedInsufficientFunds");
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ error: { type: "card_error", code: "card_declined", decline_code: "insufficient_funds" } });

    // The Payment Element keeps the same PaymentIntent: the shopper types another card and confirms again.
    const retried = await confirmAsBrowser(paymentIntent, "pm_card_visa");
    expect(retried.body).toMatchObject({ status: "requires_capture" });
    const completion = await store.store.cart.complete(cart.id);
    expect(completion.type).toBe("order");

    const orders = await ordersFor(admin, email);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.payment_collections?.[0]?.authorized_amount).toBe(cart.total);
  });

  test("completing after a decline is refused with a clear error and no order; a new session then pays once", async () => {
    const email = shopperEmail("refused");
    const ready = await cartReadyForPayment(store, email);
    const first = await initiateStripeSession(store, ready.id);
    await confirmAsBrowser(first.paymentIntent, "pm_card_visa_chargeDeclined");

    const refusal = await store.store.cart.complete(ready.id).then(
      (response) => (response.type === "cart" ? response.error.message : "an order was created"),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(refusal).not.toBe("an order was created");
    expect(refusal.length).toBeGreaterThan(0);
    const { cart: stillOpen } = await store.store.cart.retrieve(ready.id, { fields: "id,completed_at" });
    expect(stillOpen.completed_at ?? null).toBeNull();
    expect(await ordersFor(admin, email)).toHaveLength(0);

    // Medusa dropped the failed session; the storefront starts a new one, as its payment step does.
    const second = await initiateStripeSession(store, ready.id);
    expect(second.paymentIntent.id).not.toBe(first.paymentIntent.id);
    await confirmAsBrowser(second.paymentIntent, "pm_card_visa");
    const completion = await store.store.cart.complete(ready.id);
    expect(completion.type).toBe("order");
    expect(await ordersFor(admin, email)).toHaveLength(1);

    // The declined PaymentIntent is not left hanging in Stripe.
    const abandoned = await retrievePaymentIntent(first.paymentIntent.id);
    expect(["canceled", "requires_payment_method"]).toContain(abandoned.status);
    expect(abandoned.amount_received).toBe(0);
  });

  test("a shopper who pays but never comes back still gets an order: Stripe's signed webhook completes the cart", async () => {
    const email = shopperEmail("webhook");
    const ready = await cartReadyForPayment(store, email);
    const { cart, paymentIntent } = await initiateStripeSession(store, ready.id);

    const confirmed = await confirmAsBrowser(paymentIntent, "pm_card_visa");
    expect(confirmed.body).toMatchObject({ status: "requires_capture" });
    // No completion call: the tab was closed. Medusa acts on the webhook after its webhook delay.

    // What the merchant sees once the webhook is processed: an order, with its payment authorized.
    const order = await eventually(async () => {
      const [placed] = await ordersFor(admin, email);
      return placed?.payment_collections?.[0]?.status === "authorized" ? placed : undefined;
    }, "the webhook to complete the cart and authorize its payment", 45_000);
    expect(order.total).toBe(cart.total);
    expect(order.payment_collections?.[0]?.authorized_amount).toBe(cart.total);
    expect(await ordersFor(admin, email)).toHaveLength(1);

    const { cart: completed } = await store.store.cart.retrieve(cart.id, { fields: "id,completed_at" });
    expect(completed.completed_at).toBeTruthy();
  });
});
