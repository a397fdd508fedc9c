import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors";
import { decodeForm } from "./form";
import {
  cancelPaymentIntent,
  capturePaymentIntent,
  completeChallenge,
  confirmPaymentIntent,
  createPaymentIntent,
  createRefund,
  defaultCaptureMethod,
  formatAmount,
  settleProcessing,
  startProcessing,
  updatePaymentIntent,
  type ConfirmOptions,
} from "./payment-intents";
import type { DoubleContext } from "./resources";
import { Store, type PaymentIntent } from "./store";

function model(): DoubleContext & { events: string[] } {
  const events: string[] = [];
  return { store: new Store(), emit: (type) => events.push(type), events };
}

const URLS = { hooksBase: "http://double.test/hooks" };
const CONFIRM: ConfirmOptions = { useStripeSdk: false, offSession: false, keyKind: "secret", urls: URLS };

function create(ctx: DoubleContext, body: string): PaymentIntent {
  return createPaymentIntent(ctx, decodeForm(body), URLS);
}

function stripeError(run: () => unknown): StripeApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error("expected a Stripe error");
}

describe("PaymentIntent state machine", () => {
  it("goes requires_payment_method → requires_capture → succeeded with manual capture", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&capture_method=manual");
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.client_secret.startsWith(`${pi.id}_secret_`)).toBe(true);
    confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa"), CONFIRM);
    expect(pi.status).toBe("requires_capture");
    expect(pi.amount_capturable).toBe(2000);
    capturePaymentIntent(ctx, pi.id, decodeForm("amount_to_capture=1500"));
    expect(pi.status).toBe("succeeded");
    expect(pi.amount_received).toBe(1500);
    expect(ctx.events).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.amount_capturable_updated",
      "charge.captured",
      "payment_intent.succeeded",
    ]);
  });

  it("defaults capture_method by API version, as Stripe does since 2024-04-10", () => {
    expect(defaultCaptureMethod("2024-04-10")).toBe("automatic_async");
    expect(defaultCaptureMethod("2025-03-31.basil")).toBe("automatic_async");
    expect(defaultCaptureMethod("2023-10-16")).toBe("automatic");
    const ctx = model();
    expect(createPaymentIntent(ctx, decodeForm("amount=2000&currency=usd"), URLS, "2023-10-16").capture_method).toBe("automatic");
  });

  it("has requires_confirmation when created with a payment method", () => {
    const ctx = model();
    expect(create(ctx, "amount=2000&currency=usd&payment_method=pm_card_visa").status).toBe("requires_confirmation");
  });

  it("declines with 402, last_payment_error and a failed charge; the intent can be retried", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd");
    const error = stripeError(() =>
      confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa_chargeDeclinedInsufficientFunds"), CONFIRM),
    );
    expect(error.status).toBe(402);
    expect(error.body).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "insufficient_funds" });
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.payment_method).toBeNull();
    expect(pi.last_payment_error?.decline_code).toBe("insufficient_funds");
    expect(ctx.store.state.charges[pi.latest_charge ?? ""]?.status).toBe("failed");
    confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa"), CONFIRM);
    expect(pi.status).toBe("succeeded");
    expect(pi.last_payment_error).toBeNull();
  });

  it("asks for 3-D Secure and applies approve or fail", () => {
    const ctx = model();
    const approved = create(ctx, "amount=2000&currency=eur");
    confirmPaymentIntent(ctx, approved, decodeForm("payment_method=pm_card_authenticationRequired"), { ...CONFIRM, useStripeSdk: true });
    expect(approved.status).toBe("requires_action");
    expect(approved.next_action?.type).toBe("use_stripe_sdk");
    expect(approved.next_action?.use_stripe_sdk?.stripe_js).toMatch(new RegExp(`^http://double.test/hooks/3ds/${approved.id}\\?client_secret=`));
    completeChallenge(ctx, approved.id, approved.client_secret, true);
    expect(approved.status).toBe("succeeded");

    const failed = create(ctx, "amount=2000&currency=eur");
    confirmPaymentIntent(ctx, failed, decodeForm("payment_method=pm_card_authenticationRequired"), {
      ...CONFIRM,
      returnUrl: "https://shop.example/return",
    });
    expect(failed.next_action?.type).toBe("redirect_to_url");
    expect(failed.next_action?.redirect_to_url?.url).toContain("return_url=https%3A%2F%2Fshop.example%2Freturn");
    expect(stripeError(() => completeChallenge(ctx, failed.id, "wrong", false)).body.param).toBe("client_secret");
    completeChallenge(ctx, failed.id, failed.client_secret, false);
    expect(failed.status).toBe("requires_payment_method");
    expect(failed.last_payment_error?.code).toBe("payment_intent_authentication_failure");
  });

  it("declines 3-D Secure cards off-session with authentication_required", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=eur");
    const error = stripeError(() =>
      confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_authenticationRequired"), { ...CONFIRM, offSession: true }),
    );
    expect(error.body.code).toBe("authentication_required");
  });

  it("refuses transitions from the wrong state with payment_intent_unexpected_state and the intent attached", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&capture_method=manual");
    const early = stripeError(() => capturePaymentIntent(ctx, pi.id, {}));
    expect(early.body.code).toBe("payment_intent_unexpected_state");
    cancelPaymentIntent(ctx, pi.id, {});
    expect(pi.status).toBe("canceled");
    const again = stripeError(() => cancelPaymentIntent(ctx, pi.id, {}));
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("payment_intent_unexpected_state");
    expect(again.body.payment_intent).toMatchObject({ status: "canceled" });
    expect(stripeError(() => confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa"), CONFIRM)).body.code).toBe(
      "payment_intent_unexpected_state",
    );
  });

  it("refuses amount updates after authorization but accepts metadata", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&capture_method=manual&payment_method=pm_card_visa&confirm=true");
    expect(pi.status).toBe("requires_capture");
    expect(stripeError(() => updatePaymentIntent(ctx, pi.id, decodeForm("amount=2500"))).body.code).toBe("payment_intent_unexpected_state");
    updatePaymentIntent(ctx, pi.id, decodeForm("metadata[order]=o_1"));
    expect(pi.metadata).toEqual({ order: "o_1" });
  });

  it("enforces minimum amounts per currency, zero-decimal currencies included", () => {
    const ctx = model();
    expect(stripeError(() => create(ctx, "amount=49&currency=usd")).body).toMatchObject({
      code: "amount_too_small",
      message: "Amount must be at least $0.50 usd",
    });
    expect(stripeError(() => create(ctx, "amount=29&currency=gbp")).body.code).toBe("amount_too_small");
    expect(create(ctx, "amount=30&currency=gbp").amount).toBe(30);
    expect(stripeError(() => create(ctx, "amount=49&currency=jpy")).body.message).toBe("Amount must be at least ¥50 jpy");
    expect(create(ctx, "amount=50&currency=JPY").currency).toBe("jpy");
    expect(stripeError(() => create(ctx, "amount=100&currency=xxx")).body.param).toBe("currency");
    expect(formatAmount(123456, "eur")).toBe("€1,234.56");
  });

  it("refunds up to what was captured, then answers charge_already_refunded", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&capture_method=manual&payment_method=pm_card_visa&confirm=true");
    expect(stripeError(() => createRefund(ctx, decodeForm(`payment_intent=${pi.id}`))).status).toBe(400);
    capturePaymentIntent(ctx, pi.id, decodeForm("amount_to_capture=1500"));
    createRefund(ctx, decodeForm(`payment_intent=${pi.id}&amount=500`));
    expect(stripeError(() => createRefund(ctx, decodeForm(`payment_intent=${pi.id}&amount=1001`))).body.code).toBe("amount_too_large");
    expect(createRefund(ctx, decodeForm(`payment_intent=${pi.id}`)).amount).toBe(1000);
    const charge = ctx.store.state.charges[pi.latest_charge ?? ""];
    expect(charge?.refunded).toBe(true);
    expect(stripeError(() => createRefund(ctx, decodeForm(`payment_intent=${pi.id}`))).body.code).toBe("charge_already_refunded");
  });
});

