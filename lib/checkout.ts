import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type ActionResult, failure } from "./action-result";
import { keepCheckoutAddress } from "./address-book";
import { SAVE_TO_ADDRESS_BOOK_FIELD } from "./address-fields";
import { cartHoldsContact, parseAddressForm } from "./address-form";
import { CART_CONTACT_FIELDS, fetchCartContact, fetchOpenCart, readOwnCartId } from "./cart";
import { checkoutProgress, defaultDeliveryOption, hasPaymentReadyFor, isFree } from "./checkout-progress";
import { readCustomerTokenCookie } from "./cookies";
import { MESSAGES, describeBackendError } from "./errors";
import { type FormState, formValues, readField } from "./form";
import { medusa } from "./medusa";
import { formatMoney } from "./money";
import { CART_PATH, orderConfirmationPath } from "./paths";
import { checkCartPaymentAmount, recoverCartPayment } from "./payment/checkout-state";
import { completeCart } from "./payment/completion";
import { prepareSignedInCardPayment } from "./payment/saved-cards";
import { clientSecretOf, findStripeSession } from "./payment/sessions";
import { describePaymentError, startStripeSession } from "./payment/stripe-session";
import type { AmountCheck, LoadErrorRecovery, PlaceOrderResult, PreparedPayment } from "./payment/types";
import { getCountryChoices } from "./region";
import { chooseDeliverySchema, parseForm } from "./validation";

/**
 * The checkout's server actions, one per thing the shopper does or the page does for them: contact and addresses,
 * delivery, preparing the card payment, the amount check before paying, and placing the order. Each is thin: the payment work is in lib/payment/.
 */

export type ShippingOption = HttpTypes.StoreCartShippingOption;

/** The delivery choices Medusa offers for this cart (they depend on its address and items). */
export const getShippingOptions = cache(async (cartId: string): Promise<ShippingOption[]> => {
  const { shipping_options } = await medusa().store.fulfillment.listCartOptions({ cart_id: cartId });
  return shipping_options;
});

/**
 * Starts reading the delivery options of the shopper's cart, for a page that will need them (the delivery section,
 * the wallet sheet), while it reads the cart itself: the two reads overlap instead of following each other.
 */
export async function preloadShippingOptions(): Promise<void> {
  const cartId = await readOwnCartId();
  // Whoever awaits the options later sees a failure; this early start only must not count as unhandled.
  if (cartId) getShippingOptions(cartId).catch(() => undefined);
}

/** The price to show for an option: flat options carry `amount`, calculated ones `calculated_price`. */
export function shippingOptionAmount(option: ShippingOption): number | null {
  const calculated = option.calculated_price?.calculated_amount;
  if (typeof calculated === "number") return calculated;
  return typeof option.amount === "number" ? option.amount : null;
}

/** What saving the form did: the form's answer and, when it worked, the cart as it is now. */
interface ContactWrite {
  state: FormState;
  saved?: { shippingAddress: HttpTypes.StoreAddAddress; cart: HttpTypes.StoreCart };
}

/**
 * Writes the form's email, shipping address and billing address (same or different) to the cart. A cart without a
 * delivery yet gets the cheapest option that ships, changeable on the same page, so that the card form can start
 * preparing at once. A cart that holds all of it already (saved ahead, see `saveContactAhead`) is not written again.
 * Each write answers with the cart's `CART_CONTACT_FIELDS`, so nothing is read again afterwards.
 */
async function writeContactAndAddresses(formData: FormData): Promise<ContactWrite> {
  const values = formValues(formData);
  const cartId = await readOwnCartId();
  if (!cartId) return { state: { ...failure(MESSAGES.cartGone), values } };
  try {
    const [cart, countries] = await Promise.all([fetchCartContact(cartId), getCountryChoices()]);
    if (!cart) return { state: { ...failure(MESSAGES.cartGone), values } };
    const shipsTo = countries.filter((country) => country.regionId === cart.region_id).map((country) => country.code);
    const { payload, fieldErrors } = parseAddressForm(formData, shipsTo);
    if (!payload) return { state: { ...failure("Please correct the marked fields."), fieldErrors, values } };
    const done = (now: HttpTypes.StoreCart): ContactWrite => ({ state: { ok: true }, saved: { shippingAddress: payload.shipping_address, cart: now } });
    const hasDelivery = (cart.shipping_methods?.length ?? 0) > 0;
    if (hasDelivery && cartHoldsContact(payload, cart)) return done(cart);
    const { cart: updated } = await medusa().store.cart.update(cartId, payload, { fields: CART_CONTACT_FIELDS });
    if ((updated.shipping_methods?.length ?? 0) > 0) return done(updated);
    const option = defaultDeliveryOption(
      (await getShippingOptions(cartId)).map((choice) => ({ ...choice, amount: shippingOptionAmount(choice) })),
    );
    // No option ships there: the delivery section says so and offers to change the address.
    if (!option) return done(updated);
    const { cart: delivered } = await medusa().store.cart.addShippingMethod(cartId, { option_id: option.id }, { fields: CART_CONTACT_FIELDS });
    return done(delivered);
  } catch (error) {
    console.error("saving contact and addresses failed", error);
    return { state: { ...failure(describeBackendError(error)), values } };
  }
}

/**
 * The card form comes next: its Stripe session is started while the shopper is still on the address form, so that
 * the form mounts at once when they continue. Nothing is lost when this fails: the card form then starts its own.
 */
