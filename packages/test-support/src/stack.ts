import Medusa, { FetchError } from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { readStackInfo, type StackInfo } from "./stack-info";

export { toMinorUnits } from "./money";

/**
 * What tests need to drive the running local stack as a shopper, as a merchant, and as Stripe.js would.
 * Every call goes to the real backend; nothing here fakes Medusa.
 */

export const stack: StackInfo = readStackInfo();

/** Where Stripe's API is for this run: the double when the stack has one, else Stripe itself. */
export const stripeApiUrl = process.env.STRIPE_API_URL ?? stack.stripe.doubleUrl ?? "https://api.stripe.com";

export function storeSdk(): Medusa {
  return new Medusa({ baseUrl: stack.backendUrl, publishableKey: stack.publishableKey, debug: false });
}

export async function adminSdk(): Promise<Medusa> {
  const sdk = new Medusa({
    baseUrl: stack.backendUrl,
    debug: false,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  });
  await sdk.auth.login("user", "emailpass", { email: stack.admin.email, password: stack.admin.password });
  return sdk;
}

/** A unique shopper email, so that each test can find its own orders. */
export function shopperEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

const ADDRESSES = {
  de: { first_name: "Erika", last_name: "Mustermann", address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de", phone: "+49 221 1234567" },
  us: { first_name: "Jane", last_name: "Doe", address_1: "1 Market St", city: "San Francisco", province: "CA", postal_code: "94105", country_code: "us", phone: "+1 415 555 0100" },
  jp: { first_name: "Hanako", last_name: "Yamada", address_1: "1-1 Chiyoda", city: "Tokyo", postal_code: "100-0001", country_code: "jp", phone: "+81 3 1234 5678" },
} satisfies Record<string, HttpTypes.StoreAddAddress>;

type CartOptions = { region?: keyof StackInfo["regions"]; quantity?: number; productHandle?: string; shipping?: "standard" | "express" };

/**
 * A cart at the payment step: one item, contact email, addresses and a shipping method, as a shopper leaves it
 * after the delivery step.
 */
export async function cartReadyForPayment(sdk: Medusa, email: string, options: CartOptions = {}): Promise<HttpTypes.StoreCart> {
  const regionKey = options.region ?? "eu";
  const region = stack.regions[regionKey];
  const country = regionKey === "eu" ? "de" : regionKey;
  const { products } = await sdk.store.product.list({
    handle: options.productHandle ?? "linen-shirt",
    region_id: region.id,
    fields: "id,*variants",
  });
  const variant = products[0]?.variants?.[0];
  if (!variant) throw new Error("the seeded product has no variant");

  let { cart } = await sdk.store.cart.create({ region_id: region.id });
  ({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: options.quantity ?? 1 }));
  const address = ADDRESSES[country];
  ({ cart } = await sdk.store.cart.update(cart.id, { email, shipping_address: address, billing_address: address }));
  const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id });
  const option = shipping_options.find((candidate) => candidate.type?.code === (options.shipping ?? "standard"));
  if (!option) throw new Error(`no ${options.shipping ?? "standard"} shipping option for ${region.currency_code}`);
  ({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: option.id }));
  return cart;
}

export type PaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  capture_method: string;
  metadata: Record<string, string>;
  last_payment_error: { code?: string; decline_code?: string; message?: string } | null;
  latest_charge: string | null;
  /** The Stripe customer it is for: a signed-in shopper's (Medusa's account holder), or none for a guest. */
  customer: string | null;
};

/** The session Medusa made with `pp_stripe_stripe`, and the PaymentIntent inside it. */
export function stripeSession(cart: HttpTypes.StoreCart): { sessionId: string; paymentIntent: PaymentIntent } {
  const session = cart.payment_collection?.payment_sessions?.find((candidate) => candidate.provider_id === "pp_stripe_stripe");
  if (!session) throw new Error("the cart has no pp_stripe_stripe payment session");
  return { sessionId: session.id, paymentIntent: session.data as unknown as PaymentIntent };
}

/** Initiates the Stripe session the way the storefront does: from a freshly fetched cart. */
export async function initiateStripeSession(sdk: Medusa, cartId: string): Promise<{ cart: HttpTypes.StoreCart; paymentIntent: PaymentIntent }> {
  const { cart: fresh } = await sdk.store.cart.retrieve(cartId);
  await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: "pp_stripe_stripe" });
  const { cart } = await sdk.store.cart.retrieve(cartId, {
    fields: "*payment_collection,*payment_collection.payment_sessions",
  });
  return { cart, paymentIntent: stripeSession(cart).paymentIntent };
}

type StripeErrorBody = { error: { type: string; code?: string; decline_code?: string; message: string } };

/**
 * Confirms a PaymentIntent as Stripe.js does in the shopper's browser: with the publishable key and the
 * client secret, never the secret key.
 */
export async function confirmAsBrowser(
  paymentIntent: Pick<PaymentIntent, "id" | "client_secret">,
  paymentMethod: string,
): Promise<{ status: number; body: PaymentIntent | StripeErrorBody }> {
  const response = await fetch(`${stripeApiUrl}/v1/payment_intents/${paymentIntent.id}/confirm`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${stack.stripe.publishableKey}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      client_secret: paymentIntent.client_secret,
      payment_method: paymentMethod,
      return_url: "http://localhost:3000/checkout/return",
    }),
  });
  return { status: response.status, body: (await response.json()) as PaymentIntent | StripeErrorBody };
}