describe("parameter checking", () => {
  it("treats Object's own member names as unknown parameters", async () => {
    const { validateParams } = await import("./params");
    expect(stripeError(() => validateParams(decodeForm("constructor=x"), { amount: "integer" })).body).toMatchObject({
      code: "parameter_unknown",
      param: "constructor",
    });
    expect(stripeError(() => validateParams(decodeForm("shipping[toString]=x"), { shipping: { fields: { name: "string" } } })).body.param).toBe(
      "shipping[toString]",
    );
  });
});

describe("PaymentIntent options the double applies", () => {
  it("turns automatic_payment_methods on as a dashboard would: card and Link, redirects allowed", () => {
    const pi = create(model(), "amount=2000&currency=usd&automatic_payment_methods[enabled]=true");
    expect(pi.payment_method_types).toEqual(["card", "link"]);
    expect(pi.automatic_payment_methods).toEqual({ allow_redirects: "always", enabled: true });
    const never = create(model(), "amount=2000&currency=usd&automatic_payment_methods[enabled]=true&automatic_payment_methods[allow_redirects]=never");
    expect(never.automatic_payment_methods?.allow_redirects).toBe("never");
  });

  it("makes card payments manual capture with payment_method_options[card][capture_method]=manual", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&payment_method_options[card][capture_method]=manual");
    expect(pi.capture_method).toBe("automatic_async");
    confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa"), CONFIRM);
    expect(pi.status).toBe("requires_capture");
  });

  it("asks for 3-D Secure on any card with request_three_d_secure=any, then declines a declining card", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd&payment_method_options[card][request_three_d_secure]=any");
    confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa"), CONFIRM);
    expect(pi.status).toBe("requires_action");
    completeChallenge(ctx, pi.id, pi.client_secret, true);
    expect(pi.status).toBe("succeeded");
    const declining = create(ctx, "amount=2000&currency=usd&payment_method_options[card][request_three_d_secure]=challenge");
    confirmPaymentIntent(ctx, declining, decodeForm("payment_method=pm_card_visa_chargeDeclined"), CONFIRM);
    expect(declining.status).toBe("requires_action");
    completeChallenge(ctx, declining.id, declining.client_secret, true);
    expect(declining.status).toBe("requires_payment_method");
    expect(declining.last_payment_error?.code).toBe("card_declined");
  });

  it("applies capture_method given on confirm", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd");
    confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_visa&capture_method=manual"), CONFIRM);
    expect(pi.capture_method).toBe("manual");
    expect(pi.status).toBe("requires_capture");
  });

  it("fails instead of asking for authentication with error_on_requires_action", () => {
    const ctx = model();
    const pi = create(ctx, "amount=2000&currency=usd");
    const error = stripeError(() =>
      confirmPaymentIntent(ctx, pi, decodeForm("payment_method=pm_card_authenticationRequired&error_on_requires_action=true"), CONFIRM),
    );
    expect(error.status).toBe(402);
    expect(error.body.code).toBe("authentication_required");
    expect(pi.status).toBe("requires_payment_method");
    expect(stripeError(() => create(ctx, "amount=2000&currency=usd&error_on_requires_action=true")).body.param).toBe("error_on_requires_action");
  });
});

