/**
 * Saved cards through the real `stripe` SDK against an in-process double: CustomerSessions for the Payment Element,
 * a card saved by paying with `setup_future_usage`, redisplayed, reused (3-D Secure asked again for a card that
 * always wants it), and removed — plus the stand-ins for the requests Stripe.js makes with a CustomerSession.
 *
 * The pinned SDK (15.12, API 2024-04-10) predates `components[payment_element]` in its types, though Stripe accepts
 * it on that version: those params go through `loosely`.
 */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeDouble, type StripeDouble } from "../src/server";

const PUBLISHABLE_KEY = "pk_test_saved_cards";
let double: StripeDouble;
let apiBase: string;
let stripe: Stripe;

beforeAll(async () => {
  double = createStripeDouble({ log: false });
  apiBase = await double.listen(0);
  const url = new URL(apiBase);
  stripe = new Stripe("sk_test_saved_cards", { host: url.hostname, port: url.port, protocol: "http" });
});

afterAll(async () => {
  await double.close();
});

function loosely<T>(params: Record<string, unknown>): T {
  return params as T;
}

const ALL_FEATURES = {
  payment_method_save: "enabled",
  payment_method_redisplay: "enabled",
  payment_method_remove: "enabled",
};

async function customerSession(customer: string, features: Record<string, unknown> = ALL_FEATURES): Promise<Stripe.CustomerSession> {
  return stripe.customerSessions.create(
    loosely<Stripe.CustomerSessionCreateParams>({ customer, components: { payment_element: { enabled: true, features } } }),
  );
}

async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Stripe.errors.StripeError);
    return error as Stripe.errors.StripeError;
  }
  throw new Error("expected a Stripe error, but the call succeeded");
}

