import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./playwright/chromium";

// Browser tests of the Stripe double's browser half. Run: npx playwright test (here), or npx playwright test -c packages/stripe-double (from the repository root)
export default defineConfig({
  testDir: "./test",
  testMatch: /.*\.spec\.ts$/,
  // The tests share one in-process double and one harness server started in beforeAll.
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? "line" : "list",
  outputDir: "./test-results",
  use: {
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
