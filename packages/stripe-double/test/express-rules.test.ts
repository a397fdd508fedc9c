import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";

/*
 * The pure rules of the Express Checkout Element stand-in, run without a browser: the page half's
 * (browser/endive/stripe.js, reachable as Stripe.__stripeDouble.rules) and the wallet sheet's
 * (browser/double/wallet-sheet-rules.js). Both are plain scripts, loaded here the way a page loads them.
 */

type Json = Record<string, unknown>;
type Rule = (...args: unknown[]) => unknown;

function source(path: string): string {
  return readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
}

function loadStripeRules(warn: (message: string) => void): Record<string, Rule> {
  const context: Json = {
    document: { currentScript: { src: "https://js.stripe.com/endive/stripe.js" } },
    location: { href: "https://shop.example/checkout", origin: "https://shop.example" },
    console: { warn, log: () => undefined, error: () => undefined },
    URL,
    URLSearchParams,
    setTimeout,
    clearTimeout,
  };
  context.window = context;
  runInNewContext(source("../browser/endive/stripe.js"), context);
  const stripe = context.Stripe as { __stripeDouble: { rules: Record<string, Rule> } };
  return stripe.__stripeDouble.rules;
}

function loadSheetRules(): Record<string, Rule> & Record<string, unknown> {
  const context: Json = {};
  context.self = context;
  runInNewContext(source("../browser/double/wallet-sheet-rules.js"), context);
  return context.StripeDoubleWalletRules as Record<string, Rule> & Record<string, unknown>;
}

/** The error a rule throws (an IntegrationError from another realm, so compared by name and message). */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const { name, message } = error as { name: string; message: string };
    return `${name}: ${message}`;
  }
  return "nothing thrown";
}

const warnings: string[] = [];
const rules = loadStripeRules((message) => warnings.push(message));
const sheet = loadSheetRules();
const rule = (name: string): Rule => {
  const found = rules[name];
  if (!found) throw new Error(`no rule ${name}`);
  return found;
};
const sheetRule = (name: string): Rule => {
  const found = sheet[name];
  if (typeof found !== "function") throw new Error(`no sheet rule ${name}`);
  return found as Rule;
};

describe("deferred-intent Elements options", () => {
  const checkDeferred = rule("checkDeferredOptions");

  it("take a positive integer amount in the smallest unit: cents for eur, whole yen for jpy", () => {
    expect(thrown(() => checkDeferred({ mode: "payment", amount: 2490, currency: "eur" }, "elements()", true))).toBe("nothing thrown");
    expect(thrown(() => checkDeferred({ mode: "payment", amount: 6000, currency: "jpy" }, "elements()", true))).toBe("nothing thrown");
    for (const amount of [0, -100, 24.9, "2490", Number.NaN]) {
      expect(thrown(() => checkDeferred({ mode: "payment", amount, currency: "eur" }, "elements()", true))).toMatch(
        /^IntegrationError: Invalid value for elements\(\): amount should be a positive integer in the currency's smallest unit/,
      );
    }
    expect(thrown(() => checkDeferred({ mode: "payment", currency: "eur" }, "elements()", true))).toBe(
      'IntegrationError: Missing value for elements(): amount is required when mode is "payment".',
    );
  });

  it("take a lowercase three-letter currency", () => {
    for (const currency of ["EUR", "euro", 978]) {
      expect(thrown(() => checkDeferred({ mode: "payment", amount: 100, currency }, "elements()", true))).toMatch(
        /^IntegrationError: Invalid value for elements\(\): currency should be a three-letter ISO currency code in lowercase/,
      );
    }
  });

  it("update only what it is given, and check it the same way", () => {
    expect(thrown(() => checkDeferred({ amount: 3500 }, "elements.update()", false))).toBe("nothing thrown");
    expect(thrown(() => checkDeferred({ amount: 0 }, "elements.update()", false))).toMatch(/^IntegrationError: Invalid value for elements\.update\(\): amount/);
  });

  it("refuse the options the double does not act on, and warn about names Stripe does not know", () => {
    expect(thrown(() => checkDeferred({ mode: "payment", amount: 100, currency: "eur", setupFutureUsage: "off_session" }, "elements()", true))).toBe(
      "IntegrationError: stripe-double does not implement the Elements option setupFutureUsage (elements())",
    );
    warnings.length = 0;
    checkDeferred({ mode: "payment", amount: 100, currency: "eur", colour: "red" }, "elements()", true);
    expect(warnings).toEqual([
      "Unrecognized elements() parameter: colour is not a recognized parameter. This may cause issues with your integration in the future.",
    ]);
  });
});

