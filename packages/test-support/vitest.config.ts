import { defineConfig } from "vitest/config";

// Pure self-tests only (the money invariant's rules); nothing here needs the stack.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], environment: "node" } });
