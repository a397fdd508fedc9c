import { ModuleProvider, Modules } from "@medusajs/framework/utils";
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider";
import { createStripeClient } from "./client";

type StripeOptions = ConstructorParameters<typeof StripeProviderService>[1] & { apiBase?: string };

/**
 * Medusa's real Stripe provider, unchanged, except that when `apiBase` is given its API client talks to that
 * server (the local Stripe double) instead of api.stripe.com. With real keys and no `apiBase` it is exactly
 * `@medusajs/payment-stripe`.
 */
class StripeProvider extends StripeProviderService {
  constructor(cradle: ConstructorParameters<typeof StripeProviderService>[0], options: StripeOptions) {
    super(cradle, options);
    if (!options.apiBase) return;
    this.stripe_ = createStripeClient(options) as typeof this.stripe_;
  }
}

export default ModuleProvider(Modules.PAYMENT, { services: [StripeProvider] });
