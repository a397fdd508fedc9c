import { defineConfig } from "@playwright/test";
import { storefrontBrowser } from "@medusa-stripe-checkout/test-support/browser";

/**
 * The fault and security suite: its own production storefront on port 3400, talking to Medusa through
 * a switchable proxy (scripts/fault-proxy.ts, :3401, control :3402), so a test can make the backend stop answering
 * or hang without touching the shared Medusa. One worker: the proxy's mode is shared by the whole run.
 *
 *   STACK_DIR=… npx playwright test -c e2e/faults.config.ts
 */
export const FAULTS_PORT = Number(process.env.E2E_FAULTS_PORT ?? 3400);
export const PROXY_PORT = FAULTS_PORT + 1;
export const PROXY_CONTROL_PORT = FAULTS_PORT + 2;
const baseURL = `http://localhost:${FAULTS_PORT}`;

export default defineConfig({
  testDir: ".",
  testMatch: /(faults|security|bad-input)\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["line"]] : [["list"]],
  outputDir: "../test-results/faults",
  // After the suite: every PaymentIntent and order on the stack satisfies the money invariant.
  globalTeardown: "./support/sweep-teardown.ts",
  use: { baseURL, ...storefrontBrowser },
  webServer: [
    {
      command: `tsx scripts/fault-proxy.ts --port ${PROXY_PORT} --control ${PROXY_CONTROL_PORT}`,
      url: `http://127.0.0.1:${PROXY_CONTROL_PORT}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      cwd: "..",
    },
    {
      command: `tsx scripts/storefront.ts --port ${FAULTS_PORT}${process.env.E2E_NO_BUILD ? " --no-build" : ""}`,
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      cwd: "..",
      stdout: "pipe",
      // A short time-out so the "slow backend" case does not make the suite slow; production's default is 10 s.
      env: { STOREFRONT_MEDUSA_URL: `http://127.0.0.1:${PROXY_PORT}`, MEDUSA_TIMEOUT_MS: "5000" },
    },
  ],
});
