import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { failure } from "./action-result";
import { type Cart, fetchCartHeader, fetchOpenCart, readOwnCartId } from "./cart";
import { getShippingOptions, prepareCardPayment, shippingOptionAmount } from "./checkout";
import { defaultDeliveryOption } from "./checkout-progress";
import { MESSAGES, describeBackendError } from "./errors";
import { medusa } from "./medusa";
import { formatMoney, toMinorUnits } from "./money";
import { getRegions } from "./region";
import {
  type SheetShippingRate,
  type WalletAddressChange,
  type WalletConfirm,
  type WalletQuote,
  type WalletRateChange,
  type WalletStart,
  allowedShippingCountries,
  countryRefusal,
  medusaAddressOf,
  sheetAmount,
  sheetLineItems,
  splitName,
} from "./wallet-sheet";
import { walletAddressSchema, walletConfirmSchema, walletShippingRateSchema } from "./validation";

/**
 * The wallet's sheet (Stripe's Express Checkout Element) as server actions: what it opens with, the shopper's
 * address and delivery choices in it (each priced by Medusa on the cart itself), and the payment it confirms, on the
 * same Stripe session as the card form. The sheet only ever shows what the cart holds, so the amount the shopper
 * approves is the cart's total.
 */

/** The cart's delivery options as the sheet lists them, cheapest first (the sheet selects the first). */
function ratesOf(options: readonly HttpTypes.StoreCartShippingOption[], currency: string, chosenId?: string): SheetShippingRate[] {
  const priced = options.flatMap((option) => {
    const amount = shippingOptionAmount(option);
    if (amount === null || option.insufficient_inventory) return [];
    return [{ id: option.id, displayName: option.name, amount: toMinorUnits(amount, currency) }];
  });
  priced.sort((a, b) => (a.id === chosenId ? -1 : b.id === chosenId ? 1 : a.amount - b.amount));
  return priced;
}

function quoteOf(cart: Cart, chosenRate: SheetShippingRate | undefined): WalletQuote {
  return { amount: sheetAmount(cart), lineItems: sheetLineItems(cart, chosenRate?.amount ?? 0) };
}

/** Shipping options are cached per request: after changing the cart, ask Medusa again. */
async function freshShippingOptions(cartId: string): Promise<HttpTypes.StoreCartShippingOption[]> {
  const { shipping_options } = await medusa().store.fulfillment.listCartOptions({ cart_id: cartId });
  return shipping_options;
}

function regionCountries(cart: Cart): string[] {
  return allowedShippingCountries((cart.region?.countries ?? []).map((country) => country.iso_2));
}

function refusedCountry(cart: Cart, country: string): string | null {
  return countryRefusal(regionCountries(cart), country);
}

/**
 * What the wallet sheet opens with, for the cart the page has just read: its line items and total in minor units, the
 * region's countries and Medusa's delivery options (Stripe asks for them with a shipping address). Read during the
 * page's render, which reads the same delivery options once for the delivery section: the sheet must open within a
 * second of the tap, so nothing is asked for then.
 */
export async function walletSheetFor(cart: Cart): Promise<WalletStart> {
  try {
    const chosenId = cart.shipping_methods?.[0]?.shipping_option_id ?? undefined;
    const shippingRates = ratesOf(await getShippingOptions(cart.id), cart.currency_code, chosenId);
    const first = shippingRates[0];
    if (!first) return failure("Express checkout is not available for this cart: it has no delivery option. Please check out below.");
    // Without a delivery on the cart yet, the sheet opens with the one it selects, its price added; the address the
    // sheet reports as it opens then puts Medusa's choice and total on the cart, and the sheet shows those.
    const quote = chosenId ? quoteOf(cart, first) : { amount: sheetAmount(cart) + first.amount, lineItems: sheetLineItems(cart, 0) };
    return {
      ok: true,
      currency: cart.currency_code.toLowerCase(),
      allowedShippingCountries: regionCountries(cart),
      shippingRates,
      ...quote,
    };
  } catch (error) {
    console.error("walletSheetFor failed", cart.id, error);
    return failure(describeBackendError(error));
  }
}

/**
 * Server action for the sheet's `shippingaddresschange`: the (redacted) address goes on the cart, Medusa prices its
 * delivery options there, and the cheapest becomes the cart's delivery.
 */
