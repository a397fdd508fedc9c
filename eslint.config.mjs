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
  {
    // Imports go one way: the storefront's tests and scripts → packages/test-support → packages/stripe-double.
    // The double is a package of its own that other storefronts use: it imports nothing from this repository.
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./packages/stripe-double",
              from: ".",
              except: ["./packages/stripe-double", "./node_modules"],
              message: "The Stripe double stands alone: it imports nothing from the storefront or its test support.",
            },
            {
              target: "./packages/test-support",
              from: ".",
              except: ["./packages/test-support", "./packages/stripe-double", "./node_modules"],
              message: "Test support is imported by the storefront's tests and scripts, never the reverse.",
            },
            {
              target: ["./e2e", "./integration", "./scripts", "./*.config.ts"],
              from: "./packages/stripe-double",
              message: "Reach the Stripe double through @medusa-stripe-checkout/test-support.",
            },
            { target: "./e2e", from: ["./integration", "./scripts"], message: "Share it through packages/test-support." },
            { target: "./integration", from: ["./e2e", "./scripts"], message: "Share it through packages/test-support." },
            { target: "./scripts", from: ["./e2e", "./integration"], message: "Share it through packages/test-support." },
            {
              target: ["./app", "./lib", "./components"],
              from: ["./packages", "./scripts", "./integration"],
              message: "The storefront's own code does not depend on its tests, scripts or packages.",
            },
            {
              target: ["./app", "./lib", "./components"],
              from: "./e2e",
              // The bad inputs the browser suite posts are the validation unit test's cases too.
              except: ["./support/bad-inputs.ts"],
              message: "The storefront's own code does not depend on its tests.",
            },
          ],
        },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/packages/**"], message: "Import a workspace package by its name, not by its folder." }] },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "backend/**",
    "packages/stripe-double/browser/**",
    ".stack/**",
    "**/test-results/**",
    "playwright-report/**",
  ]),
]);
