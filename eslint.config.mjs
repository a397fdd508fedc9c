import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // The brief forbids `any`; make it an error rather than a warning.
      "@typescript-eslint/no-explicit-any": "error",
      // Server actions used with useActionState receive the previous state first, used or not.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "backend/**",
    "stripe-double/browser/**",
    ".stack/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
