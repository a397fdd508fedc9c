import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { cache } from "react";
import { readViewerCustomerId } from "./cookies";
import { nullWhenNotFound } from "./errors";
import { linkedId, looksLikeId } from "./ids";
import { ADDRESS_AND_DELIVERY_FIELDS, LINE_ITEM_FIELDS, TOTALS_FIELDS, medusa } from "./medusa";
import { belongsToViewer } from "./ownership";

const ORDER_FIELDS = [
  "id",
  // Whose order it is: a signed-in customer is shown only their own (lib/ownership.ts).
  "customer_id",
  // Which cart became this order: its confirmation forgets that cart, and only that one.
  "cart.id",
  "display_id",
  "status",
  "payment_status",
  "fulfillment_status",
  "email",
  "currency_code",
  "created_at",
  ...TOTALS_FIELDS,
  ...LINE_ITEM_FIELDS,
  ...ADDRESS_AND_DELIVERY_FIELDS,
  // The money's life after checkout: authorized, captured and refunded amounts per collection. The store
  // API returns these on the collection itself; captures and refunds of a payment are admin-only.
  "*payment_collections",
].join(",");

export type Order = HttpTypes.StoreOrder;
export type OrderPaymentCollection = NonNullable<Order["payment_collections"]>[number];


/**
 * An order by its id (long and random, so the id itself is what keeps the page private), or null. A signed-in
 * customer is shown only their own orders: another account's order id is answered as an order that does not exist.
 */
export const getOrder = cache(async (orderId: string): Promise<Order | null> => {
  if (!looksLikeId(orderId, "order")) return null;
  const [found, viewer] = await Promise.all([
    nullWhenNotFound(medusa().store.order.retrieve(orderId, { fields: ORDER_FIELDS })),
    readViewerCustomerId(),
  ]);
  return found && belongsToViewer(found.order, viewer) ? found.order : null;
});

/** The cart that became an order read with `cart.id`. */
export function orderCartId(order: object): string | null {
  return linkedId(order, "cart");
}