export async function changeWalletAddress(input: unknown): Promise<WalletAddressChange> {
  "use server";
  const parsed = walletAddressSchema.safeParse(input);
  if (!parsed.success) return failure("This address can't be used. Choose another address.");
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    // A light read: the sheet waits for this answer, and each edit of the address asks again.
    const [header, regions] = await Promise.all([fetchCartHeader(cartId), getRegions()]);
    if (!header) return failure(MESSAGES.cartGone);
    const region = regions.find((candidate) => candidate.id === header.region_id);
    const refused = countryRefusal(allowedShippingCountries((region?.countries ?? []).map((country) => country.iso_2)), parsed.data.country);
    if (refused) return failure(refused);
    await medusa().store.cart.update(cartId, { shipping_address: medusaAddressOf(parsed.data) }, { fields: "id" });
    const options = await freshShippingOptions(cartId);
    const cheapest = defaultDeliveryOption(options.map((option) => ({ ...option, amount: shippingOptionAmount(option) })));
    if (!cheapest) return failure("We have no delivery to this address. Choose another address.");
    await medusa().store.cart.addShippingMethod(cartId, { option_id: cheapest.id }, { fields: "id" });
    const updated = await fetchOpenCart(cartId);
    if (!updated) return failure(MESSAGES.cartGone);
    const shippingRates = ratesOf(options, updated.currency_code, cheapest.id);
    return { ok: true, shippingRates, ...quoteOf(updated, shippingRates[0]) };
  } catch (error) {
    console.error("changeWalletAddress failed", error);
    return failure(describeBackendError(error));
  }
}

/** Server action for the sheet's `shippingratechange`: that delivery on the cart, and the new total. */
export async function changeWalletShippingRate(input: unknown): Promise<WalletRateChange> {
  "use server";
  const parsed = walletShippingRateSchema.safeParse(input);
  if (!parsed.success) return failure("Please choose a delivery option.");
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    await medusa().store.cart.addShippingMethod(cartId, { option_id: parsed.data.id }, { fields: "id" });
    const cart = await fetchOpenCart(cartId);
    if (!cart) return failure(MESSAGES.cartGone);
    const rate = ratesOf(await freshShippingOptions(cartId), cart.currency_code).find((option) => option.id === parsed.data.id);
    return { ok: true, ...quoteOf(cart, rate) };
  } catch (error) {
    console.error("changeWalletShippingRate failed", error);
    return failure(describeBackendError(error));
  }
}

/**
 * Server action for the sheet's `confirm`: the contact and the whole addresses go on the cart, its total is checked
 * against the amount the shopper approved in the sheet, and the cart's Stripe session (the card form's own, started or
 * reused by `prepareCardPayment`) is answered for `stripe.confirmPayment`. A different total charges nothing.
 */
export async function confirmWalletPayment(input: unknown): Promise<WalletConfirm> {
  "use server";
  const parsed = walletConfirmSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0]?.message ?? "The wallet's details could not be used.");
  const { amount, currency, email, phone, shipping, billing } = parsed.data;
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return failure(MESSAGES.cartGone);
    const refused = refusedCountry(cart, shipping.address.country);
    if (refused) return failure(refused);
    const phoneField = phone ? { phone } : {};
    const shippingAddress = { ...splitName(shipping.name), ...phoneField, ...medusaAddressOf(shipping.address) };
    // A wallet without a street in its billing address (Stripe sends only country and postal code unless asked):
    // the shipping address stands in, as on the card form's "same as shipping".
    const billingAddress =
      billing?.address.line1 && billing.address.country
        ? { ...splitName(billing.name ?? shipping.name), ...phoneField, ...medusaAddressOf({ ...billing.address, country: billing.address.country }) }
        : shippingAddress;
    await medusa().store.cart.update(cartId, { email, shipping_address: shippingAddress, billing_address: billingAddress }, { fields: "id" });
    const updated = await fetchOpenCart(cartId);
    if (!updated) return failure(MESSAGES.cartGone);
    if (updated.currency_code.toLowerCase() !== currency || sheetAmount(updated) !== amount) {
      return failure(
        `Your order total is now ${formatMoney(updated.total, updated.currency_code)}, not the amount Google Pay showed. Nothing was charged: please try again.`,
      );
    }
  } catch (error) {
    console.error("confirmWalletPayment failed", error);
    return failure(describeBackendError(error));
  }
  return prepareCardPayment();
}
