/** Launch options for Debian's Chromium, shared by every Playwright config in the repository. */
export const chromiumLaunchOptions = {
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
};

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
