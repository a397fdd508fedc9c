/**
 * Money as Medusa v2 sends it: amounts in MAJOR units (15 = €15.00, JPY 2500 = ¥2,500).
 * Stripe wants minor units; Intl knows each currency's own number of decimals, so we ask it
 * rather than keeping a table.
 */

// One UI language (English) for every shopper; the currency comes from the shopper's region.
const DISPLAY_LOCALE = "en-US";

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currencyCode: string): Intl.NumberFormat {
  const currency = currencyCode.toUpperCase();
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(DISPLAY_LOCALE, { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** How many decimals the currency has (EUR 2, JPY 0, KWD 3). */
export function currencyDecimals(currencyCode: string): number {
  return formatterFor(currencyCode).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "€15.00", "¥2,500", "$9.99". `null`/`undefined` amounts (not yet known) render as an em dash. */
export function formatMoney(amount: number | null | undefined, currencyCode: string): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—";
  return formatterFor(currencyCode).format(amount);
}

/** Major → minor units, rounded to the currency's precision (15.5 EUR → 1550, 2500 JPY → 2500). */
export function toMinorUnits(amount: number, currencyCode: string): number {
  return Math.round(amount * 10 ** currencyDecimals(currencyCode));
}

/**
 * Whether two major-unit amounts are the same money. Compared in minor units so floating-point
 * noise from tax calculations (e.g. 59.900000000000006) does not count as a change.
 */
export function isSameAmount(a: number, b: number, currencyCode: string): boolean {
  return toMinorUnits(a, currencyCode) === toMinorUnits(b, currencyCode);
}
