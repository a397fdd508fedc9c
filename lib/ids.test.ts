import { describe, expect, it } from "vitest";
import { linkedId, looksLikeId } from "./ids";

describe("looksLikeId", () => {
  it("accepts Medusa's ids with the expected prefix", () => {
    expect(looksLikeId("order_01M84GWKX4ETNRQPQSPRC3Q7K3", "order")).toBe(true);
    expect(looksLikeId("pay_col_01M84GWJXC1WKE5ZSSKXFSQ913", "pay_col")).toBe(true);
  });

  it("rejects other prefixes, paths and empty values", () => {
    expect(looksLikeId("pay_col_01M84GWJXC1WKE5ZSSKXFSQ913", "order")).toBe(false);
    expect(looksLikeId("order_01M84GWKX4/../admin", "order")).toBe(false);
    expect(looksLikeId("order_", "order")).toBe(false);
    expect(looksLikeId(null, "order")).toBe(false);
    expect(looksLikeId(undefined, "pay_col")).toBe(false);
  });
});

describe("linkedId", () => {
  it("reads the id of a linked record asked for as <relation>.id", () => {
    expect(linkedId({ id: "order_1", cart: { id: "cart_1" } }, "cart")).toBe("cart_1");
  });

  it("is null when the link is absent, empty or not an id", () => {
    expect(linkedId({ id: "order_1" }, "cart")).toBeNull();
    expect(linkedId({ cart: null }, "cart")).toBeNull();
    expect(linkedId({ cart: { id: 7 } }, "cart")).toBeNull();
    expect(linkedId({ cart: "cart_1" }, "cart")).toBeNull();
  });
});
