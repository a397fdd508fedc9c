import { createRequire } from "node:module";

/** What Medusa's Stripe provider is configured with (medusa-config.ts), as far as its API client is concerned. */
export interface StripeClientOptions {
  apiKey: string;
  /** Only for the offline Stripe double: where the API client points instead of api.stripe.com. */
  apiBase?: string;
}

interface StripeConfig {
  host: string;
  port: number;
  protocol: "http" | "https";
}

// The client must come from the provider's own nested `stripe` (15.x): the top-level copy is another major
// version, with other types and another default API version.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as new (apiKey: string, config?: StripeConfig) => unknown;

/**
 * The Stripe API client Medusa's provider uses: api.stripe.com, or with `apiBase` the Stripe double (refused with
 * anything but an sk_test_ key, so a real account can never be aimed at it).
 */
export function createStripeClient(options: StripeClientOptions): unknown {
  if (!options.apiBase) return new Stripe(options.apiKey);
  if (!options.apiKey.startsWith("sk_test_")) {
    throw new Error("STRIPE_API_BASE may only be used with an sk_test_ key: it aims payments at a Stripe double.");
  }
  const base = new URL(options.apiBase);
  const protocol = base.protocol === "https:" ? "https" : "http";
  return new Stripe(options.apiKey, { host: base.hostname, port: Number(base.port || (protocol === "https" ? 443 : 80)), protocol });
}
