import { defineConfig } from "vitest/config";

// The double's unit tests and its contract suite (an in-process double, or Stripe's test mode with test keys).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
