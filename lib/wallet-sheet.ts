import type { ActionResult } from "./action-result";
import { toMinorUnits } from "./money";

/**
 * What the wallet's sheet shows, worked out from a Medusa cart: pure, so that it can be checked without a browser.
 * Medusa's amounts are major units; the sheet (Stripe) counts minor units, through `toMinorUnits` only.
 */

/** A line in the sheet, in the currency's minor units (discounts negative). */
export interface SheetLineItem {
  name: string;
  amount: number;
}

/** A delivery choice in the sheet: the Medusa shipping option's id, its name and its price in minor units. */
export interface SheetShippingRate {
  id: string;
  displayName: string;
  amount: number;
}

export interface SheetCart {
  currency_code: string;
  total: number;
  tax_total?: number | null;
  discount_subtotal?: number | null;
  items?: readonly { title: string; product_title?: string | null; quantity: number; subtotal?: number | null; unit_price: number }[] | null;
}

/** The address the wallet reports before the shopper pays (redacted: no street) or at confirm (whole). */
export interface WalletAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
}

/**
 * The sheet's line items for the cart: each item (before tax), the discount, and the tax. The chosen shipping rate
 * is listed by the sheet itself, so it is left out here; `shippingMinor` is that rate's amount. The tax line takes
 * whatever the total holds beyond items, discount and delivery, so that the lines and the rate add up to exactly the
 * total the shopper pays (Stripe refuses lines that add up to more than the amount).
 */
export function sheetLineItems(cart: SheetCart, shippingMinor: number): SheetLineItem[] {
  const currency = cart.currency_code;
  const lines: SheetLineItem[] = (cart.items ?? []).map((item) => {
    const name = item.product_title ?? item.title;
    return {
      name: item.quantity > 1 ? `${name} × ${item.quantity}` : name,
      amount: toMinorUnits(item.subtotal ?? item.unit_price * item.quantity, currency),
    };
  });
  const discount = toMinorUnits(cart.discount_subtotal ?? 0, currency);
  if (discount > 0) lines.push({ name: "Discount", amount: -discount });
  const counted = lines.reduce((sum, line) => sum + line.amount, 0) + shippingMinor;
  const tax = toMinorUnits(cart.total, currency) - counted;
  if (tax !== 0) lines.push({ name: "Tax", amount: tax });
  return lines;
}

/** The cart's total as the sheet and Stripe count it. */
export function sheetAmount(cart: Pick<SheetCart, "total" | "currency_code">): number {
  return toMinorUnits(cart.total, cart.currency_code);
}

/** Region countries as the sheet lists them: upper-case ISO codes, each once. */
export function allowedShippingCountries(countryCodes: readonly (string | null | undefined)[]): string[] {
  return [...new Set(countryCodes.flatMap((code) => (code ? [code.toUpperCase()] : [])))];
}

/**
 * Why a wallet's country cannot be used for this cart, or null when it can: the cart's prices, currency and taxes
 * are its region's, so the address must be in one of the region's countries (upper-case codes).
 */
export function countryRefusal(regionCountries: readonly string[], country: string): string | null {
  const code = country.toUpperCase();
  if (regionCountries.includes(code)) return null;
  return `We cannot deliver this order to ${code}: its prices are for ${regionCountries.join(", ")}. Choose an address there, or change your country at the top of the page.`;
}

/** A wallet's full name as Medusa's first and last name: the last word is the last name. */
export function splitName(fullName: string | null | undefined): { first_name: string; last_name: string } {
  const words = (fullName ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { first_name: "", last_name: "" };
  if (words.length === 1) return { first_name: words[0] ?? "", last_name: "" };
  return { first_name: words.slice(0, -1).join(" "), last_name: words[words.length - 1] ?? "" };
}

/** The wallet's address as Medusa's cart address (lower-case country code, empty fields left out). */
export function medusaAddressOf(address: WalletAddress): Record<string, string> {
  const fields: [string, string | null | undefined][] = [
    ["address_1", address.line1],
    ["address_2", address.line2],
    ["city", address.city],
    ["province", address.state],
    ["postal_code", address.postal_code],
    ["country_code", address.country?.toLowerCase()],
  ];
  return Object.fromEntries(fields.flatMap(([key, value]) => (value && value.trim() ? [[key, value.trim()]] : [])));
}

/** What the wallet's server actions answer (types only, for the browser's wallet button too). */
export type WalletQuote = { amount: number; lineItems: SheetLineItem[] };

export type WalletStart = ActionResult<
  WalletQuote & { currency: string; allowedShippingCountries: string[]; shippingRates: SheetShippingRate[] }
>;
export type WalletAddressChange = ActionResult<WalletQuote & { shippingRates: SheetShippingRate[] }>;
export type WalletRateChange = ActionResult<WalletQuote>;
export type WalletConfirm = ActionResult<{ clientSecret: string }>;
