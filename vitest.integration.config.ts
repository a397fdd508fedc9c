import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Integration tests: need the local stack (`npm run backend:start`). Files run one after another: they share one
// backend. (The Stripe double's contract suite runs with the unit tests: it starts its own double.)
export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // The fault suite runs the storefront's own server code (lib/) against the real backend.
      "server-only": fileURLToPath(new URL("./integration/server-only-stub.ts", import.meta.url)),
      "next/headers": fileURLToPath(new URL("./integration/next-headers-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["integration/**/*.test.ts"],
    // After the whole suite: every PaymentIntent and order on the stack satisfies the money invariant.
    globalSetup: ["packages/test-support/src/sweep-after-suite.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
