import { createRequire } from "node:module";
import { ModuleProvider, Modules } from "@medusajs/framework/utils";
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider";

type StripeOptions = ConstructorParameters<typeof StripeProviderService>[1] & { apiBase?: string };

// The client must come from the provider's own nested `stripe` (15.x): the top-level copy is another major
// version, with other types and another default API version.
const Stripe = createRequire(require.resolve("@medusajs/payment-stripe"))("stripe") as new (
  apiKey: string,
  config: { host: string; port: number; protocol: "http" | "https" },
) => unknown;

/**
 * Medusa's real Stripe provider, unchanged, except that when `apiBase` is given its API client talks to that
 * server (the local Stripe double) instead of api.stripe.com. With real keys and no `apiBase` it is exactly
 * `@medusajs/payment-stripe`.
 */
class StripeProvider extends StripeProviderService {
  constructor(cradle: ConstructorParameters<typeof StripeProviderService>[0], options: StripeOptions) {
    super(cradle, options);
    if (!options.apiBase) return;
    if (!options.apiKey.startsWith("sk_test_")) {
      throw new Error("STRIPE_API_BASE may only be used with an sk_test_ key: it aims payments at a Stripe double.");
    }
    const base = new URL(options.apiBase);
    const protocol = base.protocol === "https:" ? "https" : "http";
    this.stripe_ = new Stripe(options.apiKey, {
      host: base.hostname,
      port: Number(base.port || (protocol === "https" ? 443 : 80)),
      protocol,
    }) as typeof this.stripe_;
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [StripeProvider] });
