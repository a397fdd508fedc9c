/** What the shopper already told us, so the Payment Element does not ask again (country, ZIP). */
export interface BillingDefaults {
  name?: string;
  email?: string;
  phone?: string;
  address?: { line1?: string; line2?: string; city?: string; postal_code?: string; state?: string; country?: string };
}

export interface BillingAddressLike {
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  postal_code?: string | null;
  province?: string | null;
  country_code?: string | null;
}

/** A cart's or an order's billing address in the shape Stripe's Payment Element prefills. */
export function billingDefaultsOf(billing: BillingAddressLike | null | undefined, email: string | null | undefined): BillingDefaults {
  const name = [billing?.first_name, billing?.last_name].filter(Boolean).join(" ");
  return {
    name: name || undefined,
    email: email ?? undefined,
    phone: billing?.phone ?? undefined,
    address: {
      line1: billing?.address_1 ?? undefined,
      line2: billing?.address_2 ?? undefined,
      city: billing?.city ?? undefined,
      postal_code: billing?.postal_code ?? undefined,
      state: billing?.province ?? undefined,
      country: billing?.country_code?.toUpperCase(),
    },
  };
}
