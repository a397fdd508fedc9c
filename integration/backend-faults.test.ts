import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cartReadyForPayment, shopperEmail, stack, storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import { startFaultProxy, type FaultProxy } from "@medusa-stripe-checkout/test-support/fault-proxy";

/**
 * The storefront's server code (lib/) with Medusa behind a switchable proxy: the backend stops answering, or
 * answers slower than a shopper waits, then comes back. Whatever happens, the shopper gets a sentence, not a hang
 * or a stack trace, and the cart is intact afterwards.
 */

const TIMEOUT_MS = 1500;
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(stack.backendUrl);
  process.env.MEDUSA_BACKEND_URL = proxy.url;
  process.env.MEDUSA_PUBLISHABLE_KEY = stack.publishableKey;
  process.env.STRIPE_PUBLISHABLE_KEY = stack.stripe.publishableKey;
  process.env.DEFAULT_COUNTRY = "de";
  process.env.MEDUSA_TIMEOUT_MS = String(TIMEOUT_MS);
});

afterAll(async () => {
  await proxy.close();
});

describe("the backend stops answering, or is slow", () => {
  test("down, slow, then back: each call answers 'not answering' in words, a slow one within the time-out, and the cart is intact after", async () => {
    const { fetchOpenCart } = await import("../lib/cart");
    const { completeCart } = await import("../lib/payment/completion");
    const { MESSAGES, describeBackendError } = await import("../lib/errors");
    const ready = await cartReadyForPayment(storeSdk(), shopperEmail("backend-down"));

    proxy.setMode("refuse");
    const refused = await fetchOpenCart(ready.id).then(() => "answered", (error: unknown) => describeBackendError(error));
    expect(refused).toBe(MESSAGES.unreachable);
    expect(await completeCart(ready.id)).toEqual({ type: "failed", message: MESSAGES.unreachable });

    proxy.setMode("hang");
    const started = Date.now();
    const slow = await fetchOpenCart(ready.id).then(() => "answered", (error: unknown) => describeBackendError(error));
    const waited = Date.now() - started;
    expect(slow).toBe(MESSAGES.unreachable);
    // It gave up at the configured time-out, not never and not at once.
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(waited).toBeLessThan(TIMEOUT_MS + 3000);

    proxy.setMode("pass");
    const back = await fetchOpenCart(ready.id);
    expect(back?.email).toBe(ready.email);
    expect(back?.items?.map((item) => item.quantity)).toEqual(ready.items?.map((item) => item.quantity));
    expect(back?.shipping_methods).toHaveLength(1);
  });
});
