import { beforeAll, describe, expect, test } from "vitest";
import type Medusa from "@medusajs/js-sdk";
import {
  adminSdk,
  cartReadyForPayment,
  confirmAsBrowser,
  eventually,
  initiateStripeSession,
  ordersFor,
  productWithStock,
  retrievePaymentIntent,
  shopperEmail,
  stack,
  storeSdk,
} from "@medusa-stripe-checkout/test-support/stack";
import { checkPaymentInvariant, waitForQuiet, type InvariantScope } from "@medusa-stripe-checkout/test-support/invariant";

/**
 * Races and faults around placing the order, driven through the storefront's own completion code (lib/payment/completion.ts)
 * against the real Medusa and the Stripe double. Every case ends with the money invariant (support/invariant.ts).
 */

// The storefront's server code reads its configuration from the environment, as it does in production.
process.env.MEDUSA_BACKEND_URL ??= stack.backendUrl;
process.env.MEDUSA_PUBLISHABLE_KEY ??= stack.publishableKey;
process.env.STRIPE_PUBLISHABLE_KEY ??= stack.stripe.publishableKey;
process.env.DEFAULT_COUNTRY ??= "de";
const { completeCart } = await import("../lib/payment/completion");
const { MESSAGES } = await import("../lib/errors");

let store: Medusa;
let admin: Medusa;

beforeAll(async () => {
  store = storeSdk();
  admin = await adminSdk();
});

async function expectInvariant(scope: InvariantScope): Promise<void> {
  const report = await checkPaymentInvariant(admin, store, scope);
  expect(report.violations).toEqual([]);
}

/** Resolves once the double has delivered the PaymentIntent's webhook event to Medusa (answered 2xx). */
async function webhookDelivered(paymentIntentId: string): Promise<void> {
  await eventually(async () => {
    const state = (await (await fetch(`${stack.stripe.doubleUrl}/_double/state`)).json()) as {
      events: { id: string; type: string; data: { object: { id: string } } }[];
    };
    const eventIds = new Set(
      state.events.filter((event) => event.data.object.id === paymentIntentId && event.type === "payment_intent.amount_capturable_updated").map((event) => event.id),
    );
    if (eventIds.size === 0) return undefined;
    const { deliveries } = (await (await fetch(`${stack.stripe.doubleUrl}/_double/webhooks`)).json()) as {
      deliveries: { event_id: string; delivered: boolean }[];
    };
    return deliveries.some((delivery) => eventIds.has(delivery.event_id) && delivery.delivered) ? true : undefined;
  }, `the webhook for ${paymentIntentId} to reach Medusa`);
}

describe("placing the order under races", () => {
  test("the storefront completes while Stripe's webhook completes too, from two tabs and a double click: every caller gets the same single order", async () => {
    const email = shopperEmail("race");
    const ready = await cartReadyForPayment(store, email);
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    // A double click and a second tab: three completions at once, while the webhook is on its way to Medusa.
    const first = await Promise.all([completeCart(ready.id), completeCart(ready.id), completeCart(ready.id)]);
    // And once more when the webhook has arrived, so that Medusa's own completion runs against the same cart.
    await webhookDelivered(paymentIntent.id);
    const later = await Promise.all([completeCart(ready.id), completeCart(ready.id)]);

    const outcomes = [...first, ...later];
    const orderIds = new Set(outcomes.map((outcome) => (outcome.type === "order" ? outcome.orderId : `failed: ${outcome.message}`)));
    expect([...orderIds]).toHaveLength(1);
    expect([...orderIds][0]).toMatch(/^order_/);

    // Medusa acts on the webhook after its webhook delay; once it has processed it (not merely accepted it),
    // whatever it did must not have added an order.
    await waitForQuiet();
    const orders = await ordersFor(admin, email);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.payment_collections?.[0]?.status).toBe("authorized");
    await expectInvariant({ emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
  });

  test("the shopper pays and closes the tab: the webhook places the order, and the storefront finding the cart later gets that order", async () => {
    const email = shopperEmail("closed-tab");
    const ready = await cartReadyForPayment(store, email);
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    await confirmAsBrowser(paymentIntent, "pm_card_visa");

    const order = await eventually(async () => (await ordersFor(admin, email))[0], "the webhook to place the order", 45_000);
    // The shopper comes back (the return page, or a second tab): completing again answers the same order.
    const again = await completeCart(ready.id);
    expect(again).toEqual({ type: "order", orderId: order.id });
    // The confirmation page reads the order by its id through the store API.
    const { order: confirmation } = await store.store.order.retrieve(order.id, { fields: "id,email,total" });
    expect(confirmation.email).toBe(email);
    expect(await ordersFor(admin, email)).toHaveLength(1);
    await expectInvariant({ emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
  });

  test("completing a cart whose payment was never made is refused in plain words, and no order or held payment is left", async () => {
    const email = shopperEmail("unpaid");
    const ready = await cartReadyForPayment(store, email);
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    const outcome = await completeCart(ready.id);
    expect(outcome).toMatchObject({ type: "failed", message: MESSAGES.paymentNotAuthorized });
    expect(await ordersFor(admin, email)).toHaveLength(0);
    expect((await retrievePaymentIntent(paymentIntent.id)).amount_received).toBe(0);
    await expectInvariant({ emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
  });

  test("stock runs out between payment and completion: a clear message, no order, and the authorization is released", async () => {
    const email = shopperEmail("stock");
    const product = await productWithStock(admin, 3);
    const ready = await cartReadyForPayment(store, email, { productHandle: product.handle });
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    // Another shopper bought the last ones while this one was typing the card.
    await admin.admin.inventoryItem.updateLevel(product.inventoryItemId, stack.stockLocationId, { stocked_quantity: 0 });

    const outcome = await completeCart(ready.id);
    expect(outcome).toMatchObject({ type: "failed", message: MESSAGES.outOfStock });
    // The card form gets a new PaymentIntent to remount with; it holds nothing until confirmed.
    const replacement = outcome.type === "failed" ? outcome.clientSecret : undefined;
    expect(replacement).toMatch(/^pi_.+_secret_/);
    // The money the shopper's bank holds is given back: the PaymentIntent is canceled, nothing was received.
    const released = await eventually(async () => {
      const intent = await retrievePaymentIntent(paymentIntent.id);
      return intent.status === "canceled" ? intent : undefined;
    }, "the authorization to be released");
    expect(released.amount_received).toBe(0);
    expect(await ordersFor(admin, email)).toHaveLength(0);
    await expectInvariant({ emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
  });
});
