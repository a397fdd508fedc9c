import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { createStripeClient, type StripeClientOptions } from "../../../../../modules/stripe/client";

/** The provider id under which medusa-config.ts registers Medusa's Stripe provider (`pp_stripe_stripe`). */
const STRIPE_PROVIDER_ID = "pp_stripe_stripe";
const STRIPE_PROVIDER_CONFIG_ID = "stripe";

/** What the Payment Element may do with the customer's cards: offer to save, show saved ones, remove one. */
const PAYMENT_ELEMENT_FEATURES = {
  payment_method_save: "enabled",
  payment_method_save_usage: "off_session",
  payment_method_redisplay: "enabled",
  payment_method_remove: "enabled",
} as const;

interface CustomerSessionsClient {
  customerSessions: {
    create(params: {
      customer: string;
      components: { payment_element: { enabled: true; features: typeof PAYMENT_ELEMENT_FEATURES } };
    }): Promise<{ client_secret: string; customer: string; expires_at: number }>;
  };
}

interface ConfiguredModule {
  options?: { providers?: { id?: string; options?: Partial<StripeClientOptions> }[] };
}

/** The options medusa-config.ts gives the Stripe provider: the same key, aimed at the same Stripe (or double). */
function stripeProviderOptions(modules: Record<string, unknown> | unknown[] | undefined): StripeClientOptions {
  for (const module of Object.values(modules ?? {})) {
    if (!module || typeof module !== "object") continue;
    const provider = (module as ConfiguredModule).options?.providers?.find((p) => p.id === STRIPE_PROVIDER_CONFIG_ID);
    if (provider?.options?.apiKey) return { apiKey: provider.options.apiKey, apiBase: provider.options.apiBase };
  }
  throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The Stripe payment provider is not configured.");
}

let client: CustomerSessionsClient | undefined;

/**
 * A Stripe CustomerSession for the signed-in customer's Stripe account holder, so that the Payment Element can save
 * a card, show the saved ones and remove one (Medusa 2.21.2 has no store route for it). The account holder is the
 * one Medusa created when this customer's cart started a Stripe payment session; before that there is none (404).
 * Only the customer's own account holder is ever used: the customer comes from the token, never from the request.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY);
  const { data: customers } = await query.graph({
    entity: "customer",
    fields: ["id", "account_holders.provider_id", "account_holders.external_id"],
    filters: { id: req.auth_context.actor_id },
  });
  const holders = (customers[0]?.account_holders ?? []) as ({ provider_id: string; external_id: string } | null)[];
  const holder = holders.find((h) => h?.provider_id === STRIPE_PROVIDER_ID);
  if (!holder?.external_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This customer has no Stripe account holder yet: start a Stripe payment session first.");
  }
  client ??= createStripeClient(stripeProviderOptions(req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).modules)) as CustomerSessionsClient;
  const session = await client.customerSessions.create({
    customer: holder.external_id,
    components: { payment_element: { enabled: true, features: PAYMENT_ELEMENT_FEATURES } },
  });
  res.json({ customer_session: { client_secret: session.client_secret, customer: session.customer, expires_at: session.expires_at } });
}
