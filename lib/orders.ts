import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { cache } from "react";
import { nullWhenNotFound } from "./errors";
import { looksLikeId } from "./ids";
import { ADDRESS_AND_DELIVERY_FIELDS, LINE_ITEM_FIELDS, TOTALS_FIELDS, medusa } from "./medusa";

const ORDER_FIELDS = [
  "id",
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


/** An order by its id (long and random, so the id itself is what keeps the page private). */
export const getOrder = cache(async (orderId: string): Promise<Order | null> => {
  if (!looksLikeId(orderId, "order")) return null;
  const found = await nullWhenNotFound(medusa().store.order.retrieve(orderId, { fields: ORDER_FIELDS }));
  return found?.order ?? null;
});
