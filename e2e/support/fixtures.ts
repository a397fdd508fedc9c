import { test as base, expect, type Page } from "@playwright/test";
import { routeStripeToDouble } from "../../stripe-double/playwright/routes";
import { stack } from "../../integration/support/stack";

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

export const CARDS = {
  pays: "4242 4242 4242 4242",
  threeDSecure: "4000 0027 6000 3184",
  insufficientFunds: "4000 0000 0000 9995",
  genericDecline: "4000 0000 0000 0002",
} as const;

/** Fills the Payment Element's card form, inside Stripe's (or the double's) cross-origin frame. */
export async function fillCard(page: Page, number: string, options: { expiry?: string; cvc?: string; postalCode?: string } = {}) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill(options.expiry ?? "12 / 34");
  await frame.getByLabel("Security code").fill(options.cvc ?? "123");
  const postalCode = frame.getByLabel("ZIP");
  if (options.postalCode && (await postalCode.isVisible())) await postalCode.fill(options.postalCode);
}
