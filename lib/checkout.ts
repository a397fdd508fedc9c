import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { redirect } from "next/navigation";
import { cache } from "react";
import { parseAddressForm } from "./address-form";
import { fetchOpenCart } from "./cart";
import { readCartId } from "./cookies";
import { MESSAGES, describeBackendError } from "./errors";
import { type FormState, formValues } from "./form";
import { medusa } from "./medusa";
import { chooseDeliverySchema, parseForm } from "./validation";

/** Checkout steps 1 (contact and addresses) and 2 (delivery). Payment lives in payments.ts. */

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
  if (!cartId) return { error: MESSAGES.cartGone, values };
  try {
    const cart = await fetchOpenCart(cartId);
    if (!cart) return { error: MESSAGES.cartGone, values };
    const countryCodes = (cart.region?.countries ?? []).flatMap((country) => (country.iso_2 ? [country.iso_2] : []));
    const { payload, fieldErrors } = parseAddressForm(formData, countryCodes);
    if (!payload) return { error: "Please correct the marked fields.", fieldErrors, values };
    await medusa().store.cart.update(cartId, payload, { fields: "id" });
  } catch (error) {
    console.error("saveContactAndAddresses failed", error);
    return { error: describeBackendError(error), values };
  }
  redirect("/checkout?step=delivery");
}

/** Server action, step 2: the shipping option the shopper picked. */
export async function chooseDelivery(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(chooseDeliverySchema, formData);
  if (!input.ok) return { error: input.error, fieldErrors: input.fieldErrors };
  const optionId = input.data.shipping_option_id;
  const cartId = await readCartId();
  if (!cartId) return { error: MESSAGES.cartGone };
  try {
    await medusa().store.cart.addShippingMethod(cartId, { option_id: optionId }, { fields: "id" });
  } catch (error) {
    console.error("chooseDelivery failed", error);
    return { error: describeBackendError(error), values: { shipping_option_id: optionId } };
  }
  redirect("/checkout?step=payment");
}