/** Reads a PaymentIntent with the secret key, as the merchant's server would. */
export async function retrievePaymentIntent(id: string): Promise<PaymentIntent> {
  const response = await fetch(`${stripeApiUrl}/v1/payment_intents/${id}`, {
    headers: { Authorization: `Bearer ${process.env.STRIPE_API_KEY ?? "sk_test_double_local"}` },
  });
  if (!response.ok) throw new Error(`retrieving ${id}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as PaymentIntent;
}

/** Polls until `probe` returns a value: for effects that arrive asynchronously, such as a webhook's. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Waits until Medusa has processed Stripe's webhook for a failed attempt on this cart (a decline, a failed 3-D
 * Secure): it then tries to complete the cart, and its Stripe provider marks the session as an error.
 */
export async function failedAttemptProcessed(cartId: string): Promise<void> {
  const sdk = storeSdk();
  await eventually(async () => {
    const { cart } = await sdk.store.cart.retrieve(cartId, { fields: "id,*payment_collection.payment_sessions" });
    return cart.payment_collection?.payment_sessions?.some((session) => session.status === "error") ? true : undefined;
  }, `Medusa to process the failed payment on cart ${cartId}`);
}

/** Orders placed with this email, with their payments, read through the admin API. */
export async function ordersFor(admin: Medusa, email: string): Promise<HttpTypes.AdminOrder[]> {
  const { orders } = await admin.admin.order.list({
    q: email,
    fields:
      "id,display_id,email,total,currency_code,*payment_collections,*payment_collections.payments,*payment_collections.payments.captures,*payment_collections.payments.refunds",
  });
  return orders.filter((order) => order.email === email);
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

/**
 * A product of its own, in stock at the seeded warehouse, for a test that changes stock: the seeded products are
 * shared by every suite running on the stack. Returns its handle and inventory item, to set the stock later.
 */
export async function productWithStock(admin: Medusa, stocked: number): Promise<{ handle: string; inventoryItemId: string }> {
  const handle = `stock-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { shipping_profiles } = await admin.admin.shippingProfile.list({ fields: "id" });
  const shippingProfileId = shipping_profiles[0]?.id;
  if (!shippingProfileId) throw new Error("the stack has no shipping profile");
  const { product } = await admin.admin.product.create(
    {
      title: `Stock test ${handle}`,
      handle,
      status: "published",
      shipping_profile_id: shippingProfileId,
      sales_channels: [{ id: stack.salesChannelId }],
      options: [{ title: "Size", values: ["One size"] }],
      variants: [
        {
          title: "One size",
          options: { Size: "One size" },
          manage_inventory: true,
          prices: [
            { currency_code: "eur", amount: 20 },
            { currency_code: "usd", amount: 22 },
            { currency_code: "jpy", amount: 3000 },
          ],
        },
      ],
    },
    { fields: "id,*variants,*variants.inventory_items" },
  );
  const inventoryItemId = product.variants?.[0]?.inventory_items?.[0]?.inventory_item_id;
  if (!inventoryItemId) throw new Error("the new variant has no inventory item");
  await admin.admin.inventoryItem.batchUpdateLevels(inventoryItemId, {
    create: [{ location_id: stack.stockLocationId, stocked_quantity: stocked }],
  });
  return { handle, inventoryItemId };
}

/**
 * A customer account made directly in Medusa (its own registration steps), for tests that start from an existing
 * customer; answers the headers that act as that customer on the store API.
 */
export async function createCustomerAccount(email: string, password: string, name = { first_name: "Ada", last_name: "Lovelace" }) {
  const sdk = storeSdk();
  const registration = await sdk.auth.register("customer", "emailpass", { email, password });
  await sdk.store.customer.create({ email, ...name }, {}, { authorization: `Bearer ${registration}` });
  return customerAuthHeaders(email, password);
}

/** The headers that act as a customer on the store API, from a fresh sign-in. */
export async function customerAuthHeaders(email: string, password: string): Promise<{ authorization: string }> {
  const token = await storeSdk().auth.login("customer", "emailpass", { email, password });
  if (typeof token !== "string") throw new Error("the customer sign-in asked for more than a password");
  return { authorization: `Bearer ${token}` };
}

/**
 * An order placed through the store API as the storefront's checkout places it (4242 confirmed as Stripe.js would,
 * then the cart completed), for tests whose subject is what happens to an order after checkout.
 */
export async function orderPlacedByApi(label: string): Promise<string> {
  const store = storeSdk();
  const cart = await cartReadyForPayment(store, shopperEmail(`e2e-${label}`));
  const { paymentIntent } = await initiateStripeSession(store, cart.id);
  const confirmed = await confirmAsBrowser(paymentIntent, "pm_card_visa");
  if (confirmed.status !== 200) throw new Error(`confirming ${paymentIntent.id} answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  const completed = await store.store.cart.complete(cart.id, { fields: "id" });
  if (completed.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${completed.error.message}`);
  return completed.order.id;
}

/** The merchant adds an item to an order and confirms the edit, as in Medusa Admin: the order then owes more. */
export async function addItemByOrderEdit(admin: Medusa, orderId: string, productHandle: string): Promise<void> {
  const { products } = await storeSdk().store.product.list({
    handle: productHandle,
    region_id: stack.regions.eu.id,
    fields: "id,*variants",
  });
  const variantId = products[0]?.variants?.[0]?.id;
  if (!variantId) throw new Error(`no variant for ${productHandle}`);
  await admin.admin.orderEdit.initiateRequest({ order_id: orderId });
  await admin.admin.orderEdit.addItems(orderId, { items: [{ variant_id: variantId, quantity: 1 }] });
  await admin.admin.orderEdit.request(orderId);
  await admin.admin.orderEdit.confirm(orderId);
}