describe("the deferred group's captureMethod", () => {
  const checkDeferred = rule("checkDeferredOptions");
  const mismatch = rule("captureMethodMismatch");

  it("takes Stripe's values, under the camelCase name or the snake_case one", () => {
    for (const value of ["automatic", "automatic_async", "manual"]) {
      expect(thrown(() => checkDeferred({ mode: "payment", amount: 100, currency: "eur", captureMethod: value }, "elements()", true))).toBe("nothing thrown");
      expect(thrown(() => checkDeferred({ mode: "payment", amount: 100, currency: "eur", capture_method: value }, "elements()", true))).toBe("nothing thrown");
    }
    expect(thrown(() => checkDeferred({ captureMethod: "later" }, "elements.update()", false))).toBe(
      'IntegrationError: Invalid value for elements.update(): captureMethod should be one of the following strings: automatic, automatic_async, manual. You specified: "later".',
    );
    expect(thrown(() => checkDeferred({ captureMethod: "manual", capture_method: "automatic" }, "elements()", false))).toMatch(/captureMethod and capture_method disagree/);
  });

  it("must match the PaymentIntent's capture_method; automatic (the default) and automatic_async both capture at once", () => {
    expect(mismatch({ captureMethod: "manual" }, { capture_method: "manual" })).toBeNull();
    expect(mismatch({ capture_method: "manual" }, { capture_method: "manual" })).toBeNull();
    expect(mismatch({}, { capture_method: "automatic_async" })).toBeNull();
    expect(mismatch({ captureMethod: "automatic" }, { capture_method: "automatic" })).toBeNull();
    const refused = mismatch({}, { id: "pi_1", capture_method: "manual" }) as Json;
    expect(refused).toMatchObject({ type: "invalid_request_error", param: "capture_method", payment_intent: { id: "pi_1" } });
    expect(refused.message).toContain("capture_method (manual) does not match the captureMethod Elements was created with (automatic)");
    expect(mismatch({ captureMethod: "manual" }, { capture_method: "automatic" })).toMatchObject({ type: "invalid_request_error" });
  });
});

describe("line items and shipping rates", () => {
  const total = rule("checkLineItemsTotal");
  const rates = rule("checkShippingRates");

  it("may not add up to more than the Elements amount (Stripe.js's IntegrationError); a larger amount is shown as it is", () => {
    const items = [{ name: "Socks", amount: 2000 }];
    expect(thrown(() => total(2490, items, { amount: 490 }))).toBe("nothing thrown");
    expect(thrown(() => total(3000, items, { amount: 490 }))).toBe("nothing thrown");
    expect(thrown(() => total(2489, items, { amount: 490 }))).toBe("IntegrationError: The amount 2489 is less than the total amount of the line items provided.");
    // A discount is a negative line item.
    expect(thrown(() => total(1500, [...items, { name: "Discount", amount: -500 }], null))).toBe("nothing thrown");
  });

  it("are checked field by field", () => {
    expect(thrown(() => rates([{ id: "a", amount: 100, displayName: "A" }, { id: "a", amount: 200, displayName: "B" }], "x"))).toBe(
      "IntegrationError: Invalid value for x: shippingRates ids should be unique; a appears twice.",
    );
    expect(thrown(() => rates([{ id: "a", amount: -1, displayName: "A" }], "x"))).toMatch(/shippingRates\[0\]\.amount should be a non-negative integer/);
    expect(thrown(() => rates([{ id: "a", amount: 1, displayName: "A", price: 1 }], "x"))).toBe(
      "IntegrationError: Invalid value for x: shippingRates[0].price is not a recognized parameter.",
    );
    expect(thrown(() => rates([{ id: "a", amount: 1, displayName: "A", deliveryEstimate: { maximum: { unit: "fortnight", value: 1 } } }], "x"))).toMatch(
      /deliveryEstimate\.maximum should be/,
    );
    expect(thrown(() => rule("checkLineItems")([{ name: "Socks", amount: 19.99 }], "x"))).toMatch(/lineItems\[0\]\.amount should be an integer/);
  });
});

