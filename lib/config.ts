import { z } from "zod";

/**
 * Runtime configuration, read from the server's environment (never inlined at build time),
 * so one build can be pointed at another backend or Stripe account by changing env alone.
 */
export interface StorefrontConfig {
  medusaBackendUrl: string;
  medusaPublishableKey: string;
  stripePublishableKey: string;
  defaultCountry: string;
  /** Demo only: origin of the offline Stripe stand-in. When set, payments are simulated. */
  stripeDoubleUrl: string | null;
  /**
   * Stripe's API, which the server asks (with the publishable key and a PaymentIntent's client secret, as Stripe.js
   * does) whether a payment went through. Stripe's own unless the tests or the demo point it at the double.
   */
  stripeApiUrl: string;
  /** How long a request to Medusa may take before the shopper is told the store is not answering. */
  medusaTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(
      `The storefront cannot start, its environment is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "See .env.example for what each variable means.",
    );
    this.name = "ConfigError";
  }
}

const httpUrl = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//.test(value), "must start with http:// or https://")
  .transform((value) => value.replace(/\/+$/, ""));

const STRIPE_API = "https://api.stripe.com";

const envSchema = z
  .object({
    MEDUSA_BACKEND_URL: httpUrl,
    MEDUSA_PUBLISHABLE_KEY: z.string().trim().startsWith("pk_", "must be a Medusa publishable API key (pk_…)"),
    STRIPE_PUBLISHABLE_KEY: z
      .string()
      .trim()
      .regex(/^pk_(test|live)_/, "must be a Stripe publishable key (pk_test_… or pk_live_…)"),
    DEFAULT_COUNTRY: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2}$/, "must be a two-letter ISO country code such as de"),
    STRIPE_DOUBLE_URL: httpUrl.optional(),
    STRIPE_API_URL: httpUrl.optional(),
    MEDUSA_TIMEOUT_MS: z.coerce
      .number()
      .int("must be a whole number of milliseconds")
      .min(1000, "must be at least 1000 (milliseconds)")
      .max(120_000, "must be at most 120000 (milliseconds)")
      .default(10_000),
  })
  .superRefine((env, ctx) => {
    // The stand-in only simulates payments; pairing it with a live key would show shoppers a fake
    // form that looks real. Refuse rather than guess which of the two was meant.
    if (env.STRIPE_DOUBLE_URL && env.STRIPE_PUBLISHABLE_KEY.startsWith("pk_live_")) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_DOUBLE_URL"],
        message: "is a demo-only setting and must not be combined with a live Stripe key (pk_live_…)",
      });
    }
    if (env.STRIPE_API_URL && env.STRIPE_API_URL !== STRIPE_API && env.STRIPE_PUBLISHABLE_KEY.startsWith("pk_live_")) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_API_URL"],
        message: `must be ${STRIPE_API} with a live Stripe key (pk_live_…)`,
      });
    }
  });

type RawEnv = Record<string, string | undefined>;

/** Pure: turns an environment into a config, or throws a ConfigError naming every problem. */
export function parseConfig(env: RawEnv): StorefrontConfig {
  // Treat empty strings like unset variables: `FOO=` in an env file means "not configured".
  const cleaned = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return cleaned[name] === undefined ? `${name} is missing` : `${name} ${issue.message}`;
    });
    throw new ConfigError([...new Set(problems)]);
  }
  const env_ = result.data;
  return {
    medusaBackendUrl: env_.MEDUSA_BACKEND_URL,
    medusaPublishableKey: env_.MEDUSA_PUBLISHABLE_KEY,
    stripePublishableKey: env_.STRIPE_PUBLISHABLE_KEY,
    defaultCountry: env_.DEFAULT_COUNTRY,
    stripeDoubleUrl: env_.STRIPE_DOUBLE_URL ?? null,
    stripeApiUrl: env_.STRIPE_API_URL ?? env_.STRIPE_DOUBLE_URL ?? STRIPE_API,
    medusaTimeoutMs: env_.MEDUSA_TIMEOUT_MS,
  };
}

let cached: StorefrontConfig | undefined;

/** The server's config, validated once per process. */
export function getConfig(): StorefrontConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
