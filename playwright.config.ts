import { defineConfig } from "@playwright/test";
import { storefrontBrowser } from "@medusa-stripe-checkout/test-support/browser";

/**
 * The storefront's browser tests: a production build (`next build` + `next start`) against the local stack,
 * in Debian's Chromium. With E2E_STRIPE=real and real test keys in the environment, the same suite runs
 * against Stripe's test mode instead of the double (see README).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  // These need their own storefront behind a switchable fault proxy: e2e/faults.config.ts runs them.
  testIgnore: /(faults|security|bad-input)\.spec\.ts$/,
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["line"]] : [["list"]],
  outputDir: "./test-results",
  // After the suite: every PaymentIntent and order on the stack satisfies the money invariant.
  globalTeardown: "./e2e/support/sweep-teardown.ts",
  use: { baseURL, ...storefrontBrowser },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `tsx scripts/storefront.ts --port ${port}`,
        url: `${baseURL}/api/health`,
        timeout: 300_000,
        reuseExistingServer: !process.env.CI,
        stdout: "pipe",
      },
});
