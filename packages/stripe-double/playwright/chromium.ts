/**
 * Launch options for a system Chromium (`CHROMIUM_PATH`, default Debian's /usr/bin/chromium), for machines where
 * `npx playwright install` cannot download a browser. The double's own browser tests run in it.
 */
export const chromiumLaunchOptions = {
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