describe("processing (test controls for asynchronous payments)", () => {
  it("holds a PaymentIntent in processing, then settles it as authorized or failed, with Stripe's events", () => {
    const ctx = model();
    const paid = create(ctx, "amount=2000&currency=eur&capture_method=manual");
    startProcessing(ctx, paid.id, "pm_card_visa");
    expect(paid.status).toBe("processing");
    expect(ctx.events).toContain("payment_intent.processing");
    settleProcessing(ctx, paid.id, "succeeded");
    expect(paid.status).toBe("requires_capture");
    expect(ctx.events).toContain("payment_intent.amount_capturable_updated");

    const failed = create(ctx, "amount=2000&currency=eur&capture_method=manual");
    startProcessing(ctx, failed.id, "pm_card_visa");
    settleProcessing(ctx, failed.id, "failed");
    expect(failed.status).toBe("requires_payment_method");
    expect(failed.last_payment_error).toMatchObject({ code: "payment_intent_payment_attempt_failed" });

    // Only a confirmable PaymentIntent starts processing, only a processing one settles.
    expect(stripeError(() => startProcessing(ctx, paid.id, "pm_card_visa")).body.code).toBe("payment_intent_unexpected_state");
    expect(stripeError(() => settleProcessing(ctx, failed.id, "succeeded")).body.code).toBe("payment_intent_unexpected_state");
  });
});
