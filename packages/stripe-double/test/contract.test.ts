/**
 * Contract tests for the Stripe double, written entirely against the real `stripe` SDK so that the same
 * cases can run against Stripe's own test mode:
 *
 *   npx vitest run test/contract.test.ts   (in packages/stripe-double; from the repository's root:
 *                                           npx vitest run packages/stripe-double/test/contract.test.ts)
 *       → starts a double in-process on a free port (independent of any running stack)
 *   STRIPE_CONTRACT_SECRET_KEY=sk_test_… STRIPE_CONTRACT_PUBLISHABLE_KEY=pk_test_… npx vitest run …
 *       → the same cases against api.stripe.com (test mode)
 *
 * Cases that need the double's own machinery cannot run as such against Stripe, and say so in their titles:
 * - 3-D Secure: Stripe's challenge page needs a browser, so in real mode the cases stop after checking that
 *   the confirm asks for authentication (`requires_action` with the right `next_action`); completing and
 *   failing the challenge through the double's `/hooks/3ds` page runs in double mode only.
 * - Webhook delivery: Stripe cannot reach a receiver on this machine (that needs `stripe listen`), so the
 *   delivery cases are reported as skipped in real mode, with the reason in their title.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeDouble, type StripeDouble } from "../src/server";

const REAL_SECRET_KEY = process.env.STRIPE_CONTRACT_SECRET_KEY;
const REAL_MODE = REAL_SECRET_KEY !== undefined && REAL_SECRET_KEY !== "";
if (REAL_MODE && !REAL_SECRET_KEY.startsWith("sk_test_")) {
  throw new Error("STRIPE_CONTRACT_SECRET_KEY must be a test-mode secret key (sk_test_…).");
}
const MODE = REAL_MODE ? "real Stripe test mode" : "Stripe double";
const WEBHOOK_SECRET = "whsec_contract_test_secret";

/** Registers a case that only the double can run, visibly skipped (with the reason) in real mode. */
function doubleOnly(name: string, reason: string, body: () => Promise<void>): void {
  if (REAL_MODE) it.skip(`${name} [double only: ${reason}]`, body);
  else it(name, body);
}

interface ReceivedWebhook {
  body: string;
  headers: IncomingHttpHeaders;
}

let double: StripeDouble | undefined;
let apiBase = "https://api.stripe.com";
let secretKey = "sk_test_contract";
let publishableKey = "pk_test_contract";
let stripe: Stripe;
/** The double's clock for idempotency-key expiry (double mode only); cases move it forward. */
let doubleClockMs = Date.now();
let receiver: Server | undefined;
const received: ReceivedWebhook[] = [];
/** Status codes the receiver answers with, one per request; 200 once the list is used up. */
const receiverAnswers: number[] = [];

function client(key: string): Stripe {
  if (REAL_MODE) return new Stripe(key, { maxNetworkRetries: 1 });
  const url = new URL(apiBase);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: "http" });
}

