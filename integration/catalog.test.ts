import { describe, expect, test } from "vitest";
import { stack, storeSdk } from "@medusa-stripe-checkout/test-support/stack";

/**
 * The seeded catalogue as a shopper's browser meets it: every product has pictures, uploaded through Medusa's file
 * module and served by the running backend itself (its local file provider, at /static).
 */

const store = storeSdk();

async function seededProducts() {
  const { products } = await store.store.product.list({
    handle: stack.products.map((product) => product.handle),
    fields: "id,handle,title,thumbnail,images.url,images.rank",
    limit: 50,
  });
  return products;
}

describe("product pictures", () => {
  test("every seeded product has a thumbnail and images that the backend answers with 200 and an image type, each once", async () => {
    const products = await seededProducts();
    expect(products.map((product) => product.handle).sort()).toEqual(stack.products.map((product) => product.handle).sort());

    for (const product of products) {
      const images = [...(product.images ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((image) => image.url);
      expect(product.thumbnail, product.handle).toBeTruthy();
      expect(images[0], `${product.handle}: the thumbnail is its first image`).toBe(product.thumbnail);
      // The local file provider puts a time stamp before each name: the same drawing twice means a re-run duplicated it.
      const names = images.map((url) => new URL(url).pathname.split("/").pop()?.replace(/^\d+-/, ""));
      expect(new Set(names).size, `${product.handle}: ${images.join(", ")}`).toBe(names.length);

      for (const url of images) {
        expect(url.startsWith(`${stack.backendUrl}/static/`), url).toBe(true);
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
        expect(response.headers.get("content-type"), url).toMatch(/^image\//);
        expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
      }
    }
  });

  test("a cart line carries its product's picture, for the cart, the checkout summary and the order", async () => {
    const [product] = await seededProducts();
    if (!product) throw new Error("no seeded product");
    const { products } = await store.store.product.list({ handle: product.handle, region_id: stack.regions.eu.id, fields: "id,*variants" });
    const variant = products[0]?.variants?.[0];
    if (!variant) throw new Error(`${product.handle} has no variant`);

    const { cart } = await store.store.cart.create({ region_id: stack.regions.eu.id });
    const { cart: withItem } = await store.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1 });
    expect(withItem.items?.[0]?.thumbnail).toBe(product.thumbnail);
  });
});
