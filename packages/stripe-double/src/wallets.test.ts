import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors";
import { decodeForm } from "./form";
import { confirmPaymentIntent, createPaymentIntent, type ConfirmOptions } from "./payment-intents";
import { createPaymentMethod, type DoubleContext } from "./resources";
import { Store } from "./store";
import { createWalletToken } from "./wallets";

function model(): DoubleContext & { events: string[] } {
  const events: string[] = [];
  return { store: new Store(), emit: (type) => events.push(type), events };
}

const URLS = { hooksBase: "http://double.test/hooks" };
const CONFIRM: ConfirmOptions = { useStripeSdk: true, offSession: false, keyKind: "publishable", urls: URLS };
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

function token(ctx: DoubleContext, number = "4242424242424242") {
  return createWalletToken(
    ctx,
    decodeForm(
      `wallet=google_pay&card[number]=${number}&card[exp_month]=12&card[exp_year]=${NEXT_YEAR}` +
        "&card[name]=Jenny+Rosen&card[address_line1]=510+Townsend+St&card[address_city]=San+Francisco" +
        "&card[address_state]=CA&card[address_zip]=94103&card[address_country]=US",
    ),
    "127.0.0.1",
  );
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

describe("wallet tokens", () => {
  it("are Stripe card tokens tokenized by Google Pay (android_pay), with the card's last four and the wallet's address", () => {
    const ctx = model();
    const tok = token(ctx);
    expect(tok.id).toMatch(/^tok_/);
    expect(tok).toMatchObject({ object: "token", type: "card", used: false, livemode: false });
    expect(tok.card).toMatchObject({
      object: "card",
      brand: "Visa",
      last4: "4242",
      exp_month: 12,
      exp_year: NEXT_YEAR,
      tokenization_method: "android_pay",
      name: "Jenny Rosen",
      address_zip: "94103",
      address_country: "US",
    });
    expect(JSON.stringify(tok)).not.toContain("4242424242424242");
  });

  it("refuse other wallets and bad cards", () => {
    const ctx = model();
    expect(stripeError(() => createWalletToken(ctx, decodeForm("wallet=apple_pay&card[number]=4242424242424242"), null)).body.param).toBe("wallet");
    const bad = stripeError(() =>
      createWalletToken(ctx, decodeForm(`wallet=google_pay&card[number]=4242424242424241&card[exp_month]=12&card[exp_year]=${NEXT_YEAR}`), null),
    );
    expect(bad.status).toBe(402);
    expect(bad.body.code).toBe("incorrect_number");
  });

  it("make one PaymentMethod (card.wallet google_pay), with Stripe.js's billing details winning over the token's", () => {
    const ctx = model();
    const tok = token(ctx);
    const pm = createPaymentMethod(
      ctx,
      decodeForm(`type=card&card[token]=${tok.id}&billing_details[name]=Jenny+Rosen&billing_details[email]=jenny@example.com`),
      "publishable",
    );
    expect(pm.card.wallet).toEqual({ dynamic_last4: null, google_pay: {}, type: "google_pay" });
    expect(pm.card.last4).toBe("4242");
    expect(pm.billing_details.email).toBe("jenny@example.com");
    // No address given: the token's (the card's billing address in the wallet) stays.
    expect(pm.billing_details.address.postal_code).toBe("94103");
    expect(ctx.store.state.tokens[tok.id]?.used).toBe(true);

    const again = stripeError(() => createPaymentMethod(ctx, decodeForm(`type=card&card[token]=${tok.id}`), "publishable"));
    expect(again.body).toMatchObject({ code: "token_already_used", param: "card[token]" });
    expect(again.body.message).toBe(`You cannot use a Stripe token more than once: ${tok.id}.`);
  });

  it("an unknown token, or a token and a number together, are refused", () => {
    const ctx = model();
    expect(stripeError(() => createPaymentMethod(ctx, decodeForm("type=card&card[token]=tok_nope"), "publishable")).body).toMatchObject({
      code: "resource_missing",
      message: "No such token: 'tok_nope'",
    });
    const tok = token(ctx);
    const both = stripeError(() =>
      createPaymentMethod(ctx, decodeForm(`type=card&card[token]=${tok.id}&card[number]=4242424242424242`), "publishable"),
    );
    expect(both.body.message).toBe("Received both card[token] and card[number] parameters. Please pass in only one.");
  });

  it("a wallet card pays through the same state machine, and its charge names the wallet", () => {
    const ctx = model();
    const pi = createPaymentIntent(ctx, decodeForm("amount=2490&currency=eur&capture_method=manual"), URLS);
    const pm = createPaymentMethod(ctx, decodeForm(`type=card&card[token]=${token(ctx).id}`), "publishable");
    confirmPaymentIntent(ctx, pi, decodeForm(`payment_method=${pm.id}&use_stripe_sdk=true`), CONFIRM);
    expect(pi.status).toBe("requires_capture");
    const charge = ctx.store.state.charges[pi.latest_charge ?? ""];
    expect(charge?.payment_method_details.card["wallet"]).toEqual({ dynamic_last4: null, google_pay: {}, type: "google_pay" });
    expect(ctx.events).toContain("payment_intent.amount_capturable_updated");
  });

  it("a wallet's 9995 card is declined like the same card typed in", () => {
    const ctx = model();
    const pi = createPaymentIntent(ctx, decodeForm("amount=5000&currency=jpy"), URLS);
    const pm = createPaymentMethod(ctx, decodeForm(`type=card&card[token]=${token(ctx, "4000000000009995").id}`), "publishable");
    const declined = stripeError(() => confirmPaymentIntent(ctx, pi, decodeForm(`payment_method=${pm.id}`), CONFIRM));
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." });
    expect(pi.status).toBe("requires_payment_method");
    expect(ctx.events).toContain("payment_intent.payment_failed");
  });
});
