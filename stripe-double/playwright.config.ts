import { defineConfig } from "@playwright/test";

// Browser tests of the Stripe double's browser half. Run: npx playwright test -c stripe-double
export default defineConfig({
  testDir: "./test",
  testMatch: /.*\.spec\.ts$/,
  // The tests share one in-process double and one harness server started in beforeAll.
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "line" : "list",
  outputDir: "./test-results",
  use: {
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      // `npx playwright install` cannot download here; Debian's chromium works with this Playwright.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
