import { describe, expect, it } from "vitest";
import { CHECKOUT_PATH, checkoutPath } from "./paths";

describe("checkoutPath", () => {
  it("is the plain checkout unless something must be said", () => {
    expect(checkoutPath()).toBe(CHECKOUT_PATH);
    expect(checkoutPath({ paymentFailed: false })).toBe(CHECKOUT_PATH);
  });

  it("says that a payment did not go through", () => {
    expect(checkoutPath({ paymentFailed: true })).toBe("/checkout?payment=failed");
  });
});
