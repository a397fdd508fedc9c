import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { refresh } from "next/cache";
import { createHash } from "node:crypto";
import { cache } from "react";
import { failure } from "./action-result";
import { clearCartId, readCartId, readCustomerTokenCookie, readViewerCustomerId, writeCartId, writeCountryCookie } from "./cookies";
import { MESSAGES, describeBackendError, nullWhenNotFound } from "./errors";
import type { FormState } from "./form";
import { ADDRESS_AND_DELIVERY_FIELDS, LINE_ITEM_FIELDS, TOTALS_FIELDS, customerHeaders, medusa } from "./medusa";
import { belongsToViewer, cartCustomerId } from "./ownership";
import { getCountryChoices, getCurrentCountry } from "./region";
import { addToCartSchema, chooseCountrySchema, parseForm, updateLineSchema } from "./validation";

/**
 * The fields every page needs from the cart, asked for once per request (header count, cart page,
 * checkout steps, payment session) instead of Medusa's much larger default set.
 */
export const CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "region_id",
  "completed_at",
  ...TOTALS_FIELDS,
  ...LINE_ITEM_FIELDS,
  "items.product_handle",
  "items.variant_id",
  ...ADDRESS_AND_DELIVERY_FIELDS,
  "shipping_methods.shipping_option_id",
  "region.id",
  "region.currency_code",
  "*region.countries",
  "payment_collection.id",
  "payment_collection.amount",
  "payment_collection.status",
  "*payment_collection.payment_sessions",
].join(",");

export type Cart = HttpTypes.StoreCart;

/** The cart by id, completed or not, or null when it does not exist. Always a fresh read. */
export async function fetchCart(cartId: string): Promise<Cart | null> {
  const found = await nullWhenNotFound(medusa().store.cart.retrieve(cartId, { fields: CART_FIELDS }));
  return found?.cart ?? null;
}

/** The cart by id, or null when it no longer exists or has become an order. Always a fresh read. */
export async function fetchOpenCart(cartId: string): Promise<Cart | null> {
  const cart = await fetchCart(cartId);
  return cart && !cart.completed_at ? cart : null;
}

/** Just enough of a cart to know it is still open (and its region), for actions that write to it. */
export async function fetchCartHeader(cartId: string): Promise<{ id: string; region_id?: string } | null> {
  const found = await nullWhenNotFound(medusa().store.cart.retrieve(cartId, { fields: "id,region_id,completed_at" }));
  return found && !found.cart.completed_at ? found.cart : null;
}

/**
 * What the action that saves the address form reads and writes: the contact, addresses and delivery methods, and
 * what says whether the card form's payment can start (the total, the payment collection and its sessions). Asked for
 * on every write too, so that the cart Medusa answers with is all the action needs afterwards.
 */
export const CART_CONTACT_FIELDS = [
  "id",
  "region_id",
  "completed_at",
  "email",
  "currency_code",
  "total",
  "shipping_address.*",
  "billing_address.*",
  "shipping_methods.id",
  "payment_collection.id",
  "*payment_collection.payment_sessions",
].join(",");

/** An open cart's contact, addresses, delivery methods and payment readiness (`CART_CONTACT_FIELDS`). */
export async function fetchCartContact(cartId: string) {
  const found = await nullWhenNotFound(medusa().store.cart.retrieve(cartId, { fields: CART_CONTACT_FIELDS }));
  return found && !found.cart.completed_at ? found.cart : null;
}

/**
 * The cart id the cookie names, when this browser may use that cart (lib/ownership.ts): for a signed-in customer, only
 * their own cart or one that is nobody's yet; another account's cart id is answered as no cart at all. A guest's
 * check costs no request.
 */
export const readOwnCartId = cache(async (): Promise<string | null> => {
  const [cartId, viewer] = await Promise.all([readCartId(), readViewerCustomerId()]);
  if (!cartId || !viewer) return cartId;
  // `customer.id`, not `customer_id`: Medusa 2.21.2 silently leaves out `customer_id` from a cart's store fields.
  const found = await nullWhenNotFound(medusa().store.cart.retrieve(cartId, { fields: "id,customer.id" }));
  // A cart that no longer exists is for the caller to find gone, as before.
  if (!found) return cartId;
  return belongsToViewer({ customer_id: cartCustomerId(found.cart) }, viewer) ? cartId : null;
});

