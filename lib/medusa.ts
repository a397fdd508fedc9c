import "server-only";
import Medusa, { type ClientHeaders } from "@medusajs/js-sdk";
import { getConfig } from "./config";

let client: Medusa | undefined;

/**
 * The one Medusa client. Server-only: the browser never talks to the backend, so the backend URL
 * and publishable key are read from the server's environment at runtime, not baked into the build.
 * Created on first use so that `next build` needs no backend configuration.
 */
export function medusa(): Medusa {
  if (!client) {
    const config = getConfig();
    client = new Medusa({
      baseUrl: config.medusaBackendUrl,
      publishableKey: config.medusaPublishableKey,
      // One client serves every shopper, so it must hold no one's token: a signed-in customer's token is passed per
      // request (`customerHeaders`), and the SDK's own sign-in calls store nothing ("nostore").
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    });
    withTimeout(client, config.medusaTimeoutMs);
  }
  return client;
}

/** Request headers that make a store call on behalf of the signed-in customer; none for a guest. */
export function customerHeaders(token: string | null): ClientHeaders | undefined {
  return token ? { authorization: `Bearer ${token}` } : undefined;
}

/**
 * The js-sdk has no time-out of its own: a backend that accepts the connection but never answers would leave the
 * shopper's request (and the pay button) hanging. Every store call goes through `client.fetch`, so give each one
 * an AbortSignal that fires after `timeoutMs`; the resulting TimeoutError is described as "not answering" by
 * lib/errors. A caller's own signal still wins.
 */
function withTimeout(sdk: Medusa, timeoutMs: number): void {
  const client = sdk.client;
  const fetchWithoutTimeout = client.fetch.bind(client);
  const fetchWithTimeout: typeof client.fetch = (input, init) =>
    fetchWithoutTimeout(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
  client.fetch = fetchWithTimeout;
}

/*
 * Field groups for store queries, so the cart, the order and the payment link ask for the same shape of the things
 * they all show (Medusa returns only what `fields` names: a field missing here is missing on the page).
 */

/** A line item as the item lists show it. */
export const LINE_ITEM_FIELDS = [
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.subtotal",
];

/**
 * The amounts every totals block shows. The discount line is `discount_subtotal` (before tax, like the other lines;
 * `discount_total` also holds the tax the discount saves, which the tax line already leaves out), with the codes.
 */
export const TOTALS_FIELDS = [
  "total",
  "subtotal",
  "item_subtotal",
  "tax_total",
  "shipping_subtotal",
  "discount_total",
  "discount_subtotal",
  "promotions.code",
  "promotions.is_automatic",
];

/** Addresses and the delivery chosen, as summaries show them. */
export const ADDRESS_AND_DELIVERY_FIELDS = [
  "*shipping_address",
  "*billing_address",
  "shipping_methods.id",
  "shipping_methods.name",
  "shipping_methods.amount",
];
