/**
 * Medusa counts in major units (15 = €15.00), Stripe in minor units (1500). The tests convert on their own, by the
 * currency's decimals as Intl knows them (EUR 2, JPY 0), rather than through the storefront's code they check.
 */
export function toMinorUnits(amount: number, currencyCode: string): number {
  const decimals = new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(amount * 10 ** decimals);
}
