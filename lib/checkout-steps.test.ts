import { describe, expect, it } from "vitest";
import { type StepCart, furthestAllowedStep, isCompleteAddress, resolveCheckoutStep } from "./checkout-steps";
import { clientSecretOf, findStripeSession } from "./payment/sessions";

const address = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "Unter den Linden 1",
  city: "Berlin",
  postal_code: "10117",
  country_code: "de",
};

const stripeSession = {
  id: "payses_1",
  provider_id: "pp_stripe_stripe",
  amount: 59.9,
  status: "pending",
  data: { id: "pi_1", client_secret: "pi_1_secret_abc" },
};

const emptyCart: StepCart = { currency_code: "eur", total: 49.9, items: [{}] };
const withAddress: StepCart = { ...emptyCart, email: "ada@example.com", shipping_address: address, billing_address: address };
const withDelivery: StepCart = { ...withAddress, total: 59.9, shipping_methods: [{ id: "sm_1" }] };
const readyToPay: StepCart = { ...withDelivery, payment_collection: { payment_sessions: [stripeSession] } };

describe("furthestAllowedStep", () => {
  it("starts a new cart at the address step", () => {
    expect(furthestAllowedStep(emptyCart)).toBe("address");
  });

  it("needs email, shipping and billing address before delivery", () => {
    expect(furthestAllowedStep({ ...withAddress, email: "" })).toBe("address");
    expect(furthestAllowedStep({ ...withAddress, billing_address: null })).toBe("address");
    expect(furthestAllowedStep({ ...withAddress, shipping_address: { ...address, postal_code: " " } })).toBe("address");
    expect(furthestAllowedStep(withAddress)).toBe("delivery");
  });

  it("needs a shipping method before payment", () => {
    expect(furthestAllowedStep({ ...withAddress, shipping_methods: [] })).toBe("delivery");
    expect(furthestAllowedStep(withDelivery)).toBe("payment");
  });

  it("reaches review only with a pending Stripe session for exactly the cart total", () => {
    expect(furthestAllowedStep(readyToPay)).toBe("review");
    expect(furthestAllowedStep({ ...readyToPay, total: 64.9 })).toBe("payment");
    expect(furthestAllowedStep({ ...readyToPay, total: 59.900000000000006 })).toBe("review");
  });

  it("ignores other providers' sessions and sessions without a client secret", () => {
    const manual = { ...stripeSession, provider_id: "pp_system_default" };
    expect(furthestAllowedStep({ ...withDelivery, payment_collection: { payment_sessions: [manual] } })).toBe("payment");
    const noSecret = { ...stripeSession, data: {} };
    expect(furthestAllowedStep({ ...withDelivery, payment_collection: { payment_sessions: [noSecret] } })).toBe("payment");
    const authorized = { ...stripeSession, status: "authorized" };
    expect(furthestAllowedStep({ ...withDelivery, payment_collection: { payment_sessions: [authorized] } })).toBe(
      "payment",
    );
  });
});

describe("resolveCheckoutStep", () => {
  it("shows the requested step when the cart allows it, including going back to edit", () => {
    expect(resolveCheckoutStep("review", readyToPay)).toEqual({ step: "review", redirect: false });
    expect(resolveCheckoutStep("address", readyToPay)).toEqual({ step: "address", redirect: false });
    expect(resolveCheckoutStep("delivery", withDelivery)).toEqual({ step: "delivery", redirect: false });
  });

  it("never lets the URL skip ahead", () => {
    expect(resolveCheckoutStep("review", emptyCart)).toEqual({ step: "address", redirect: true });
    expect(resolveCheckoutStep("payment", withAddress)).toEqual({ step: "delivery", redirect: true });
    expect(resolveCheckoutStep("review", { ...readyToPay, total: 1 })).toEqual({ step: "payment", redirect: true });
  });

  it("sends a missing or unknown step to the furthest allowed one", () => {
    expect(resolveCheckoutStep(undefined, withDelivery)).toEqual({ step: "payment", redirect: true });
    expect(resolveCheckoutStep("shipping", withAddress)).toEqual({ step: "delivery", redirect: true });
    expect(resolveCheckoutStep(["review", "address"], readyToPay)).toEqual({ step: "review", redirect: true });
  });
});

describe("helpers", () => {
  it("isCompleteAddress", () => {
    expect(isCompleteAddress(address)).toBe(true);
    expect(isCompleteAddress(undefined)).toBe(false);
    expect(isCompleteAddress({ ...address, city: null })).toBe(false);
  });

  it("findStripeSession and clientSecretOf", () => {
    expect(findStripeSession(readyToPay)?.id).toBe("payses_1");
    expect(clientSecretOf(findStripeSession(readyToPay))).toBe("pi_1_secret_abc");
    expect(clientSecretOf(null)).toBeNull();
  });
});
