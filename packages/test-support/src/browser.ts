import { chromiumLaunchOptions } from "stripe-double/playwright/chromium";

// The storefront's browsers run in the same Chromium as the double's own tests; Stripe's hosts are answered by the double.
export { chromiumLaunchOptions };
export { routeStripeToDouble, type StripeRoutes } from "stripe-double/playwright";

/**
 * What every storefront browser test runs in. Tall enough that the whole checkout fits without scrolling: with the
 * card form in a cross-process frame, the frame's own scroll-into-view after typing can land after Playwright's
 * scroll to the pay button and move it under the pointer; a shopper never types and clicks within the same frame.
 */
export const storefrontBrowser = {
  browserName: "chromium" as const,
  headless: true,
  viewport: { width: 1280, height: 1600 },
  trace: "retain-on-failure" as const,
  screenshot: "only-on-failure" as const,
  launchOptions: chromiumLaunchOptions,
};