async function startPaymentAhead(cart: HttpTypes.StoreCart): Promise<void> {
  if (checkoutProgress(cart).payment !== "prepare") return;
  try {
    await startStripeSession({ cart });
  } catch (error) {
    console.error("starting the card payment ahead failed", cart.id, error);
  }
}

/**
 * Server action: "Continue to delivery" (or "Save address"): the contact and addresses, and the page that follows.
 * Only here, never when saving ahead, does a ticked "Save this address to my account" reach the address book: the
 * shopper may still be typing until they press it.
 */
export async function saveContactAndAddresses(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const { state, saved } = await writeContactAndAddresses(formData);
  if (saved && readField(formData, SAVE_TO_ADDRESS_BOOK_FIELD) === "on") await keepCheckoutAddress(saved.shippingAddress);
  // The page re-renders in this same response: the address summarised, delivery chosen, the card form preparing.
  if (state.ok) refresh();
  return state;
}

/**
 * Server action, run by the address form when it is complete and the shopper pauses: the same save, and the card
 * payment's start, ahead of "Continue", so that pressing it only shows what is done. Nothing is re-rendered (the
 * shopper is still on the form) and a refusal is not shown: the shopper has not asked yet, and "Continue" says it
 * again next to the fields.
 */
export async function saveContactAhead(formData: FormData): Promise<ActionResult> {
  "use server";
  const { state, saved } = await writeContactAndAddresses(formData);
  if (!state.ok) return failure(state.error);
  if (saved) await startPaymentAhead(saved.cart);
  return { ok: true };
}

/** Server action: the shipping option the shopper picked (the total, and so the payment, follow). */
export async function chooseDelivery(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(chooseDeliverySchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors };
  const optionId = input.data.shipping_option_id;
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    await medusa().store.cart.addShippingMethod(cartId, { option_id: optionId }, { fields: "id" });
  } catch (error) {
    console.error("chooseDelivery failed", error);
    return { ...failure(describeBackendError(error)), values: { shipping_option_id: optionId } };
  }
  refresh();
  return { ok: true };
}

/**
 * Server action, run by the card form as soon as delivery is chosen, while the shopper reads or types: the Stripe
 * session to mount the Payment Element on. The cart's own session when it is still for the cart's total (a second
 * call, another tab), otherwise a new one. Nothing on the page but the card form needs it, so no re-render.
 */
export async function prepareCardPayment(): Promise<PreparedPayment> {
  "use server";
  const [cartId, token] = await Promise.all([readOwnCartId(), readCustomerTokenCookie()]);
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return failure(MESSAGES.cartGone);
    // Signed in: the form also offers the customer's saved cards (lib/payment/saved-cards.ts).
    if (token) return { ok: true, ...(await prepareSignedInCardPayment(cart, token)) };
    const current = clientSecretOf(findStripeSession(cart));
    if (current && hasPaymentReadyFor(cart)) return { ok: true, clientSecret: current };
    return { ok: true, clientSecret: await startStripeSession({ cart }) };
  } catch (error) {
    console.error("prepareCardPayment failed", error);
    return failure(describePaymentError(error));
  }
}

/**
 * Server action, right before `stripe.confirmPayment`: is the card form's PaymentIntent still the cart's payment,
 * for the cart's total (see `checkCartPaymentAmount`)?
 */
export async function checkPaymentAmount(paymentIntentId: string): Promise<AmountCheck> {
  "use server";
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  return checkCartPaymentAmount(cartId, paymentIntentId);
}

/** Server action for a card form Stripe refused to load: where the shopper goes instead (`recoverCartPayment`). */
export async function recoverCheckout(failedClientSecret: string): Promise<LoadErrorRecovery> {
  "use server";
  const cartId = await readOwnCartId();
  if (!cartId) return { ok: true, navigateTo: CART_PATH };
  return recoverCartPayment(cartId, failedClientSecret);
}

/**
 * Server action for a cart whose total promotions cover entirely: the order, without a payment. Stripe takes no zero
 * amounts, and Medusa completes a cart with nothing to pay without a payment session. The total is read again here:
 * a cart that costs something again (a code removed in another tab) is never completed without a payment.
 */
export async function placeFreeOrder(): Promise<FormState> {
  "use server";
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return failure(MESSAGES.cartGone);
    if (!isFree(cart)) {
      refresh();
      return failure(`Your order total is now ${formatMoney(cart.total, cart.currency_code)}. Please pay with the card form.`);
    }
  } catch (error) {
    console.error("placeFreeOrder failed", error);
    return failure(describeBackendError(error));
  }
  const outcome = await completeCart(cartId);
  if (outcome.type === "failed") return failure(outcome.message);
  redirect(orderConfirmationPath(outcome.orderId));
}

/** Server action, after Stripe confirmed the payment in the browser: turn the cart into an order. */
export async function placeOrder(): Promise<PlaceOrderResult> {
  "use server";
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  const outcome = await completeCart(cartId);
  if (outcome.type === "failed") {
    if (outcome.clientSecret) refresh();
    return { ...failure(outcome.message), ...(outcome.clientSecret ? { clientSecret: outcome.clientSecret } : {}) };
  }
  // The cookie keeps naming the cart until the confirmation is on screen (it clears it then): if this answer is
  // lost, a reload still finds the cart, and through it the order.
  redirect(orderConfirmationPath(outcome.orderId));
}
