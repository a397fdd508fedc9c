import { describe, expect, it } from "vitest";
import { ACCOUNT_PATH, CHECKOUT_PATH, accountPath, checkoutPath, safeNextPath } from "./paths";

describe("checkoutPath", () => {
  it("is the plain checkout unless something must be said", () => {
    expect(checkoutPath()).toBe(CHECKOUT_PATH);
    expect(checkoutPath({ paymentFailed: false })).toBe(CHECKOUT_PATH);
  });

  it("says that a payment did not go through", () => {
    expect(checkoutPath({ paymentFailed: true })).toBe("/checkout?payment=failed");
  });
});

describe("after signing in", () => {
  it("goes back to a page of this shop", () => {
    expect(safeNextPath("/checkout")).toBe("/checkout");
    expect(accountPath({ next: "/checkout" })).toBe("/account?next=%2Fcheckout");
    expect(accountPath()).toBe(ACCOUNT_PATH);
  });

  it("never to another site, whatever the link says", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "checkout", "/a b", "/\u0000"]) {
      expect(safeNextPath(bad)).toBeNull();
      expect(accountPath({ next: bad })).toBe(ACCOUNT_PATH);
    }
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath("")).toBeNull();
  });
});