describe("Express Checkout Element options and event answers", () => {
  it("refuse Apple Pay's options, unknown names and what update() cannot change", () => {
    const check = rule("checkExpressOptions");
    expect(thrown(() => check({ applePay: { recurringPaymentRequest: {} } }, "create"))).toBe(
      "IntegrationError: stripe-double does not implement the Express Checkout Element option applePay (the double offers Google Pay only)",
    );
    expect(thrown(() => check({ colour: "red" }, "create"))).toBe(
      "IntegrationError: Unrecognized elements.create('expressCheckout') parameter: colour is not a recognized parameter.",
    );
    expect(thrown(() => check({ lineItems: [] }, "update"))).toMatch(/^IntegrationError: expressCheckoutElement\.update\(\): lineItems cannot be updated/);
    expect(thrown(() => check({ buttonHeight: 39 }, "create"))).toMatch(/buttonHeight should be a number between 40 and 55/);
    expect(thrown(() => check({ emailRequired: true, buttonType: { googlePay: "pay" }, paymentMethods: { googlePay: "always", link: "never" } }, "create"))).toBe(
      "nothing thrown",
    );
  });

  it("check what the click and shipping handlers resolve with", () => {
    expect(thrown(() => rule("checkClickResolve")({ shippingRates: [{ id: "s", amount: 0, displayName: "Free" }], total: 5 }))).toBe(
      "IntegrationError: Unrecognized event.resolve() in the click handler parameter: total is not a recognized parameter.",
    );
    const change = rule("checkChangeResolve");
    expect(change({ lineItems: [{ name: "Socks", amount: 2000 }] }, "shippingratechange")).toEqual({ lineItems: [{ name: "Socks", amount: 2000 }] });
    expect(thrown(() => change({ shippingRates: [] }, "shippingaddresschange"))).toMatch(/call event\.reject\(\) when you cannot ship to the address/);
  });

  it("paymentFailed takes Stripe's reasons, 'fail' by default", () => {
    const failed = rule("checkPaymentFailed");
    expect(failed(undefined)).toEqual({ reason: "fail", message: null });
    expect(failed({ reason: "address_unserviceable", message: "No deliveries there." })).toEqual({ reason: "address_unserviceable", message: "No deliveries there." });
    expect(thrown(() => failed({ reason: "declined" }))).toMatch(/reason should be one of fail, invalid_shipping_address/);
  });

  it("the sheet opens with the Elements amount, merged options, and Stripe's billing-address default", () => {
    const config = rule("sheetConfig");
    const rates = [{ id: "standard", amount: 490, displayName: "Standard" }];
    const resolved = { shippingAddressRequired: true, shippingRates: rates, lineItems: [{ name: "Socks", amount: 2000 }] };
    expect(config({}, resolved, { amount: 2490, currency: "eur" })).toMatchObject({
      expressPaymentType: "google_pay",
      amount: 2490,
      currency: "eur",
      shippingRates: rates,
      shippingAddressRequired: true,
      // Created without any collection option: Stripe collects the billing address.
      billingAddressRequired: true,
    });
    expect(config({ emailRequired: true }, {}, { amount: 2490, currency: "eur" })).toMatchObject({ billingAddressRequired: false, shippingRates: [] });
    expect(thrown(() => config({ shippingAddressRequired: true }, {}, { amount: 2490, currency: "eur" }))).toMatch(/needs shippingRates/);
    expect(thrown(() => config({}, resolved, { amount: 2000, currency: "eur" }))).toBe(
      "IntegrationError: The amount 2000 is less than the total amount of the line items provided.",
    );
  });

  it("Google Pay is the one wallet available, unless the merchant turned it off", () => {
    const available = rule("availablePaymentMethods");
    expect(available({})).toEqual({ amazonPay: false, applePay: false, googlePay: true, link: false, paypal: false, klarna: false });
    expect(available({ paymentMethods: { googlePay: "never" } })).toBeUndefined();
  });
});

