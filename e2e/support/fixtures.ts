import { test as base, expect } from "@playwright/test";
import { routeStripeToDouble } from "@medusa-stripe-checkout/test-support/browser";
import { stack } from "@medusa-stripe-checkout/test-support/stack";

/**
 * With E2E_STRIPE=real the browser talks to Stripe's test mode itself (keys and a network needed); otherwise
 * Stripe's real URLs are answered by the local double, and any request to another Stripe host fails the test.
 */
export const realStripe = process.env.E2E_STRIPE === "real";

export const test = base.extend<{ stripeRouting: void }>({
  stripeRouting: [
    async ({ context }, use) => {
      if (realStripe) {
        await use();
        return;
      }
      const routes = await routeStripeToDouble(context, stack.stripe.doubleUrl);
      await use();
      expect(routes.leaks, "requests to Stripe hosts that the double does not stand in for").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
