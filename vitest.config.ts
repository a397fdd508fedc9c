import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests: pure logic only, no server, no network.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "backend/src/**/*.test.ts",
      // The packages' own tests: the double's unit and contract tests (an in-process double), the invariant's self-test.
      "packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts",
    ],
    environment: "node",
    // The double's contract cases run whole payment flows with webhook deliveries, as in its own vitest config.
    testTimeout: 60_000,
  },
});
