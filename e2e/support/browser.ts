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
