/**
 * The wallet side of the Express Checkout Element stand-in: what Google's servers do when a shopper approves a
 * Google Pay payment for a Stripe merchant. Google asks Stripe (the "gateway" in Google Pay's tokenization
 * spec, keyed by the merchant's publishable key) for a card token and hands it to Stripe.js, which then makes a
 * PaymentMethod from it (`POST /v1/payment_methods` with `card[token]`). Stripe's API has no public request for
 * that first step, so the double offers one under `/_double/` for its wallet sheet; everything after it is
 * Stripe's own API.
 */
import { cardBrand, checkCardDetails, testCard, type CardBrand } from "./cards";
import { invalidRequest, StripeApiError, docUrl } from "./errors";
import type { FormObject } from "./form";
import { readObject, readString } from "./params";
import type { DoubleContext } from "./resources";
import { newId, nowSeconds, type Token } from "./store";

/** A token's `card.brand` is spelled the way the older Cards API spells it. */
const TOKEN_BRANDS: Readonly<Record<CardBrand, string>> = {
  visa: "Visa",
  mastercard: "MasterCard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  diners: "Diners Club",
  unionpay: "UnionPay",
  unknown: "Unknown",
};

export const WALLETS: readonly string[] = ["google_pay"];

/**
 * `wallet=google_pay&card[number|exp_month|exp_year]&card[name]&card[address_*]` → a `tok_…` whose card says
 * `tokenization_method: "android_pay"` (Stripe's name for Google Pay tokens).
 */
export function createWalletToken(ctx: DoubleContext, params: FormObject, clientIp: string | null): Token {
  const wallet = readString(params, "wallet");
  if (wallet === undefined || !WALLETS.includes(wallet)) {
    throw invalidRequest(`wallet must be one of ${WALLETS.join(", ")}; the Stripe double stands in for no other wallet.`, { param: "wallet" });
  }
  const card = readObject(params, "card");
  const number = card ? readString(card, "number") : undefined;
  const expMonth = Number(card ? readString(card, "exp_month") : undefined);
  const expYear = Number(card ? readString(card, "exp_year") : undefined);
  if (!card || number === undefined) {
    throw invalidRequest("Missing required param: card[number].", { code: "parameter_missing", param: "card[number]" });
  }
  const problem = checkCardDetails({ number, expMonth, expYear }, new Date());
  if (problem) {
    throw new StripeApiError(402, { type: "card_error", code: problem.code, message: problem.message, param: problem.param, doc_url: docUrl(problem.code) });
  }
  const field = (name: string): string | null => readString(card, name) ?? null;
  const brand = cardBrand(number);
  const token: Token = {
    id: newId("tok"),
    object: "token",
    card: {
      id: newId("card"),
      object: "card",
      address_city: field("address_city"),
      address_country: field("address_country"),
      address_line1: field("address_line1"),
      address_line1_check: field("address_line1") ? "unchecked" : null,
      address_line2: field("address_line2"),
      address_state: field("address_state"),
      address_zip: field("address_zip"),
      address_zip_check: field("address_zip") ? "unchecked" : null,
      brand: TOKEN_BRANDS[brand],
      country: testCard(number)?.country ?? "US",
      cvc_check: null,
      // The double's wallet hands over the card's own number, so there is no separate device number whose last
      // digits Stripe would report here.
      dynamic_last4: null,
      exp_month: expMonth,
      exp_year: expYear,
      fingerprint: Buffer.from(number).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(-16),
      funding: testCard(number)?.funding ?? "credit",
      last4: number.slice(-4),
      metadata: {},
      name: field("name"),
      tokenization_method: "android_pay",
      wallet: null,
    },
    client_ip: clientIp,
    created: nowSeconds(),
    livemode: false,
    type: "card",
    used: false,
  };
  ctx.store.state.tokens[token.id] = token;
  ctx.store.state.card_numbers[token.id] = number;
  return token;
}
