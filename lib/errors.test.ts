import { FetchError } from "@medusajs/js-sdk";
import { describe, expect, it } from "vitest";
import {
  MESSAGES,
  PROMOTION_MESSAGES,
  describeBackendError,
  describePromotionError,
  isUnknownPromotionCode,
  describeCompletionError,
  describeStripeError,
  httpStatusOf,
  isBackendUnreachable,
} from "./errors";

function connectionRefused(): Error {
  const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9000"), { code: "ECONNREFUSED" });
  return new TypeError("fetch failed", { cause });
}

describe("describeBackendError", () => {
  it("says the store is not answering when the backend is down", () => {
    expect(isBackendUnreachable(connectionRefused())).toBe(true);
    expect(describeBackendError(connectionRefused())).toBe(MESSAGES.unreachable);
  });

  it("maps js-sdk FetchErrors by status, never showing the raw message", () => {
    expect(describeBackendError(new FetchError("Internal", "Internal Server Error", 500))).toBe(MESSAGES.serverProblem);
    expect(describeBackendError(new FetchError("Cart id not found", "Not Found", 404))).toBe(MESSAGES.notFound);
    expect(
      describeBackendError(new FetchError("Invalid request: Expected type: 'string' for field 'email'", "Bad Request", 400)),
    ).toBe(MESSAGES.rejected);
    expect(
      describeBackendError(new FetchError("Cart is already being completed by another request", "Conflict", 409)),
    ).toBe(MESSAGES.completing);
  });

  it("recognises stock and payment authorization problems", () => {
    expect(
      describeBackendError(new FetchError("Some variant does not have the required inventory", "Bad Request", 400)),
    ).toBe(MESSAGES.outOfStock);
    expect(describeBackendError(new FetchError("Payment authorization failed", "Bad Request", 400))).toBe(
      MESSAGES.paymentNotAuthorized,
    );
    expect(
      describeBackendError(
        new FetchError("Session: payses_01 was not authorized with the provider.", "Bad Request", 400),
      ),
    ).toBe(MESSAGES.paymentNotAuthorized);
  });

  it("falls back to a generic sentence for anything else", () => {
    expect(describeBackendError("boom")).toBe(MESSAGES.unknown);
    expect(describeBackendError(new Error("weird"))).toBe(MESSAGES.unknown);
  });

  it("exposes the HTTP status of FetchErrors only", () => {
    expect(httpStatusOf(new FetchError("x", "Conflict", 409))).toBe(409);
    expect(httpStatusOf(connectionRefused())).toBeUndefined();
  });
});

describe("describeStripeError", () => {
  it("shows Stripe's own shopper-facing message for card and validation errors", () => {
    expect(
      describeStripeError({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." }),
    ).toBe("Your card has insufficient funds.");
    expect(describeStripeError({ type: "validation_error", message: "Your card number is incomplete." })).toBe(
      "Your card number is incomplete.",
    );
  });

  it("explains a failed 3-D Secure check, in Stripe's words when it gives them", () => {
    expect(describeStripeError({ type: "invalid_request_error", code: "payment_intent_authentication_failure" })).toMatch(
      /verify your card/,
    );
    const message =
      "We are unable to authenticate your payment method. Please choose a different payment method and try again.";
    expect(
      describeStripeError({ type: "invalid_request_error", code: "payment_intent_authentication_failure", message }),
    ).toBe(message);
  });

  it("hides integration errors behind a plain sentence", () => {
    expect(describeStripeError({ type: "invalid_request_error", message: "No such payment_intent: pi_123" })).toBe(
      MESSAGES.paymentGeneric,
    );
    expect(describeStripeError(undefined)).toBe(MESSAGES.paymentGeneric);
  });
});

describe("describeCompletionError", () => {
  it("explains failed authorization and stock, and never drops an unknown reason", () => {
    expect(describeCompletionError({ message: "Payment authorization failed" })).toBe(MESSAGES.paymentNotAuthorized);
    expect(describeCompletionError({ message: "Variant v_1 does not have the required inventory" })).toBe(
      MESSAGES.outOfStock,
    );
    expect(describeCompletionError({ message: "Shipping method is not valid" })).toBe(
      "We could not place your order: Shipping method is not valid. Please try again.",
    );
    expect(describeCompletionError(undefined)).toBe("We could not place your order. Please try again.");
  });
});

describe("describePromotionError", () => {
  // What Medusa 2.21.2 answers, as the js-sdk throws it.
  const unknownCode = new FetchError("The promotion code NOPE is invalid", "Bad Request", 400);

  it("says plainly that the code is unknown and nothing changed", () => {
    expect(isUnknownPromotionCode(unknownCode)).toBe(true);
    expect(describePromotionError(unknownCode, "NOPE")).toBe(PROMOTION_MESSAGES.unknown("NOPE"));
    expect(PROMOTION_MESSAGES.unknown("NOPE")).toBe("We do not know the code NOPE. Please check it and try again — nothing was changed.");
  });

  it("does not take other refusals for an unknown code", () => {
    expect(isUnknownPromotionCode(new FetchError("Invalid request: Field 'promo_codes' is required", "Bad Request", 400))).toBe(false);
    expect(isUnknownPromotionCode(new FetchError("The promotion code NOPE is invalid", "Internal Server Error", 500))).toBe(false);
    expect(isUnknownPromotionCode(new Error("The promotion code NOPE is invalid"))).toBe(false);
  });

  it("sends a shopper whose cart became an order or expired back to the start", () => {
    const completed = new FetchError("Cart cart_01 is already completed.", "Bad Request", 400);
    expect(describePromotionError(completed, "WELCOME10")).toBe(MESSAGES.cartGone);
    expect(describePromotionError(new FetchError("Cart id not found", "Not Found", 404), "WELCOME10")).toBe(MESSAGES.cartGone);
  });

  it("falls back to the backend's sentences", () => {
    expect(describePromotionError(connectionRefused(), "WELCOME10")).toBe(MESSAGES.unreachable);
    expect(describePromotionError(new FetchError("boom", "Internal Server Error", 500), "WELCOME10")).toBe(MESSAGES.serverProblem);
  });

  it("names the code a cart will not take, and the delivery case only before delivery is chosen", () => {
    expect(PROMOTION_MESSAGES.notApplicable("EXPIRED20", true)).toBe(
      "The code EXPIRED20 cannot be used on this cart: it may have ended, or be for another currency or other items. Nothing was changed.",
    );
    expect(PROMOTION_MESSAGES.notApplicable("FREESHIP", false)).toMatch(/Nothing was changed\. A delivery code can be applied once you have chosen delivery\.$/);
  });
});