/**
 * The cart the shopper's cookie names, completed or not, read at most once per request. A completed one stays
 * named until the shopper has seen its order's confirmation (see `forgetCompletedCart`).
 */
export const getCartRecord = cache(async (): Promise<Cart | null> => {
  const cartId = await readOwnCartId();
  return cartId ? fetchCart(cartId) : null;
});

/** The shopper's open cart, read at most once per request. */
export const getCart = cache(async (): Promise<Cart | null> => {
  const cart = await getCartRecord();
  return cart && !cart.completed_at ? cart : null;
});

/**
 * What the order confirmation hands its browser for forgetting the cart that became the order: a digest of the cart's
 * id, which names that cart without putting the id of an HttpOnly cookie into the page.
 */
export function completedCartToken(cartId: string): string {
  return createHash("sha256").update(cartId).digest("base64url");
}

/**
 * Asked for by the order confirmation once it is on screen (`DELETE /api/completed-cart?cart=<token>`): the cookie stops
 * naming the cart that became this order, so the next visit starts a new cart. The confirmation read which cart the
 * order came from; the cookie is cleared only while it still names that cart (not one another tab has started since).
 * Not a server action: an action that sets a cookie makes Next render the page again, which the shopper does not need.
 */
export async function forgetCompletedCart(token: string): Promise<void> {
  const cartId = await readCartId();
  if (cartId && token === completedCartToken(cartId)) await clearCartId();
}

export function itemCount(cart: Cart | null): number {
  return (cart?.items ?? []).reduce((sum, item) => sum + item.quantity, 0);
}

/** Server action: add a variant, starting a cart in the shopper's region when there is none. */
export async function addToCart(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(addToCartSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors };
  const { variant_id: variantId, quantity } = input.data;
  try {
    const cartId = await readOwnCartId();
    const openCart = cartId ? await fetchCartHeader(cartId) : null;
    if (openCart) {
      await medusa().store.cart.createLineItem(openCart.id, { variant_id: variantId, quantity }, { fields: "id" });
    } else {
      const [region, customerToken] = await Promise.all([getCurrentCountry(), readCustomerTokenCookie()]);
      // A signed-in customer's new cart is theirs from the start (Medusa takes the customer from the token), so the
      // order it becomes is in their order history.
      const { cart } = await medusa().store.cart.create(
        { region_id: region.regionId, items: [{ variant_id: variantId, quantity }] },
        { fields: "id" },
        customerHeaders(customerToken),
      );
      await writeCartId(cart.id);
    }
    refresh();
    return { ok: true, notice: "Added to your cart." };
  } catch (error) {
    console.error("addToCart failed", error);
    return failure(describeBackendError(error));
  }
}

/** Server action: set a line's quantity; 0 removes it. */
export async function updateLineQuantity(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(updateLineSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors };
  const { line_id: lineId, quantity } = input.data;
  try {
    const cartId = await readOwnCartId();
    if (!cartId) return failure(MESSAGES.cartGone);
    if (quantity === 0) {
      await medusa().store.cart.deleteLineItem(cartId, lineId, { fields: "id" });
    } else {
      await medusa().store.cart.updateLineItem(cartId, lineId, { quantity }, { fields: "id" });
    }
    refresh();
    return { ok: true };
  } catch (error) {
    console.error("updateLineQuantity failed", error);
    return failure(describeBackendError(error));
  }
}

/**
 * Server action (the header's country picker): remember the shopper's country and move an open cart to that
 * country's region, whose currency, prices and taxes it then shows.
 */
export async function chooseCountry(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(chooseCountrySchema, formData);
  if (!input.ok) return failure(input.error);
  const code = input.data.country;
  try {
    const choice = (await getCountryChoices()).find((c) => c.code === code);
    if (!choice) return failure("We do not ship to that country yet.");
    await writeCountryCookie(choice.code);
    const cartId = await readOwnCartId();
    const cart = cartId ? await fetchCartHeader(cartId) : null;
    if (cart && cart.region_id !== choice.regionId) {
      await medusa().store.cart.update(cart.id, { region_id: choice.regionId }, { fields: "id" });
    }
    refresh();
    return { ok: true };
  } catch (error) {
    console.error("chooseCountry failed", error);
    return failure(describeBackendError(error));
  }
}