/** What Stripe.js asks with the publishable key (form-encoded, like the stand-in). */
async function publishable(method: "GET" | "POST", path: string, params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${apiBase}${path}${method === "GET" ? `?${query}` : ""}`, {
    method,
    headers: { Authorization: `Bearer ${PUBLISHABLE_KEY}`, ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    ...(method === "POST" ? { body: query } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Pays as the Payment Element does when the shopper ticks "save": a card PaymentMethod allowed to be shown again. */
async function payAndSave(customer: string, card: string): Promise<Stripe.PaymentIntent> {
  const intent = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", customer, capture_method: "manual", payment_method_types: ["card"] });
  const [expMonth, expYear] = ["12", String(new Date().getUTCFullYear() + 2)];
  const created = await publishable("POST", "/v1/payment_methods", {
    type: "card", "card[number]": card, "card[exp_month]": expMonth, "card[exp_year]": expYear, "card[cvc]": "123", allow_redisplay: "always",
  });
  expect(created.status).toBe(200);
  const confirmed = await publishable("POST", `/v1/payment_intents/${intent.id}/confirm`, {
    client_secret: intent.client_secret ?? "", payment_method: String(created.body["id"]), setup_future_usage: "off_session", use_stripe_sdk: "true",
  });
  expect(confirmed.status).toBe(200);
  return stripe.paymentIntents.retrieve(intent.id);
}

describe("CustomerSessions and saved cards (Stripe double)", () => {
  it("creates a CustomerSession with Stripe's shape: a cuss_secret_ client secret valid 30 minutes, the features given, defaults for the rest", async () => {
    const customer = await stripe.customers.create({ email: "saver@example.com" });
    const session = await customerSession(customer.id, { payment_method_save: "enabled" });
    expect(session).toMatchObject({
      object: "customer_session",
      customer: customer.id,
      livemode: false,
      components: {
        buy_button: { enabled: false },
        pricing_table: { enabled: false },
        payment_element: {
          enabled: true,
          features: {
            payment_method_allow_redisplay_filters: ["always"],
            payment_method_redisplay: "disabled",
            payment_method_redisplay_limit: null,
            payment_method_remove: "disabled",
            payment_method_save: "enabled",
            payment_method_save_usage: null,
          },
        },
      },
    });
    expect(session.client_secret).toMatch(/^cuss_secret_\w+$/);
    expect(session.expires_at - session.created).toBe(1800);
    expect(session).not.toHaveProperty("id");
  });

  it("refuses what Stripe refuses: a missing or unknown customer, no component, bad feature values, a publishable key", async () => {
    const customer = await stripe.customers.create({});
    const missing = await stripeError(stripe.customerSessions.create(loosely({ components: { payment_element: { enabled: true } } })));
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "customer" });
    const unknown = await stripeError(customerSession("cus_nobody"));
    expect(unknown).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer", message: "No such customer: 'cus_nobody'" });
    const none = await stripeError(stripe.customerSessions.create(loosely({ customer: customer.id, components: { payment_element: { enabled: false } } })));
    expect(none).toMatchObject({ statusCode: 400, param: "components" });
    const noEnabled = await stripeError(stripe.customerSessions.create(loosely({ customer: customer.id, components: { payment_element: { features: { payment_method_save: "enabled" } } } })));
    expect(noEnabled).toMatchObject({ code: "parameter_missing", param: "components[payment_element][enabled]" });
    const badValue = await stripeError(customerSession(customer.id, { payment_method_save: "yes" }));
    expect(badValue).toMatchObject({ statusCode: 400, param: "components[payment_element][features][payment_method_save]" });
    const badLimit = await stripeError(customerSession(customer.id, { payment_method_redisplay_limit: 11 }));
    expect(badLimit).toMatchObject({ param: "components[payment_element][features][payment_method_redisplay_limit]" });
    const unknownFeature = await stripeError(customerSession(customer.id, { payment_method_colour: "blue" }));
    expect(unknownFeature).toMatchObject({ code: "parameter_unknown", param: "components[payment_element][features][payment_method_colour]" });
    const buyButton = await stripeError(stripe.customerSessions.create({ customer: customer.id, components: { buy_button: { enabled: true } } }));
    expect(buyButton.message).toMatch(/does not implement the parameter components\[buy_button\]/);
    const withPublishable = await publishable("POST", "/v1/customer_sessions", { customer: customer.id, "components[payment_element][enabled]": "true" });
    expect(withPublishable.status).toBe(403);
  });

  it("saves a card paid with setup_future_usage, shows it in the elements session, pays again with it, and removes it", async () => {
    const customer = await stripe.customers.create({ email: "again@example.com" });
    const first = await payAndSave(customer.id, "4242424242424242");
    expect(first.status).toBe("requires_capture");
    expect(first.setup_future_usage).toBe("off_session");
    const saved = await stripe.customers.listPaymentMethods(customer.id);
    expect(saved.data.map((pm) => pm.id)).toEqual([first.payment_method]);
    expect(saved.data[0]).toMatchObject({ customer: customer.id, allow_redisplay: "always", card: { last4: "4242" } });

    const second = await stripe.paymentIntents.create({ amount: 1800, currency: "eur", customer: customer.id, capture_method: "manual", payment_method_types: ["card"] });
    const session = await customerSession(customer.id);
    const elements = await publishable("GET", "/v1/elements/sessions", {
      client_secret: second.client_secret ?? "", customer_session_client_secret: session.client_secret, type: "payment_intent",
    });
    expect(elements.status).toBe(200);
    const shown = (elements.body["customer"] as { payment_methods: { id: string }[] }).payment_methods;
    expect(shown.map((pm) => pm.id)).toEqual([first.payment_method]);

    const paid = await publishable("POST", `/v1/payment_intents/${second.id}/confirm`, {
      client_secret: second.client_secret ?? "", payment_method: String(first.payment_method), use_stripe_sdk: "true",
    });
    expect(paid).toMatchObject({ status: 200, body: { status: "requires_capture", payment_method: first.payment_method } });

    const removed = await publishable("POST", `/v1/elements/payment_methods/${String(first.payment_method)}/detach`, {
      customer_session_client_secret: session.client_secret,
    });
    expect(removed).toMatchObject({ status: 200, body: { id: first.payment_method, customer: null } });
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(0);

    // A detached card may not be used again, as at Stripe.
    const third = await stripe.paymentIntents.create({ amount: 900, currency: "eur", customer: customer.id, payment_method_types: ["card"] });
    const reuse = await stripeError(stripe.paymentIntents.confirm(third.id, { payment_method: String(first.payment_method) }));
    expect(reuse).toMatchObject({ statusCode: 400, param: "payment_method" });
    expect(reuse.message).toMatch(/detached from a Customer\. It may not be used again/);
  });

  it("asks for 3-D Secure again when a saved 4000 0027 6000 3184 pays a second time", async () => {
    const customer = await stripe.customers.create({});
    const first = await payAndSave(customer.id, "4000002760003184");
    expect(first.status).toBe("requires_action");
    // Not saved until the payment succeeds.
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(0);
    const challenge = await fetch(`${apiBase}/hooks/3ds/${first.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ client_secret: first.client_secret ?? "", result: "approve" }).toString(),
    });
    expect(challenge.status).toBe(200);
    const saved = (await stripe.customers.listPaymentMethods(customer.id)).data;
    expect(saved.map((pm) => pm.card?.last4)).toEqual(["3184"]);

    const second = await stripe.paymentIntents.create({ amount: 1200, currency: "eur", customer: customer.id, capture_method: "manual", payment_method_types: ["card"] });
    const again = await publishable("POST", `/v1/payment_intents/${second.id}/confirm`, {
      client_secret: second.client_secret ?? "", payment_method: saved[0]?.id ?? "", use_stripe_sdk: "true",
    });
    expect(again).toMatchObject({ status: 200, body: { status: "requires_action", next_action: { type: "use_stripe_sdk" } } });
  });

  it("shows only cards the filters allow, newest first, up to the limit; none without redisplay", async () => {
    const customer = await stripe.customers.create({});
    const attached: string[] = [];
    for (const [redisplay, card] of [["always", "pm_card_visa"], ["limited", "pm_card_mastercard"], ["always", "pm_card_amex"], ["always", "pm_card_discover"]] as const) {
      const pm = await stripe.paymentMethods.attach(card, { customer: customer.id });
      await stripe.paymentMethods.update(pm.id, { allow_redisplay: redisplay });
      attached.push(pm.id);
      // Distinct creation order within one second is kept by insertion; no wait needed.
    }
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method_types: ["card"] });
    const shownWith = async (features: Record<string, unknown>): Promise<string[]> => {
      const session = await customerSession(customer.id, features);
      const answer = await publishable("GET", "/v1/elements/sessions", { client_secret: intent.client_secret ?? "", customer_session_client_secret: session.client_secret });
      return (answer.body["customer"] as { payment_methods: { id: string }[] }).payment_methods.map((pm) => pm.id);
    };
    expect(await shownWith({ payment_method_redisplay: "enabled" })).toEqual([attached[3], attached[2], attached[0]]);
    expect(await shownWith({ payment_method_redisplay: "enabled", payment_method_redisplay_limit: 1 })).toEqual([attached[3]]);
    expect(await shownWith({ payment_method_redisplay: "enabled", payment_method_allow_redisplay_filters: ["limited"] })).toEqual([attached[1]]);
    expect(await shownWith({ payment_method_save: "enabled" })).toEqual([]);
  });

  it("refuses a CustomerSession for another customer than the PaymentIntent's, removal when not enabled, and another customer's card", async () => {
    const ada = await stripe.customers.create({});
    const bob = await stripe.customers.create({});
    const adaCard = await stripe.paymentMethods.attach("pm_card_visa", { customer: ada.id });
    await stripe.paymentMethods.update(adaCard.id, { allow_redisplay: "always" });
    const bobsIntent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: bob.id, payment_method_types: ["card"] });
    const adaSession = await customerSession(ada.id);
    const mismatch = await publishable("GET", "/v1/elements/sessions", { client_secret: bobsIntent.client_secret ?? "", customer_session_client_secret: adaSession.client_secret });
    expect(mismatch.status).toBe(400);

    const bobSession = await customerSession(bob.id);
    const notBobs = await publishable("POST", `/v1/elements/payment_methods/${adaCard.id}/detach`, { customer_session_client_secret: bobSession.client_secret });
    expect(notBobs).toMatchObject({ status: 404, body: { error: { code: "resource_missing" } } });
    const saveOnly = await customerSession(ada.id, { payment_method_save: "enabled", payment_method_redisplay: "enabled" });
    const notEnabled = await publishable("POST", `/v1/elements/payment_methods/${adaCard.id}/detach`, { customer_session_client_secret: saveOnly.client_secret });
    expect(notEnabled.status).toBe(400);
    const forged = await publishable("POST", `/v1/elements/payment_methods/${adaCard.id}/detach`, { customer_session_client_secret: "cuss_secret_forged" });
    expect(forged).toMatchObject({ status: 400, body: { error: { code: "resource_missing" } } });

    // Ada's saved card cannot pay Bob's PaymentIntent.
    const crossed = await stripeError(stripe.paymentIntents.confirm(bobsIntent.id, { payment_method: adaCard.id }));
    expect(crossed).toMatchObject({ statusCode: 400, param: "payment_method" });
    expect((await stripe.paymentMethods.retrieve(adaCard.id)).customer).toBe(ada.id);
  });
});
