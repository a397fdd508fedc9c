import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests: pure logic only, no server, no network.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: [
      "lib/**/*.test.ts", "components/**/*.test.ts", "stripe-double/src/**/*.test.ts", "scripts/**/*.test.ts",
      // The money invariant's self-test is pure too; it lives beside the invariant it tests.
      "integration/invariant.test.ts",
    ],
    environment: "node",
  },
});
