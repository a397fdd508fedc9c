import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { cache } from "react";
import { medusa } from "./medusa";

export type Product = HttpTypes.StoreProduct;
export type Variant = HttpTypes.StoreProductVariant;

const LIST_FIELDS = "id,title,handle,thumbnail,variants.id,*variants.calculated_price";
const DETAIL_FIELDS =
  "id,title,handle,subtitle,description,thumbnail,options.id,options.title,variants.id,variants.title,variants.manage_inventory,variants.allow_backorder,+variants.inventory_quantity,*variants.calculated_price";

/** Products with prices in the region's currency (Medusa prices by region). */
export const listProducts = cache(async (regionId: string): Promise<Product[]> => {
  const { products } = await medusa().store.product.list({ region_id: regionId, fields: LIST_FIELDS, limit: 48 });
  return products;
});

export const getProductByHandle = cache(async (handle: string, regionId: string): Promise<Product | null> => {
  const { products } = await medusa().store.product.list({
    handle,
    region_id: regionId,
    fields: DETAIL_FIELDS,
    limit: 1,
  });
  return products[0] ?? null;
});

/** The lowest variant price, for "from €X" on the product list. */
export function lowestPrice(product: Product): { amount: number; currencyCode: string } | null {
  let lowest: { amount: number; currencyCode: string } | null = null;
  for (const variant of product.variants ?? []) {
    const price = variant.calculated_price;
    if (typeof price?.calculated_amount === "number" && price.currency_code) {
      if (!lowest || price.calculated_amount < lowest.amount) {
        lowest = { amount: price.calculated_amount, currencyCode: price.currency_code };
      }
    }
  }
  return lowest;
}

/** Whether a variant can be bought now: untracked, back-orderable, or with stock left. */
export function isInStock(variant: Variant): boolean {
  if (!variant.manage_inventory || variant.allow_backorder) return true;
  return (variant.inventory_quantity ?? 0) > 0;
}
