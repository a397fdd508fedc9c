import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { cache } from "react";
import { failure } from "./action-result";
import { parseAddressForm } from "./address-form";
import { fetchOpenCart } from "./cart";
import { readCartId } from "./cookies";
import { MESSAGES, describeBackendError } from "./errors";
import { type FormState, formValues } from "./form";
import { medusa } from "./medusa";
import { CART_PATH, checkoutStepPath, orderConfirmationPath } from "./paths";
import { checkCartPaymentAmount, recoverCartPayment } from "./payment/checkout-state";
import { completeCart } from "./payment/completion";
import { describePaymentError, startCartStripeSession } from "./payment/stripe-session";
import type { AmountCheck, LoadErrorRecovery, PlaceOrderResult } from "./payment/types";
import { chooseDeliverySchema, parseForm } from "./validation";

/**
 * The checkout's server actions, one per thing the shopper does: contact and addresses, delivery, starting the card
 * payment, the amount check before paying, and placing the order. Each is thin: the payment work is in lib/payment/.
 */

export type ShippingOption = HttpTypes.StoreCartShippingOption;

/** The delivery choices Medusa offers for this cart (they depend on its address and items). */
export const getShippingOptions = cache(async (cartId: string): Promise<ShippingOption[]> => {
  const { shipping_options } = await medusa().store.fulfillment.listCartOptions({ cart_id: cartId });
  return shipping_options;
});

/** The price to show for an option: flat options carry `amount`, calculated ones `calculated_price`. */
export function shippingOptionAmount(option: ShippingOption): number | null {
  const calculated = option.calculated_price?.calculated_amount;
  if (typeof calculated === "number") return calculated;
  return typeof option.amount === "number" ? option.amount : null;
}

/** Server action, step 1: email, shipping address and billing address (same or different). */
export async function saveContactAndAddresses(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const values = formValues(formData);
  const cartId = await readCartId();
  if (!cartId) return { ...failure(MESSAGES.cartGone), values };
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return { ...failure(MESSAGES.cartGone), values };
    const countryCodes = (cart.region?.countries ?? []).flatMap((country) => (country.iso_2 ? [country.iso_2] : []));
    const { payload, fieldErrors } = parseAddressForm(formData, countryCodes);
    if (!payload) return { ...failure("Please correct the marked fields."), fieldErrors, values };
    await medusa().store.cart.update(cartId, payload, { fields: "id" });
  } catch (error) {
    console.error("saveContactAndAddresses failed", error);
    return { ...failure(describeBackendError(error)), values };
  }
  redirect(checkoutStepPath("delivery"));
}

/** Server action, step 2: the shipping option the shopper picked. */
export async function chooseDelivery(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(chooseDeliverySchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors };
  const optionId = input.data.shipping_option_id;
  const cartId = await readCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    await medusa().store.cart.addShippingMethod(cartId, { option_id: optionId }, { fields: "id" });
  } catch (error) {
    console.error("chooseDelivery failed", error);
    return { ...failure(describeBackendError(error)), values: { shipping_option_id: optionId } };
  }
  redirect(checkoutStepPath("payment"));
}

/** Server action, step 3: pay by card through Stripe. */
export async function startCardPayment(): Promise<FormState> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  try {
    await startCartStripeSession(cartId);
  } catch (error) {
    console.error("startCardPayment failed", error);
    return failure(describePaymentError(error));
  }
  redirect(checkoutStepPath("review"));
}

/**
 * Server action, right before `stripe.confirmPayment`: is the card form's PaymentIntent still the cart's payment,
 * for the cart's total (see `checkCartPaymentAmount`)?
 */
export async function checkPaymentAmount(paymentIntentId: string): Promise<AmountCheck> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  return checkCartPaymentAmount(cartId, paymentIntentId);
}

/** Server action for a card form Stripe refused to load: where the shopper goes instead (`recoverCartPayment`). */
export async function recoverCheckout(failedClientSecret: string): Promise<LoadErrorRecovery> {
  "use server";
  const cartId = await readCartId();
  if (!cartId) return { ok: true, navigateTo: CART_PATH };
  return recoverCartPayment(cartId, failedClientSecret);
}

/** Server action, after Stripe confirmed the payment in the browser: turn the cart into an order. */
export async function placeOrder(): Promise<PlaceOrderResult> {
  "use server";
  const cartId = await readCartId();
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
