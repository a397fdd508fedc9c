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
import { checkPaymentInvariant } from "@medusa-stripe-checkout/test-support/invariant";

/**
 * Money held with nobody there to be refused: the shopper paid and closed the tab, and the webhook's completion of
 * the cart failed. The backend's scheduled job (backend/src/jobs/release-unclaimed-payment-holds.ts) releases the
 * hold after its grace period; the stack runs it with a short one (RELEASE_HOLDS_AFTER_MS).
 */

// The stack passes the same variable to Medusa; 20 s is the local stack's default.
const graceMs = Number(process.env.RELEASE_HOLDS_AFTER_MS ?? 20_000);

let store: Medusa;
let admin: Medusa;

beforeAll(async () => {
  store = storeSdk();
  admin = await adminSdk();
});

describe("a hold with no order is released", () => {
  test("stock runs out after the shopper paid and closed the tab: the webhook cannot place the order, and the authorization is released", async () => {
    const email = shopperEmail("closed-tab-stock");
    const product = await productWithStock(admin, 3);
    const ready = await cartReadyForPayment(store, email, { productHandle: product.handle });
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    // The last ones sell to someone else while this shopper types the card; the shopper pays and closes the tab.
    await admin.admin.inventoryItem.updateLevel(product.inventoryItemId, stack.stockLocationId, { stocked_quantity: 0 });
    expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    // The shopper's bank sees the hold go away: the PaymentIntent is canceled, nothing received or capturable.
    const released = await eventually(
      async () => {
        const intent = await retrievePaymentIntent(paymentIntent.id);
        return intent.status === "canceled" ? intent : undefined;
      },
      `the hold to be released (grace period ${graceMs} ms)`,
      graceMs + 45_000,
    );
    expect(released).toMatchObject({ amount_capturable: 0, amount_received: 0 });
    expect(await ordersFor(admin, email)).toHaveLength(0);

    // Coming back later cannot place an order on the released payment: completion is refused, nothing is held.
    const again = await store.store.cart.complete(ready.id).then(
      (response) => response.type,
      (error: unknown) => (error instanceof Error ? `refused: ${error.message}` : "refused"),
    );
    expect(again).not.toBe("order");
    expect(await ordersFor(admin, email)).toHaveLength(0);
    const report = await checkPaymentInvariant(admin, store, { emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
    expect(report.violations).toEqual([]);
  }, 120_000);
});
