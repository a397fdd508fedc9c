import { describe, expect, it } from "vitest";
import { cardBrand, cardOutcome, checkCardDetails, luhnValid, PAYMENT_METHOD_SHORTCUTS } from "./cards";

const NOW = new Date("2026-06-15T12:00:00Z");

describe("test cards", () => {
  it("validates Luhn", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4000002760003184")).toBe(true);
    expect(luhnValid("378282246310005")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("4242")).toBe(false);
  });

  it("gives the documented outcomes", () => {
    expect(cardOutcome("4242424242424242")).toEqual({ kind: "pays" });
    expect(cardOutcome("4000002760003184")).toEqual({ kind: "three_d_secure" });
    expect(cardOutcome("4000000000009995")).toMatchObject({
      kind: "declined",
      decline: { code: "card_declined", declineCode: "insufficient_funds" },
    });
    expect(cardOutcome("4000000000000002")).toMatchObject({ kind: "declined", decline: { declineCode: "generic_decline" } });
    // Any other valid number pays, as in Stripe's test mode.
    expect(cardOutcome("4111111111111111")).toEqual({ kind: "pays" });
  });

  it("maps every pm_card_* shortcut to a Luhn-valid test number", () => {
    for (const number of Object.values(PAYMENT_METHOD_SHORTCUTS)) expect(luhnValid(number)).toBe(true);
    expect(cardOutcome(PAYMENT_METHOD_SHORTCUTS["pm_card_visa_chargeDeclinedInsufficientFunds"] ?? "")).toMatchObject({
      decline: { declineCode: "insufficient_funds" },
    });
    expect(cardOutcome(PAYMENT_METHOD_SHORTCUTS["pm_card_authenticationRequired"] ?? "")).toEqual({ kind: "three_d_secure" });
  });

  it("recognizes brands", () => {
    expect(cardBrand("4242424242424242")).toBe("visa");
    expect(cardBrand("5555555555554444")).toBe("mastercard");
    expect(cardBrand("2223003122003222")).toBe("mastercard");
    expect(cardBrand("378282246310005")).toBe("amex");
    expect(cardBrand("6011111111111117")).toBe("discover");
    expect(cardBrand("3566002020360505")).toBe("jcb");
    expect(cardBrand("6200000000000005")).toBe("unionpay");
  });

  it("checks card details as Stripe does when a PaymentMethod is created", () => {
    const ok = { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123" };
    expect(checkCardDetails(ok, NOW)).toBeUndefined();
    expect(checkCardDetails({ ...ok, number: "4242424242424241" }, NOW)?.code).toBe("incorrect_number");
    expect(checkCardDetails({ ...ok, number: "4242" }, NOW)?.code).toBe("invalid_number");
    expect(checkCardDetails({ ...ok, expMonth: 13 }, NOW)?.code).toBe("invalid_expiry_month");
    expect(checkCardDetails({ ...ok, expYear: 2025 }, NOW)?.code).toBe("expired_card");
    expect(checkCardDetails({ ...ok, expYear: 2026, expMonth: 5 }, NOW)?.code).toBe("expired_card");
    expect(checkCardDetails({ ...ok, expYear: 26, expMonth: 6 }, NOW)).toBeUndefined();
    expect(checkCardDetails({ ...ok, cvc: "12" }, NOW)?.code).toBe("invalid_cvc");
    expect(checkCardDetails({ ...ok, number: "378282246310005", cvc: "1234" }, NOW)).toBeUndefined();
  });
});
