import { describe, expect, it } from "vitest";
import { type ProgressCart, checkoutProgress, defaultDeliveryOption, isCompleteAddress } from "./checkout-progress";
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

const emptyCart: ProgressCart = { currency_code: "eur", total: 49.9, items: [{}] };
const withAddress: ProgressCart = { ...emptyCart, email: "ada@example.com", shipping_address: address, billing_address: address };
const withDelivery: ProgressCart = { ...withAddress, total: 59.9, shipping_methods: [{ id: "sm_1" }] };
const readyToPay: ProgressCart = { ...withDelivery, payment_collection: { payment_sessions: [stripeSession] } };

const locked = { delivery: "locked", payment: "locked" } as const;

describe("checkoutProgress", () => {
  it("opens only the address section for a new cart", () => {
    expect(checkoutProgress(emptyCart)).toEqual({ address: "open", ...locked });
  });

  it("needs email, shipping and billing address before delivery", () => {
    expect(checkoutProgress({ ...withAddress, email: "" })).toEqual({ address: "open", ...locked });
    expect(checkoutProgress({ ...withAddress, billing_address: null })).toEqual({ address: "open", ...locked });
    expect(checkoutProgress({ ...withAddress, shipping_address: { ...address, postal_code: " " } })).toEqual({
      address: "open",
      ...locked,
    });
    expect(checkoutProgress(withAddress)).toEqual({ address: "done", delivery: "open", payment: "locked" });
  });

  it("asks for a payment session once delivery is chosen", () => {
    expect(checkoutProgress({ ...withAddress, shipping_methods: [] }).payment).toBe("locked");
    expect(checkoutProgress(withDelivery)).toEqual({ address: "done", delivery: "done", payment: "prepare" });
  });

  it("is ready to pay only with a pending Stripe session for exactly the cart total", () => {
    expect(checkoutProgress(readyToPay).payment).toBe("ready");
    expect(checkoutProgress({ ...readyToPay, total: 64.9 }).payment).toBe("prepare");
    expect(checkoutProgress({ ...readyToPay, total: 59.900000000000006 }).payment).toBe("ready");
  });

  it("ignores other providers' sessions, sessions without a client secret and authorized ones", () => {
    const withSession = (session: typeof stripeSession) => ({ ...withDelivery, payment_collection: { payment_sessions: [session] } });
    expect(checkoutProgress(withSession({ ...stripeSession, provider_id: "pp_system_default" })).payment).toBe("prepare");
    expect(checkoutProgress(withSession({ ...stripeSession, data: {} } as typeof stripeSession)).payment).toBe("prepare");
    expect(checkoutProgress(withSession({ ...stripeSession, status: "authorized" })).payment).toBe("prepare");
  });
});

describe("free orders", () => {
  it("needs no payment when promotions cover the whole total, delivery included", () => {
    expect(checkoutProgress({ ...withDelivery, total: 0 })).toEqual({ address: "done", delivery: "done", payment: "free" });
    expect(checkoutProgress({ ...withDelivery, total: 0.001 }).payment).toBe("free");
    expect(checkoutProgress({ ...withDelivery, total: 0.01 }).payment).toBe("prepare");
    expect(checkoutProgress({ ...withDelivery, currency_code: "jpy", total: 1 }).payment).toBe("prepare");
  });

  it("still asks for an address and a delivery first", () => {
    expect(checkoutProgress({ ...withAddress, total: 0 }).payment).toBe("locked");
  });
});

describe("defaultDeliveryOption", () => {
  const standard = { id: "so_standard", amount: 4.9 };
  const express = { id: "so_express", amount: 12.9 };

  it("picks the cheapest option whatever the order", () => {
    expect(defaultDeliveryOption([express, standard])).toBe(standard);
    expect(defaultDeliveryOption([standard, express])).toBe(standard);
  });

  it("skips options that cannot ship or have no price", () => {
    expect(defaultDeliveryOption([{ ...standard, insufficient_inventory: true }, express])).toBe(express);
    expect(defaultDeliveryOption([{ id: "so_quote", amount: null }, express])).toBe(express);
    expect(defaultDeliveryOption([{ id: "so_quote", amount: null }])).toBeNull();
    expect(defaultDeliveryOption([])).toBeNull();
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
