import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

/** `npm run screenshots`: retakes docs/screenshots/ with the browser suite's storefront, stack and Stripe double. */
export default defineConfig({
  ...base,
  testDir: "./docs",
  testMatch: /.*\.shots\.ts$/,
  testIgnore: [],
  globalTeardown: undefined,
  outputDir: "../test-results/docs",
  // The storefront is started from the project's root, as for the browser suite.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: ".." } : base.webServer,
});