describe("the wallet sheet's rules", () => {
  it("write amounts from the smallest unit: cents, whole yen, fils", () => {
    const money = sheetRule("formatMoney");
    expect(money(2490, "eur")).toBe("€24.90");
    expect(money(123456, "usd")).toBe("$1,234.56");
    expect(money(4500, "jpy")).toBe("¥4,500");
    expect(money(1500, "kwd")).toBe("KWD\u00a01.500");
  });

  it("show the merchant only city, state, postal code and country before the shopper pays", () => {
    const address = { line1: "510 Townsend St", line2: "  ", city: " San Francisco ", state: "CA", postal_code: "94103", country: "US" };
    expect(sheetRule("redactAddress")(address)).toEqual({ city: "San Francisco", state: "CA", postal_code: "94103", country: "US" });
    expect(sheetRule("fullAddress")(address)).toEqual({
      line1: "510 Townsend St",
      line2: null,
      city: "San Francisco",
      state: "CA",
      postal_code: "94103",
      country: "US",
    });
  });

  it("check the fields the merchant asked for", () => {
    const check = sheetRule("checkFields");
    const address = { line1: "", line2: "", city: "Berlin", state: "", postal_code: "10115", country: "DE" };
    expect(check({ email: "jenny@", phone: "", name: "Jenny", address }, { emailRequired: true, phoneNumberRequired: true, shippingAddressRequired: true })).toEqual({
      email: "Enter a valid email address.",
      phone: "Enter a phone number.",
      line1: "Enter an address.",
    });
    expect(check({ email: "", phone: "", name: "", address }, { emailRequired: false, phoneNumberRequired: false, shippingAddressRequired: false })).toEqual({});
    expect(check({ email: "", phone: "", name: "J", address: { ...address, line1: "1 Main St", country: "US" } }, {
      emailRequired: false,
      phoneNumberRequired: false,
      shippingAddressRequired: true,
    })).toEqual({ state: "Enter a state." });
  });

  it("keep the chosen shipping rate when they can, as the page's Stripe.js does", () => {
    const choose = sheetRule("chooseRate");
    const rates = [{ id: "standard" }, { id: "express" }];
    expect(choose(rates, "express", false)).toBe("express");
    expect(choose(rates, "express", true)).toBe("standard");
    expect(choose(rates, "gone", false)).toBe("standard");
    expect(choose([], "express", false)).toBeNull();
  });

  it("describe delivery estimates and failures in the shopper's words", () => {
    const estimate = sheetRule("describeEstimate");
    expect(estimate({ minimum: { unit: "business_day", value: 2 }, maximum: { unit: "business_day", value: 4 } })).toBe("2–4 business days");
    expect(estimate({ maximum: { unit: "day", value: 1 } })).toBe("up to 1 day");
    expect(estimate("Next Tuesday")).toBe("Next Tuesday");
    const failure = sheetRule("failureMessage");
    expect(failure("fail", null)).toBe("Payment failed. Try again or choose another card.");
    expect(failure("fail", "Your card has insufficient funds.")).toBe("Your card has insufficient funds.");
    expect(failure("address_unserviceable", undefined)).toBe(sheet.ADDRESS_REFUSED);
  });
});

describe("loading", () => {
  it("stripe.js still defines Stripe() and marks itself as the double", () => {
    const context: Json = {
      document: { currentScript: { src: "https://js.stripe.com/endive/stripe.js" } },
      location: { href: "https://shop.example/", origin: "https://shop.example" },
      console: { warn: vi.fn() },
      URL,
    };
    context.window = context;
    runInNewContext(source("../browser/endive/stripe.js"), context);
    const stripe = context.Stripe as { version: string; __stripeDouble: unknown };
    expect(stripe.version).toBe("endive");
    expect(stripe.__stripeDouble).toBeTruthy();
  });
});