beforeAll(async () => {
  if (REAL_MODE) {
    secretKey = REAL_SECRET_KEY;
    const publishable = process.env.STRIPE_CONTRACT_PUBLISHABLE_KEY;
    if (!publishable?.startsWith("pk_test_")) {
      throw new Error("Real mode needs STRIPE_CONTRACT_PUBLISHABLE_KEY (pk_test_…) too: several cases use the publishable key.");
    }
    publishableKey = publishable;
  } else {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        received.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
        res.writeHead(receiverAnswers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/payment/stripe_stripe`;
    double = createStripeDouble({
      webhookUrls: [receiverUrl],
      webhookSecret: WEBHOOK_SECRET,
      webhookRetryDelaysMs: [60_000, 60_000],
      log: false,
      now: () => doubleClockMs,
    });
    apiBase = await double.listen(0);
  }
  stripe = client(secretKey);
});

afterAll(async () => {
  await double?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

async function expectStripeError<T extends Stripe.errors.StripeError>(
  promise: Promise<unknown>,
  errorClass: new (...args: never[]) => T,
): Promise<T> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as T;
  }
  throw new Error(`expected ${errorClass.name}, but the call succeeded`);
}

function paymentIntentOf(error: Stripe.errors.StripeError): Stripe.PaymentIntent {
  expect(error.payment_intent).toBeDefined();
  return error.payment_intent as Stripe.PaymentIntent;
}

/** Answers the 3-D Secure page the way its buttons do: a form POST to the page's own path. */
async function answerChallenge(challengeUrl: string, result: "approve" | "fail"): Promise<Response> {
  const page = await fetch(challengeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Complete authentication");
  expect(html).toContain("Fail authentication");
  expect(html).toMatch(/simulated test-mode page/);
  const url = new URL(challengeUrl);
  const form = new URLSearchParams({ client_secret: url.searchParams.get("client_secret") ?? "", result });
  const returnUrl = url.searchParams.get("return_url");
  if (returnUrl) form.set("return_url", returnUrl);
  return fetch(`${url.origin}${url.pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
}

describe(`Stripe contract (${MODE})`, () => {
  it("creates a PaymentIntent with Stripe's shape, a Request-Id, and confirms it with pm_card_visa (manual capture)", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      capture_method: "manual",
      metadata: { session_id: "payses_contract_1" },
      payment_method_types: ["card"],
      expand: ["payment_method"],
    });
    expect(created.id).toMatch(/^pi_/);
    expect(created.object).toBe("payment_intent");
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_\\w+$`));
    expect(created.status).toBe("requires_payment_method");
    expect(created.livemode).toBe(false);
    expect(created.metadata).toEqual({ session_id: "payses_contract_1" });
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    const confirmed = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    expect(confirmed.status).toBe("requires_capture");
    expect(confirmed.amount_capturable).toBe(2000);
    expect(confirmed.amount_received).toBe(0);
    expect(confirmed.latest_charge).toMatch(/^ch_/);
    expect(confirmed.payment_method).toMatch(/^pm_/);

    const retrieved = await stripe.paymentIntents.retrieve(created.id, { expand: ["payment_method", "latest_charge"] });
    const paymentMethod = retrieved.payment_method as Stripe.PaymentMethod;
    expect(paymentMethod.object).toBe("payment_method");
    expect(paymentMethod.card?.last4).toBe("4242");
    expect(paymentMethod.card?.brand).toBe("visa");
    const charge = retrieved.latest_charge as Stripe.Charge;
    expect(charge.object).toBe("charge");
    expect(charge.captured).toBe(false);
    expect(charge.payment_intent).toBe(created.id);
  });

  it("confirms with automatic capture: succeeded, amount_received, a captured charge", async () => {
    const paid = await stripe.paymentIntents.create({
      amount: 1234,
      currency: "eur",
      payment_method: "pm_card_visa",
      payment_method_types: ["card"],
      confirm: true,
    });
    expect(paid.status).toBe("succeeded");
    // The SDK pins API version 2024-04-10, from which Stripe's default is automatic_async.
    expect(paid.capture_method).toBe("automatic_async");
    expect(paid.amount_received).toBe(1234);
    expect(paid.amount_capturable).toBe(0);
    const charge = await stripe.charges.retrieve(paid.latest_charge as string);
    expect(charge.captured).toBe(true);
    expect(charge.amount_captured).toBe(1234);
    expect(charge.status).toBe("succeeded");
  });

  it("declines 4000 0000 0000 9995 with StripeCardError insufficient_funds and leaves last_payment_error", async () => {
    const created = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", payment_method_types: ["card"] });
    const error = await expectStripeError(
      stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa_chargeDeclinedInsufficientFunds" }),
      Stripe.errors.StripeCardError,
    );
    expect(error.statusCode).toBe(402);
    expect(error.code).toBe("card_declined");
    expect(error.decline_code).toBe("insufficient_funds");
    expect(error.requestId).toMatch(/^req_/);
    expect(paymentIntentOf(error).status).toBe("requires_payment_method");

    const after = await stripe.paymentIntents.retrieve(created.id);
    expect(after.status).toBe("requires_payment_method");
    expect(after.last_payment_error?.code).toBe("card_declined");
    expect(after.last_payment_error?.decline_code).toBe("insufficient_funds");
    expect(after.last_payment_error?.type).toBe("card_error");
  });

  it("declines 4000 0000 0000 0002 with generic_decline, also when confirming at creation", async () => {
    const error = await expectStripeError(
      stripe.paymentIntents.create({
        amount: 2000,
        currency: "usd",
        payment_method: "pm_card_visa_chargeDeclined",
        payment_method_types: ["card"],
        confirm: true,
      }),
      Stripe.errors.StripeCardError,
    );
    expect(error.decline_code).toBe("generic_decline");
    const paymentIntent = paymentIntentOf(error);
    expect(paymentIntent.id).toMatch(/^pi_/);
    expect(paymentIntent.last_payment_error?.decline_code).toBe("generic_decline");
  });

  it("3-D Secure (use_stripe_sdk): asks for authentication; completing the challenge authorizes", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "eur",
      capture_method: "manual",
      payment_method_types: ["card"],
    });
    const pending = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_authenticationRequired",
      use_stripe_sdk: true,
    });
    expect(pending.status).toBe("requires_action");
    expect(pending.next_action?.type).toBe("use_stripe_sdk");
    if (REAL_MODE) return; // Stripe's challenge page needs a browser: see the note at the top of this file.

    const sdk = pending.next_action?.use_stripe_sdk as { type: string; stripe_js: string };
    expect(sdk.type).toBe("three_d_secure_redirect");
    const answer = await answerChallenge(sdk.stripe_js, "approve");
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain("stripe-double:3ds-complete");
    expect(html).toContain(created.id);

    const after = await stripe.paymentIntents.retrieve(created.id);
    expect(after.status).toBe("requires_capture");
    expect(after.amount_capturable).toBe(3000);
    expect(after.next_action).toBeNull();
  });

  it("3-D Secure (redirect_to_url): failing the challenge redirects back with redirect_status=failed", async () => {
    const returnUrl = "https://shop.example/checkout/return?cart=cart_1";
    const created = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", payment_method_types: ["card"] });
    const pending = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_authenticationRequired",
      return_url: returnUrl,
    });
    expect(pending.status).toBe("requires_action");
    expect(pending.next_action?.type).toBe("redirect_to_url");
    expect(pending.next_action?.redirect_to_url?.return_url).toBe(returnUrl);
    if (REAL_MODE) return; // Stripe's challenge page needs a browser: see the note at the top of this file.

    const answer = await answerChallenge(pending.next_action?.redirect_to_url?.url ?? "", "fail");
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("https://shop.example/checkout/return");
    expect(location.searchParams.get("cart")).toBe("cart_1");
    expect(location.searchParams.get("payment_intent")).toBe(created.id);
    expect(location.searchParams.get("payment_intent_client_secret")).toBe(created.client_secret);
    expect(location.searchParams.get("redirect_status")).toBe("failed");

    const after = await stripe.paymentIntents.retrieve(created.id);
    expect(after.status).toBe("requires_payment_method");
    expect(after.last_payment_error?.code).toBe("payment_intent_authentication_failure");
  });

  doubleOnly("3-D Secure (redirect_to_url): completing redirects back with redirect_status=succeeded", "needs the double's /hooks/3ds page", async () => {
    const created = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", payment_method_types: ["card"] });
    const pending = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_threeDSecure2Required",
      return_url: "https://shop.example/return",
    });
    const answer = await answerChallenge(pending.next_action?.redirect_to_url?.url ?? "", "approve");
    expect(answer.status).toBe(303);
    expect(new URL(answer.headers.get("location") ?? "").searchParams.get("redirect_status")).toBe("succeeded");
    expect((await stripe.paymentIntents.retrieve(created.id)).status).toBe("succeeded");
  });

  it("captures in full and partially (amount_to_capture); capturing again is payment_intent_unexpected_state with the PaymentIntent", async () => {
    const full = await stripe.paymentIntents.create({
      amount: 5000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", payment_method_types: ["card"], confirm: true,
    });
    const captured = await stripe.paymentIntents.capture(full.id);
    expect(captured.status).toBe("succeeded");
    expect(captured.amount_received).toBe(5000);
    expect(captured.amount_capturable).toBe(0);

    const again = await expectStripeError(stripe.paymentIntents.capture(full.id), Stripe.errors.StripeInvalidRequestError);
    expect(again.code).toBe("payment_intent_unexpected_state");
    // Medusa's capturePayment treats exactly this as "already captured".
    expect(paymentIntentOf(again).status).toBe("succeeded");

    const partial = await stripe.paymentIntents.create({
      amount: 5000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", payment_method_types: ["card"], confirm: true,
    });
    const tooMuch = await expectStripeError(
      stripe.paymentIntents.capture(partial.id, { amount_to_capture: 6000 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(tooMuch.param).toBe("amount_to_capture");
    const partlyCaptured = await stripe.paymentIntents.capture(partial.id, { amount_to_capture: 3000 });
    expect(partlyCaptured.status).toBe("succeeded");
    expect(partlyCaptured.amount_received).toBe(3000);
    const charge = await stripe.charges.retrieve(partlyCaptured.latest_charge as string);
    expect(charge.amount_captured).toBe(3000);
  });

  it("cancels; canceling again or capturing answers payment_intent_unexpected_state carrying the canceled PaymentIntent", async () => {
    const authorized = await stripe.paymentIntents.create({
      amount: 2500, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", payment_method_types: ["card"], confirm: true,
    });
    const canceled = await stripe.paymentIntents.cancel(authorized.id, { cancellation_reason: "requested_by_customer" });
    expect(canceled.status).toBe("canceled");
    expect(canceled.cancellation_reason).toBe("requested_by_customer");
    expect(canceled.canceled_at).toEqual(expect.any(Number));

    const twice = await expectStripeError(stripe.paymentIntents.cancel(authorized.id), Stripe.errors.StripeInvalidRequestError);
    expect(twice.code).toBe("payment_intent_unexpected_state");
    // Medusa's cancelPayment treats an error whose payment_intent is canceled as success.
    expect(paymentIntentOf(twice).status).toBe("canceled");

    const capture = await expectStripeError(stripe.paymentIntents.capture(authorized.id), Stripe.errors.StripeInvalidRequestError);
    expect(capture.code).toBe("payment_intent_unexpected_state");
    expect(capture.statusCode).toBe(400);
  });

  it("refunds partially, then the rest; refunding more than is left is refused", async () => {
    const paid = await stripe.paymentIntents.create({
      amount: 2000, currency: "usd", payment_method: "pm_card_visa", payment_method_types: ["card"], confirm: true,
    });
    const partial = await stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
    expect(partial.id).toMatch(/^re_/);
    expect(partial.object).toBe("refund");
    expect(partial.amount).toBe(500);
    expect(partial.payment_intent).toBe(paid.id);
    expect(partial.charge).toBe(paid.latest_charge);
    expect(partial.status).toBe("succeeded");

    const tooMuch = await expectStripeError(
      stripe.refunds.create({ payment_intent: paid.id, amount: 1600 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(tooMuch.code === "amount_too_large" || /greater than/i.test(tooMuch.message)).toBe(true);

    const rest = await stripe.refunds.create({ payment_intent: paid.id });
    expect(rest.amount).toBe(1500);
    const charge = await stripe.charges.retrieve(paid.latest_charge as string);
    expect(charge.amount_refunded).toBe(2000);
    expect(charge.refunded).toBe(true);

    const nothingLeft = await expectStripeError(
      stripe.refunds.create({ payment_intent: paid.id, amount: 100 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    // Medusa's refundPayment ignores exactly this code.
    expect(nothingLeft.code).toBe("charge_already_refunded");
  });

  it("replays an idempotent request (same key, same params) and refuses the key with other params", async () => {
    const key = `contract-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const params: Stripe.PaymentIntentCreateParams = {
      amount: 4200, currency: "usd", metadata: { session_id: key }, payment_method_types: ["card"],
    };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: key });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(second.lastResponse.headers["original-request"]).toBe(first.lastResponse.requestId);

    const recent = await stripe.paymentIntents.list({ limit: 20 });
    expect(recent.object).toBe("list");
    expect(recent.url).toBe("/v1/payment_intents");
    expect(recent.data.filter((pi) => pi.metadata["session_id"] === key)).toHaveLength(1);

    const mismatch = await expectStripeError(
      stripe.paymentIntents.create({ ...params, amount: 4300 }, { idempotencyKey: key }),
      Stripe.errors.StripeIdempotencyError,
    );
    expect(mismatch.message).toMatch(/same parameters/);
  });

  it("lets a publishable key read and confirm a PaymentIntent only with its client_secret", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1500, currency: "usd", metadata: { private: "yes" }, payment_method_types: ["card"],
    });
    const browser = client(publishableKey);

    const withoutSecret = await expectStripeError(browser.paymentIntents.retrieve(created.id), Stripe.errors.StripeError);
    expect(withoutSecret.statusCode).toBeGreaterThanOrEqual(400);
    const wrongSecret = await expectStripeError(
      browser.paymentIntents.retrieve(created.id, { client_secret: `${created.id}_secret_wrong` }),
      Stripe.errors.StripeInvalidRequestError,
    );
    // Stripe's status and param for this are not pinned down here; the double answers 400 on client_secret.
    if (!REAL_MODE) expect(wrongSecret.param).toBe("client_secret");

    const seen = await browser.paymentIntents.retrieve(created.id, { client_secret: created.client_secret ?? "" });
    expect(seen.id).toBe(created.id);
    expect(seen.status).toBe("requires_payment_method");
    expect(seen.metadata).toBeUndefined(); // private to secret keys

    const paymentMethod = await browser.paymentMethods.create({
      type: "card",
      card: { number: "4242424242424242", exp_month: 12, exp_year: new Date().getFullYear() + 2, cvc: "123" },
    });
    expect(paymentMethod.id).toMatch(/^pm_/);
    const confirmed = await browser.paymentIntents.confirm(created.id, {
      client_secret: created.client_secret ?? "",
      payment_method: paymentMethod.id,
    } as Stripe.PaymentIntentConfirmParams);
    expect(confirmed.status).toBe("succeeded");

    const secretOnly = await expectStripeError(browser.paymentIntents.list(), Stripe.errors.StripePermissionError);
    expect(secretOnly.statusCode).toBe(403);
  });

  it("answers an unknown route with 404 invalid_request_error and an unknown parameter with 400", async () => {
    const response = await fetch(`${apiBase}/v1/no_such_things`, { headers: { Authorization: `Bearer ${secretKey}` } });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/Unrecognized request URL/);
    expect(response.headers.get("request-id")).toMatch(/^req_/);

    const unknown = await expectStripeError(
      stripe.paymentIntents.create({ amount: 1000, currency: "usd", no_such_param: "x" } as Stripe.PaymentIntentCreateParams),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.param).toBe("no_such_param");
    expect(unknown.code).toBe("parameter_unknown");
  });

  it("refuses live keys", async () => {
    const live = client("sk_live_contract_not_a_real_key");
    const error = await expectStripeError(live.paymentIntents.list(), Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it("enforces Stripe's minimum amounts and handles zero-decimal JPY", async () => {
    const tooSmall = await expectStripeError(
      stripe.paymentIntents.create({ amount: 49, currency: "usd", payment_method_types: ["card"] }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(tooSmall.code).toBe("amount_too_small");
    expect(tooSmall.param).toBe("amount");

    const yen = await stripe.paymentIntents.create({
      amount: 1500, currency: "jpy", payment_method: "pm_card_visa", payment_method_types: ["card"], confirm: true,
    });
    expect(yen.currency).toBe("jpy");
    expect(yen.amount).toBe(1500);
    expect(yen.amount_received).toBe(1500);
    const yenTooSmall = await expectStripeError(
      stripe.paymentIntents.create({ amount: 10, currency: "jpy", payment_method_types: ["card"] }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(yenTooSmall.code).toBe("amount_too_small");
  });

  it("updates the amount before confirmation and refuses it once authorized", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1000, currency: "usd", capture_method: "manual", payment_method_types: ["card"],
    });
    const updated = await stripe.paymentIntents.update(created.id, { amount: 1800, expand: ["payment_method"] });
    expect(updated.amount).toBe(1800);
    await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    const refused = await expectStripeError(
      stripe.paymentIntents.update(created.id, { amount: 1900 }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(refused.code).toBe("payment_intent_unexpected_state");
  });

  it("serves Medusa's account-holder calls: customers, their payment methods, SetupIntents, detach", async () => {
    const customer = await stripe.customers.create({ email: "shopper@example.com", name: "Ada Shopper" });
    expect(customer.id).toMatch(/^cus_/);
    const updated = await stripe.customers.update(customer.id, { phone: "+15555550100" });
    expect(updated.phone).toBe("+15555550100");

    const setupIntent = await stripe.setupIntents.create({ customer: customer.id, payment_method_types: ["card"] });
    expect(setupIntent.id).toMatch(/^seti_/);
    expect(setupIntent.client_secret).toMatch(new RegExp(`^${setupIntent.id}_secret_`));
    const setUp = await stripe.setupIntents.confirm(setupIntent.id, { payment_method: "pm_card_visa" });
    expect(setUp.status).toBe("succeeded");

    const saved = await stripe.customers.listPaymentMethods(customer.id, { limit: 100 });
    expect(saved.object).toBe("list");
    expect(saved.data).toHaveLength(1);
    const paymentMethodId = saved.data[0]?.id ?? "";
    expect((await stripe.paymentMethods.retrieve(paymentMethodId)).customer).toBe(customer.id);
    const detached = await stripe.paymentMethods.detach(paymentMethodId);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.listPaymentMethods(customer.id, { limit: 100 })).data).toHaveLength(0);

    const deleted = await stripe.customers.del(customer.id);
    expect(deleted.deleted).toBe(true);
  });

  doubleOnly(
    "serves the Stripe.js stand-in with CORS, refuses paths outside browser/, and answers API preflights",
    "js.stripe.com and the double's /js/ are different servers",
    async () => {
      const script = await fetch(`${apiBase}/js/endive/stripe.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toMatch(/^application\/javascript/);
      expect(script.headers.get("access-control-allow-origin")).toBe("*");
      expect(await script.text()).toContain("Stripe");
      expect((await fetch(`${apiBase}/js/v3/`)).status).toBe(200);
      expect((await fetch(`${apiBase}/js/..%2f..%2fpackage.json`)).status).toBe(404);
      expect((await fetch(`${apiBase}/js/..%2fsrc%2fserver.ts`)).status).toBe(404);

      const preflight = await fetch(`${apiBase}/v1/payment_methods`, {
        method: "OPTIONS",
        headers: { Origin: "https://js.stripe.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type" },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
      const created = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method_types: ["card"] });
      expect(created.lastResponse.headers["access-control-allow-origin"]).toBe("*");

      // Behind Playwright's routes (x-forwarded-host) the challenge URL names Stripe's real hooks host.
      const proxied = await fetch(`${apiBase}/v1/payment_intents/${created.id}/confirm`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${publishableKey}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "x-forwarded-host": "api.stripe.com",
        },
        body: new URLSearchParams({
          client_secret: created.client_secret ?? "",
          payment_method: "pm_card_authenticationRequired",
          use_stripe_sdk: "true",
        }).toString(),
      });
      const pending = (await proxied.json()) as Stripe.PaymentIntent;
      const sdk = pending.next_action?.use_stripe_sdk as { stripe_js: string } | undefined;
      expect(sdk?.stripe_js).toMatch(new RegExp(`^https://hooks\\.stripe\\.com/3ds/${created.id}\\?client_secret=`));
    },
  );

  doubleOnly(
    "delivers signed webhooks that stripe.webhooks.constructEvent accepts, and a tampered body fails verification",
    "Stripe cannot reach a receiver on this machine without `stripe listen`",
    async () => {
      const paid = await stripe.paymentIntents.create({
        amount: 2100, currency: "usd", metadata: { session_id: "payses_webhook" }, payment_method: "pm_card_visa",
        payment_method_types: ["card"], confirm: true,
      });
      await double?.flushWebhooks();
      const delivery = received.find((hook) => {
        const event = JSON.parse(hook.body) as Stripe.Event;
        return event.type === "payment_intent.succeeded" && (event.data.object as Stripe.PaymentIntent).id === paid.id;
      });
      expect(delivery).toBeDefined();
      const header = String(delivery?.headers["stripe-signature"]);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

      const event = stripe.webhooks.constructEvent(delivery?.body ?? "", header, WEBHOOK_SECRET);
      expect(event.id).toMatch(/^evt_/);
      expect(event.object).toBe("event");
      expect(event.livemode).toBe(false);
      expect(event.api_version).toEqual(expect.any(String));
      const intent = event.data.object as Stripe.PaymentIntent;
      expect(intent.metadata["session_id"]).toBe("payses_webhook");
      expect(intent.amount_received).toBe(2100);

      const tampered = (delivery?.body ?? "").replace('"amount_received": 2100', '"amount_received": 9999');
      expect(tampered).not.toBe(delivery?.body);
      expect(() => stripe.webhooks.constructEvent(tampered, header, WEBHOOK_SECRET)).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
      expect(() => stripe.webhooks.constructEvent(delivery?.body ?? "", header, "whsec_someone_else")).toThrow(
        Stripe.errors.StripeSignatureVerificationError,
      );
      // The event is also retrievable through the API, as Stripe's are.
      expect((await stripe.events.retrieve(event.id)).type).toBe("payment_intent.succeeded");
    },
  );

  doubleOnly("retries a webhook the receiver refused", "Stripe cannot reach a receiver on this machine", async () => {
    await double?.flushWebhooks();
    const before = received.length;
    receiverAnswers.push(500);
    const created = await stripe.paymentIntents.create({ amount: 900, currency: "usd", payment_method_types: ["card"] });
    await double?.flushWebhooks();
    const deliveries = double?.webhooks.deliveries.filter((d) => d.type === "payment_intent.created") ?? [];
    const mine = deliveries.find((d) => {
      const hook = received.slice(before).find((h) => h.body.includes(created.id));
      return hook !== undefined && (JSON.parse(hook.body) as Stripe.Event).id === d.event_id;
    });
    expect(mine?.status_code).toBe(500);
    expect(mine?.delivered).toBe(false);
    await double?.flushWebhooks(); // attempts the waiting retry now instead of after its back-off
    expect(mine?.attempts).toBe(2);
    expect(mine?.delivered).toBe(true);
    expect(received.slice(before).filter((h) => h.body.includes(created.id))).toHaveLength(2);
  });
});

/** Sends a request the SDK's types would not let through, as an integration with a typo would. */
function loosely<T>(params: Record<string, unknown>): T {
  return params as T;
}

const uniqueKey = (): string => `contract-${Date.now()}-${Math.random().toString(36).slice(2)}`;

describe(`Stripe contract: fidelity of parameters and options (${MODE})`, () => {
  it("runs exactly what Medusa's Stripe provider sends: automatic payment methods, manual capture, session id, idempotency key", async () => {
    const sessionId = `payses_${uniqueKey()}`;
    // @medusajs/payment-stripe's initiatePayment with this project's options (capture: false, automaticPaymentMethods: true).
    const request: Stripe.PaymentIntentCreateParams = {
      amount: 2599,
      currency: "usd",
      metadata: { session_id: sessionId },
      capture_method: "manual",
      automatic_payment_methods: { enabled: true },
      expand: ["payment_method"],
    };
    const created = await stripe.paymentIntents.create(request, { idempotencyKey: sessionId });
    expect(created.status).toBe("requires_payment_method");
    expect(created.capture_method).toBe("manual");
    expect(created.automatic_payment_methods).toEqual({ allow_redirects: "always", enabled: true });
    expect(created.payment_method_types).toEqual(expect.arrayContaining(["card"]));
    if (!REAL_MODE) expect(created.payment_method_types).toEqual(["card", "link"]);
    expect(created.metadata).toEqual({ session_id: sessionId });
    expect(created.payment_method).toBeNull();

    // Medusa retries initiatePayment with the same key: Stripe answers the same PaymentIntent.
    const retried = await stripe.paymentIntents.create(request, { idempotencyKey: sessionId });
    expect(retried.id).toBe(created.id);
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");

    // Redirect-capable methods are enabled, so a server-side confirm needs a return_url.
    const noReturnUrl = await expectStripeError(
      stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(noReturnUrl.message).toMatch(/return_url/);
    const confirmed = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_visa",
      return_url: "https://shop.example/checkout/return",
    });
    expect(confirmed.status).toBe("requires_capture");
    // What Medusa's getPaymentStatus reads.
    const read = await stripe.paymentIntents.retrieve(created.id, { expand: ["payment_method"] });
    expect(read.status).toBe("requires_capture");
    expect((read.payment_method as Stripe.PaymentMethod).card?.last4).toBe("4242");
    const captured = await stripe.paymentIntents.capture(created.id, {}, { idempotencyKey: `capture-${sessionId}` });
    expect(captured.status).toBe("succeeded");
    expect(captured.amount_received).toBe(2599);
  });

  it("refuses an unknown nested parameter with parameter_unknown naming its bracketed path", async () => {
    const error = await expectStripeError(
      stripe.paymentIntents.create(loosely({ amount: 1000, currency: "usd", payment_method_options: { card: { colour: "red" } } })),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("parameter_unknown");
    expect(error.param).toBe("payment_method_options[card][colour]");
    expect(error.message).toBe("Received unknown parameter: payment_method_options[card][colour]");
  });

  it("refuses wrong types, enum values and over-long strings as Stripe does", async () => {
    const integer = await expectStripeError(
      stripe.paymentIntents.create(loosely({ amount: "ten", currency: "usd" })),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(integer.code).toBe("parameter_invalid_integer");
    expect(integer.param).toBe("amount");
    expect(integer.message).toBe("Invalid integer: ten");

    const enumValue = await expectStripeError(
      stripe.paymentIntents.create(loosely({ amount: 1000, currency: "usd", capture_method: "later" })),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(enumValue.param).toBe("capture_method");
    expect(enumValue.message).toMatch(/^Invalid capture_method: must be one of automatic, automatic_async,? or manual/);

    const boolean = await expectStripeError(
      stripe.paymentIntents.create(loosely({ amount: 1000, currency: "usd", confirm: "yes" })),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(boolean.param).toBe("confirm");
    expect(boolean.message).toBe("Invalid boolean: yes");

    const tooLong = await expectStripeError(
      stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method_types: ["card"], statement_descriptor_suffix: "S".repeat(23) }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.param).toBe("statement_descriptor_suffix");
    expect(tooLong.message).toMatch(/must be at most 22 characters/);
  });

  it("enforces metadata's limits: 50 keys, keys of 40 characters without brackets, values of 500", async () => {
    const create = (metadata: Record<string, string>) =>
      expectStripeError(
        stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method_types: ["card"], metadata }),
        Stripe.errors.StripeInvalidRequestError,
      );
    const fiftyOne = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key${i}`, "v"]));
    const tooMany = await create(fiftyOne);
    expect(tooMany.param).toBe("metadata");
    expect(tooMany.message).toMatch(/up to 50 keys, but you've set 51/);
    const refusedMetadata: Record<string, string>[] = [{ ["k".repeat(41)]: "v" }, { key: "v".repeat(501) }, { "a[b]": "v" }];
    for (const metadata of refusedMetadata) {
      const refused = await create(metadata);
      expect(refused.statusCode).toBe(400);
      expect(refused.type).toBe("StripeInvalidRequestError");
    }
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, "v".repeat(500)]));
    const accepted = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method_types: ["card"], metadata: fifty });
    expect(Object.keys(accepted.metadata)).toHaveLength(50);
    const oneMore = await expectStripeError(
      stripe.paymentIntents.update(accepted.id, { metadata: { extra: "v" } }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(oneMore.message).toMatch(/up to 50 keys/);
  });

  it("applies payment_method_options[card][capture_method]=manual and capture_method given on confirm", async () => {
    const byOption = await stripe.paymentIntents.create({
      amount: 1200, currency: "usd", payment_method_types: ["card"],
      payment_method_options: { card: { capture_method: "manual" } },
      payment_method: "pm_card_visa", confirm: true,
    });
    expect(byOption.status).toBe("requires_capture");
    expect(byOption.payment_method_options?.card?.capture_method).toBe("manual");

    const created = await stripe.paymentIntents.create({ amount: 1300, currency: "usd", payment_method_types: ["card"] });
    const onConfirm = await stripe.paymentIntents.confirm(created.id, { payment_method: "pm_card_visa", capture_method: "manual" });
    expect(onConfirm.capture_method).toBe("manual");
    expect(onConfirm.status).toBe("requires_capture");
  });

  it("asks for 3-D Secure on an ordinary card with request_three_d_secure=any", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1400, currency: "usd", payment_method_types: ["card"],
      payment_method_options: { card: { request_three_d_secure: "any" } },
    });
    const confirmed = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_visa", return_url: "https://shop.example/checkout/return",
    });
    expect(confirmed.status).toBe("requires_action");
    expect(confirmed.next_action?.type).toBe("redirect_to_url");
  });

  it("fails the attempt instead of asking for authentication with error_on_requires_action", async () => {
    const error = await expectStripeError(
      stripe.paymentIntents.create({
        amount: 1500, currency: "usd", payment_method_types: ["card"],
        payment_method: "pm_card_authenticationRequired", confirm: true, error_on_requires_action: true,
      }),
      Stripe.errors.StripeCardError,
    );
    expect(error.code).toBe("authentication_required");
    expect(paymentIntentOf(error).status).toBe("requires_payment_method");

    const withoutConfirm = await expectStripeError(
      stripe.paymentIntents.create({ amount: 1500, currency: "usd", payment_method_types: ["card"], error_on_requires_action: true }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(withoutConfirm.message).toMatch(/error_on_requires_action/);
  });

  it("answers GET /v1/payment_intents/search as a search, never as an id, and refuses unsupported fields", async () => {
    const result = await stripe.paymentIntents.search({ query: `metadata['session_id']:'${uniqueKey()}'` });
    expect(result.object).toBe("search_result");
    expect(result.url).toBe("/v1/payment_intents/search");
    expect(result.data).toEqual([]);
    const unsupported = await expectStripeError(
      stripe.paymentIntents.search({ query: "no_such_field:'x'" }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(unsupported.statusCode).toBe(400);
  });

  doubleOnly("finds PaymentIntents by metadata through search at once", "Stripe's search index can lag by a minute", async () => {
    const sessionId = uniqueKey();
    const created = await stripe.paymentIntents.create({ amount: 1600, currency: "usd", payment_method_types: ["card"], metadata: { session_id: sessionId } });
    const found = await stripe.paymentIntents.search({ query: `metadata['session_id']:'${sessionId}' AND status:'requires_payment_method'` });
    expect(found.data.map((pi) => pi.id)).toEqual([created.id]);
  });

  it("carries data.previous_attributes on *.updated events", async () => {
    const customer = await stripe.customers.create({ email: "before@example.com", metadata: { tier: "bronze" } });
    await stripe.customers.update(customer.id, { email: "after@example.com", metadata: { tier: "gold" } });
    const events = await stripe.events.list({ type: "customer.updated", limit: 10 });
    const mine = events.data.find((event) => (event.data.object as Stripe.Customer).id === customer.id);
    expect(mine?.data.previous_attributes).toEqual({ email: "before@example.com", metadata: { tier: "bronze" } });
  });

  doubleOnly("scopes idempotency keys per API key and forgets them after 24 hours", "needs a second account's key and the double's clock", async () => {
    const key = uniqueKey();
    const first = await stripe.paymentIntents.create({ amount: 1700, currency: "usd", payment_method_types: ["card"] }, { idempotencyKey: key });
    const otherAccount = client("sk_test_another_account");
    const theirs = await otherAccount.paymentIntents.create({ amount: 1800, currency: "usd", payment_method_types: ["card"] }, { idempotencyKey: key });
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.lastResponse.headers["idempotent-replayed"]).toBeUndefined();

    doubleClockMs += 24 * 60 * 60 * 1000;
    const afterExpiry = await stripe.paymentIntents.create({ amount: 1900, currency: "usd", payment_method_types: ["card"] }, { idempotencyKey: key });
    expect(afterExpiry.id).not.toBe(first.id);
    expect(afterExpiry.amount).toBe(1900);
  });

  doubleOnly("refuses parameters Stripe accepts but the double does not implement, instead of ignoring them", "about the double itself", async () => {
    const error = await expectStripeError(
      stripe.paymentIntents.create({
        amount: 1000, currency: "usd", payment_method_types: ["card"],
        payment_method_options: { card: { request_extended_authorization: "if_available" } },
      }),
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(error.param).toBe("payment_method_options[card][request_extended_authorization]");
    expect(error.message).toMatch(/does not implement/);
  });
});

