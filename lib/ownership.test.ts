import { describe, expect, it } from "vitest";
import { belongsToViewer, cartCustomerId, transferableAtSignIn } from "./ownership";

describe("belongsToViewer", () => {
  it("a shopper who is not signed in uses any cart or order by its id (the id is the key)", () => {
    expect(belongsToViewer({ customer_id: "cus_B" }, null)).toBe(true);
    expect(belongsToViewer({ customer_id: null }, null)).toBe(true);
  });

  it("a signed-in customer uses their own, and a cart that belongs to nobody yet, never another customer's", () => {
    expect(belongsToViewer({ customer_id: "cus_A" }, "cus_A")).toBe(true);
    expect(belongsToViewer({}, "cus_A")).toBe(true);
    expect(belongsToViewer({ customer_id: "cus_B" }, "cus_A")).toBe(false);
  });
});

describe("transferableAtSignIn", () => {
  it("takes a cart that is nobody's yet, or the same person's guest cart", () => {
    expect(transferableAtSignIn({ customer_id: null, email: null }, "ada@example.com")).toBe(true);
    expect(transferableAtSignIn({ customer_id: "cus_guest", email: "Ada@Example.com " }, "ada@example.com")).toBe(true);
  });

  it("never takes a cart with someone else's e-mail", () => {
    expect(transferableAtSignIn({ customer_id: "cus_B", email: "bob@example.com" }, "ada@example.com")).toBe(false);
    expect(transferableAtSignIn({ customer_id: "cus_B", email: null }, "ada@example.com")).toBe(false);
  });
});

describe("cartCustomerId", () => {
  it("reads the customer of a cart read with customer.id, and nothing from a cart without one", () => {
    expect(cartCustomerId({ id: "cart_1", customer: { id: "cus_A" } })).toBe("cus_A");
    expect(cartCustomerId({ id: "cart_1", customer: null })).toBeNull();
    expect(cartCustomerId({ id: "cart_1" })).toBeNull();
  });
});
