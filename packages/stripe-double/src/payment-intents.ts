/**
 * The PaymentIntent state machine, with the Charges and Refunds it produces.
 *
 * requires_payment_method → (payment method) requires_confirmation → (confirm) requires_action (3-D Secure)
 * → requires_capture (manual capture) or succeeded; canceled from any non-terminal state. Declines and failed
 * authentication send the PaymentIntent back to requires_payment_method with last_payment_error.
 */
import type { CardDecline } from "./cards";
import { docUrl, invalidRequest, parameterMissing, resourceMissing, StripeApiError, unexpectedState } from "./errors";
import type { FormObject } from "./form";
import { mergeMetadata, readBoolean, readInteger, readObject, readOptionalString, readString, readStrings, toJson } from "./params";
import {
  attachPaymentMethod,
  createPaymentMethod,
  outcomeFor,
  checkPaymentMethodCustomer,
  requireCustomer,
  resolvePaymentMethod,
  snapshot,
  type DoubleContext,
  type KeyKind,
} from "./resources";
import {
  newId,
  nowSeconds,
  randomToken,
  type CaptureMethod,
  type Charge,
  type JsonObject,
  type JsonValue,
  type NextAction,
  type PaymentIntent,
  type PaymentIntentStatus,
  type PaymentMethod,
  type Refund,
} from "./store";

export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
]);

/** Stripe's minimum charge amounts, in the currency's smallest unit (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts). */
const MINIMUM_AMOUNTS: Readonly<Record<string, number>> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30,
  hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200,
  sek: 300, sgd: 50, thb: 1000,
};

const SUPPORTED_CURRENCIES: ReadonlySet<string> = new Set([
  ...Object.keys(MINIMUM_AMOUNTS),
  ...ZERO_DECIMAL_CURRENCIES,
  "afn", "all", "amd", "ang", "aoa", "ars", "awg", "azn", "bam", "bbd", "bdt", "bmd", "bnd", "bob", "bsd",
  "bwp", "byn", "bzd", "cdf", "cny", "cop", "crc", "cve", "dop", "dzd", "egp", "etb", "fjd", "fkp", "gel",
  "gip", "gmd", "gtq", "gyd", "hnl", "htg", "idr", "ils", "isk", "jmd", "kes", "kgs", "khr", "kyd", "kzt",
  "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk", "mzn",
  "nad", "ngn", "nio", "npr", "pab", "pen", "pgk", "php", "pkr", "qar", "rsd", "rub", "sar", "sbd", "scr",
  "shp", "sle", "sos", "srd", "std", "szl", "tjs", "top", "try", "ttd", "twd", "tzs", "uah", "uyu", "uzs",
  "wst", "xcd", "yer", "zar", "zmw",
]);

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { usd: "$", eur: "€", gbp: "£", jpy: "¥", cad: "$", aud: "$" };

/** Stripe's way of writing an amount in messages, e.g. `$0.50` or `¥50`. */
export function formatAmount(amount: number, currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? "";
  if (ZERO_DECIMAL_CURRENCIES.has(currency)) return `${symbol}${amount.toLocaleString("en-US")}`;
  return `${symbol}${(amount / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const MAXIMUM_AMOUNT = 99_999_999;

export function checkCurrency(currency: string): string {
  const normalized = currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(normalized)) {
    throw invalidRequest(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].sort().join(", ")}`, {
      param: "currency",
    });
  }
  return normalized;
}

export function checkAmount(amount: number, currency: string, param = "amount"): void {
  if (amount < 1) throw invalidRequest("This value must be greater than or equal to 1.", { param, code: "parameter_invalid_integer" });
  const minimum = MINIMUM_AMOUNTS[currency] ?? 50;
  if (amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, { code: "amount_too_small", param });
  }
  if (amount > MAXIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be no more than ${formatAmount(MAXIMUM_AMOUNT, currency)}`, { code: "amount_too_large", param });
  }
}

export interface PublicUrls {
  /** Base for the 3-D Secure pages: `https://hooks.stripe.com` or `http://HOST/hooks`. */
  hooksBase: string;
}

function requirePaymentIntent(ctx: DoubleContext, id: string): PaymentIntent {
  const paymentIntent = ctx.store.state.payment_intents[id];
  if (!paymentIntent) throw resourceMissing("payment_intent", id);
  return paymentIntent;
}

export function getPaymentIntent(ctx: DoubleContext, id: string): PaymentIntent {
  return requirePaymentIntent(ctx, id);
}

/** The id part of a client secret (`pi_…_secret_…`), for publishable-key requests that name the intent by secret. */
export function checkClientSecret(paymentIntent: PaymentIntent, clientSecret: string | undefined): void {
  if (clientSecret === undefined) {
    throw invalidRequest(
      "You must provide a `client_secret` to use a PaymentIntent with a publishable key.",
      { code: "parameter_missing", param: "client_secret" },
    );
  }
  if (clientSecret !== paymentIntent.client_secret) {
    throw invalidRequest(
      "The client_secret provided does not match any associated PaymentIntent on this account. Ensure the publishable key used belongs to the same account that created the PaymentIntent.",
      { code: "payment_intent_invalid_parameter", param: "client_secret" },
    );
  }
}

/** Fields Stripe returns when a PaymentIntent is read with a publishable key (metadata, customer… stay private). */
const PUBLISHABLE_FIELDS: readonly (keyof PaymentIntent)[] = [
  "id", "object", "amount", "amount_details", "automatic_payment_methods", "canceled_at", "cancellation_reason",
  "capture_method", "client_secret", "confirmation_method", "created", "currency", "description",
  "last_payment_error", "livemode", "next_action", "payment_method", "payment_method_configuration_details",
  "payment_method_types", "processing", "receipt_email", "setup_future_usage", "shipping", "source", "status",
];

export function publishableView(paymentIntent: PaymentIntent): Partial<PaymentIntent> {
  const view: Partial<Record<keyof PaymentIntent, unknown>> = {};
  for (const field of PUBLISHABLE_FIELDS) view[field] = paymentIntent[field];
  return view as Partial<PaymentIntent>;
}

/**
 * What `automatic_payment_methods[enabled]=true` turns on: the methods a new account's default payment method
 * configuration enables for card-currency payments in test mode, cards and Link. (Confirming still takes a card.)
 */
export const AUTOMATIC_PAYMENT_METHOD_TYPES: readonly string[] = ["card", "link"];

/**
 * The payment method options the double applies: `card[capture_method]` (`manual` makes card payments manual
 * capture whatever the PaymentIntent's `capture_method`) and `card[request_three_d_secure]` (`any` or
 * `challenge` asks for 3-D Secure on every card, as Stripe's test mode does). Routes refuse the rest.
 */
function applyPaymentMethodOptions(paymentIntent: PaymentIntent, params: FormObject): void {
  const options = params["payment_method_options"];
  if (options === undefined) return;
  const current = paymentIntent.payment_method_options;
  const card = (current["card"] && typeof current["card"] === "object" && !Array.isArray(current["card"]) ? current["card"] : {}) as JsonObject;
  if (options === "") {
    delete card["capture_method"];
    card["request_three_d_secure"] = "automatic";
  } else if (typeof options === "object" && !Array.isArray(options)) {
    const cardParams = readObject(options, "card");
    if (options["card"] === "") {
      delete card["capture_method"];
      card["request_three_d_secure"] = "automatic";
    }
    if (cardParams) {
      const captureMethod = readString(cardParams, "capture_method");
      if (captureMethod === "") delete card["capture_method"];
      else if (captureMethod !== undefined) card["capture_method"] = captureMethod;
      const threeDSecure = readString(cardParams, "request_three_d_secure");
      if (threeDSecure !== undefined) card["request_three_d_secure"] = threeDSecure;
    }
  }
  paymentIntent.payment_method_options = { ...current, card };
}

/** Card payments are manual capture when the PaymentIntent or its card options say so. */
function capturesManually(paymentIntent: PaymentIntent): boolean {
  const card = paymentIntent.payment_method_options["card"];
  const cardCapture = card && typeof card === "object" && !Array.isArray(card) ? card["capture_method"] : undefined;
  return paymentIntent.capture_method === "manual" || cardCapture === "manual";
}

function forcesThreeDSecure(paymentIntent: PaymentIntent): boolean {
  const card = paymentIntent.payment_method_options["card"];
  const requested = card && typeof card === "object" && !Array.isArray(card) ? card["request_three_d_secure"] : undefined;
  return requested === "any" || requested === "challenge";
}

function paymentMethodTypes(params: FormObject): { types: string[]; automatic: PaymentIntent["automatic_payment_methods"] } {
  const types = readStrings(params, "payment_method_types");
  const automatic = readObject(params, "automatic_payment_methods");
  const automaticEnabled = automatic ? readString(automatic, "enabled") === "true" : false;
  if (types && automaticEnabled) {
    throw invalidRequest(
      "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
      { param: "automatic_payment_methods" },
    );
  }
  for (const [index, type] of (types ?? []).entries()) {
    if (type !== "card") {
      throw invalidRequest(
        `The payment method type "${type}" is invalid. The Stripe double implements only "card".`,
        { param: `payment_method_types[${index}]`, code: "payment_intent_invalid_parameter" },
      );
    }
  }
  return {
    types: types && types.length > 0 ? types : automaticEnabled ? [...AUTOMATIC_PAYMENT_METHOD_TYPES] : ["card"],
    automatic: automaticEnabled
      ? { allow_redirects: (automatic && readString(automatic, "allow_redirects")) || "always", enabled: true }
      : null,
  };
}

function jsonParam(params: FormObject, name: string): JsonValue | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "") return null;
  return toJson(value) as JsonValue;
}

export interface ConfirmOptions {
  returnUrl?: string;
  useStripeSdk: boolean;
  offSession: boolean;
  keyKind: KeyKind;
  urls: PublicUrls;
}

/**
 * Stripe's default capture method depends on the API version: `automatic_async` from 2024-04-10 on
 * (https://docs.stripe.com/changelog/2024-04-10/automatic-sync-default-paymentintents), `automatic` before.
 */
export function defaultCaptureMethod(apiVersion: string): CaptureMethod {
  return apiVersion.slice(0, 10) < "2024-04-10" ? "automatic" : "automatic_async";
}

export function createPaymentIntent(
  ctx: DoubleContext,
  params: FormObject,
  urls: PublicUrls,
  apiVersion = "2024-04-10",
): PaymentIntent {
  const amount = readInteger(params, "amount");
  if (amount === undefined) throw parameterMissing("amount");
  const currencyParam = readString(params, "currency");
  if (currencyParam === undefined) throw parameterMissing("currency");
  const currency = checkCurrency(currencyParam);
  checkAmount(amount, currency);
  const customerId = readString(params, "customer") || undefined;
  if (customerId) requireCustomer(ctx, customerId);
  const { types, automatic } = paymentMethodTypes(params);
  const confirm = readBoolean(params, "confirm") ?? false;
  const returnUrl = readString(params, "return_url");
  if (returnUrl !== undefined && !confirm) {
    throw invalidRequest("You can only pass in return_url if confirm=true.", { param: "return_url" });
  }
  const paymentMethodId = readString(params, "payment_method") || undefined;
  const paymentMethodData = readObject(params, "payment_method_data");
  const paymentMethod = paymentMethodData
    ? createPaymentMethod(ctx, paymentMethodData, "secret", ["payment_method_data"])
    : paymentMethodId
      ? resolvePaymentMethod(ctx, paymentMethodId)
      : undefined;
  const errorOnRequiresAction = readBoolean(params, "error_on_requires_action");
  if (errorOnRequiresAction !== undefined && !confirm) {
    throw invalidRequest("You can only pass in error_on_requires_action if confirm=true.", { param: "error_on_requires_action" });
  }
  const id = newId("pi");
  const paymentIntent: PaymentIntent = {
    id,
    object: "payment_intent",
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: (readString(params, "capture_method") as CaptureMethod | undefined) ?? defaultCaptureMethod(apiVersion),
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: (readString(params, "confirmation_method") as "automatic" | "manual" | undefined) ?? "automatic",
    created: nowSeconds(),
    currency,
    customer: customerId ?? null,
    description: readOptionalString(params, "description") ?? null,
    invoice: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: paymentMethod?.id ?? null,
    payment_method_configuration_details: automatic ? { id: `pmc_${randomToken(24)}`, parent: null } : null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
      ...(types.includes("link") ? { link: { persistent_token: null } } : {}),
    },
    payment_method_types: types,
    processing: null,
    receipt_email: readOptionalString(params, "receipt_email") ?? null,
    review: null,
    setup_future_usage: readOptionalString(params, "setup_future_usage") ?? null,
    shipping: jsonParam(params, "shipping") ?? null,
    source: null,
    statement_descriptor: readOptionalString(params, "statement_descriptor") ?? null,
    statement_descriptor_suffix: readOptionalString(params, "statement_descriptor_suffix") ?? null,
    status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
  applyPaymentMethodOptions(paymentIntent, params);
  ctx.store.state.payment_intents[id] = paymentIntent;
  ctx.emit("payment_intent.created", paymentIntent);
  if (confirm) {
    const offSession = params["off_session"] !== undefined && params["off_session"] !== "false";
    return confirmPaymentIntent(ctx, paymentIntent, errorOnRequiresAction ? { error_on_requires_action: "true" } : {}, {
      returnUrl,
      useStripeSdk: readBoolean(params, "use_stripe_sdk") ?? false,
      offSession,
      keyKind: "secret",
      urls,
    });
  }
  return paymentIntent;
}

const UPDATABLE_STATUSES: readonly PaymentIntentStatus[] = ["requires_payment_method", "requires_confirmation", "requires_action"];

export function updatePaymentIntent(ctx: DoubleContext, id: string, params: FormObject): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, id);
  const changesPayment = ["amount", "currency", "payment_method", "capture_method", "payment_method_types", "customer"].filter(
    (name) => params[name] !== undefined,
  );
  if (changesPayment.length > 0 && !UPDATABLE_STATUSES.includes(paymentIntent.status)) {
    const field = changesPayment[0] ?? "amount";
    throw unexpectedState(
      `This PaymentIntent's ${field} could not be updated because it has a status of ${paymentIntent.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE_STATUSES.join(", ")}.`,
      snapshot(paymentIntent),
    );
  }
  const currencyParam = readString(params, "currency");
  const currency = currencyParam ? checkCurrency(currencyParam) : paymentIntent.currency;
  const amount = readInteger(params, "amount") ?? paymentIntent.amount;
  if (params["amount"] !== undefined || currencyParam) checkAmount(amount, currency);
  const customerId = readOptionalString(params, "customer");
  if (customerId) requireCustomer(ctx, customerId);
  const paymentMethodId = readOptionalString(params, "payment_method");
  const paymentMethodData = readObject(params, "payment_method_data");
  const paymentMethod = paymentMethodData
    ? createPaymentMethod(ctx, paymentMethodData, "secret", ["payment_method_data"])
    : paymentMethodId
      ? resolvePaymentMethod(ctx, paymentMethodId)
      : undefined;
  if (params["payment_method_types"] !== undefined || params["automatic_payment_methods"] !== undefined) {
    const { types, automatic } = paymentMethodTypes(params);
    paymentIntent.payment_method_types = types;
    paymentIntent.automatic_payment_methods = automatic;
  }
  paymentIntent.amount = amount;
  paymentIntent.currency = currency;
  if (customerId !== undefined) paymentIntent.customer = customerId;
  const captureMethod = readString(params, "capture_method");
  if (captureMethod) paymentIntent.capture_method = captureMethod as CaptureMethod;
  applyPaymentMethodOptions(paymentIntent, params);
  const description = readOptionalString(params, "description");
  if (description !== undefined) paymentIntent.description = description;
  const receiptEmail = readOptionalString(params, "receipt_email");
  if (receiptEmail !== undefined) paymentIntent.receipt_email = receiptEmail;
  const setupFutureUsage = readOptionalString(params, "setup_future_usage");
  if (setupFutureUsage !== undefined) paymentIntent.setup_future_usage = setupFutureUsage;
  const shipping = jsonParam(params, "shipping");
  if (shipping !== undefined) paymentIntent.shipping = shipping;
  for (const name of ["statement_descriptor", "statement_descriptor_suffix"] as const) {
    const value = readOptionalString(params, name);
    if (value !== undefined) paymentIntent[name] = value;
  }
  paymentIntent.metadata = mergeMetadata(paymentIntent.metadata, params);
  if (paymentMethod || paymentMethodId === null) {
    paymentIntent.payment_method = paymentMethod?.id ?? null;
    // A new payment method (or amount) invalidates a pending authentication: the intent must be confirmed again.
    paymentIntent.next_action = null;
    delete ctx.store.state.challenges[paymentIntent.id];
    paymentIntent.status = paymentMethod ? "requires_confirmation" : "requires_payment_method";
  }
  return paymentIntent;
}

const CONFIRMABLE_STATUSES: readonly PaymentIntentStatus[] = ["requires_confirmation", "requires_payment_method", "requires_action"];

export function confirmPaymentIntent(
  ctx: DoubleContext,
  paymentIntent: PaymentIntent,
  params: FormObject,
  options: ConfirmOptions,
): PaymentIntent {
  if (!CONFIRMABLE_STATUSES.includes(paymentIntent.status)) {
    const message =
      paymentIntent.status === "succeeded"
        ? "You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed."
        : `You cannot confirm this PaymentIntent because it has a status of ${paymentIntent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.`;
    throw unexpectedState(message, snapshot(paymentIntent));
  }
  const paymentMethodData = readObject(params, "payment_method_data");
  const paymentMethodId = readString(params, "payment_method");
  let paymentMethod: PaymentMethod | undefined;
  if (paymentMethodData) {
    paymentMethod = createPaymentMethod(ctx, paymentMethodData, options.keyKind, ["payment_method_data"]);
  } else if (paymentMethodId) {
    paymentMethod = resolvePaymentMethod(ctx, paymentMethodId);
  } else if (paymentIntent.payment_method) {
    paymentMethod = ctx.store.state.payment_methods[paymentIntent.payment_method];
  }
  if (!paymentMethod) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
      snapshot(paymentIntent),
    );
  }
  checkPaymentMethodCustomer(paymentMethod, paymentIntent.customer);
  if (
    options.keyKind === "secret" &&
    !options.returnUrl &&
    paymentIntent.automatic_payment_methods?.enabled === true &&
    paymentIntent.automatic_payment_methods.allow_redirects !== "never"
  ) {
    throw invalidRequest(
      "This PaymentIntent is configured to accept payment methods enabled in your Dashboard, because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
      { param: "return_url" },
    );
  }
  const receiptEmail = readOptionalString(params, "receipt_email");
  if (receiptEmail !== undefined) paymentIntent.receipt_email = receiptEmail;
  const setupFutureUsage = readOptionalString(params, "setup_future_usage");
  if (setupFutureUsage !== undefined) paymentIntent.setup_future_usage = setupFutureUsage;
  const shipping = jsonParam(params, "shipping");
  if (shipping !== undefined) paymentIntent.shipping = shipping;
  // A capture method given on confirm replaces the PaymentIntent's, as at Stripe.
  const captureMethod = readString(params, "capture_method");
  if (captureMethod) paymentIntent.capture_method = captureMethod as CaptureMethod;
  applyPaymentMethodOptions(paymentIntent, params);

  paymentIntent.payment_method = paymentMethod.id;
  paymentIntent.last_payment_error = null;
  paymentIntent.next_action = null;
  const outcome = outcomeFor(ctx, paymentMethod);
  if (outcome.kind === "declined" && !forcesThreeDSecure(paymentIntent)) {
    return decline(ctx, paymentIntent, paymentMethod, outcome.decline);
  }
  if (outcome.kind === "three_d_secure" || forcesThreeDSecure(paymentIntent)) {
    // error_on_requires_action: fail the attempt instead of asking the customer, as Stripe does.
    if (options.offSession || readBoolean(params, "error_on_requires_action") === true) {
      return decline(ctx, paymentIntent, paymentMethod, {
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      });
    }
    return requireAction(ctx, paymentIntent, paymentMethod, options);
  }
  return authorize(ctx, paymentIntent, paymentMethod);
}

function requireAction(ctx: DoubleContext, paymentIntent: PaymentIntent, paymentMethod: PaymentMethod, options: ConfirmOptions): PaymentIntent {
  const query = new URLSearchParams({ client_secret: paymentIntent.client_secret });
  const redirect = !options.useStripeSdk && options.returnUrl !== undefined;
  if (redirect && options.returnUrl) query.set("return_url", options.returnUrl);
  const challengeUrl = `${options.urls.hooksBase}/3ds/${paymentIntent.id}?${query.toString()}`;
  const nextAction: NextAction = redirect
    ? { type: "redirect_to_url", redirect_to_url: { url: challengeUrl, return_url: options.returnUrl ?? "" } }
    : {
        type: "use_stripe_sdk",
        use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: challengeUrl, source: `src_${randomToken(24)}` },
      };
  paymentIntent.status = "requires_action";
  paymentIntent.next_action = nextAction;
  ctx.store.state.challenges[paymentIntent.id] = { payment_method: paymentMethod.id, return_url: options.returnUrl ?? null };
  ctx.emit("payment_intent.requires_action", paymentIntent);
  return paymentIntent;
}

function baseCharge(paymentIntent: PaymentIntent, paymentMethod: PaymentMethod): Charge {
  const card = paymentMethod.card;
  return {
    id: newId("ch"),
    object: "charge",
    amount: paymentIntent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: paymentMethod.billing_details,
    calculated_statement_descriptor: "STRIPE DOUBLE",
    captured: false,
    created: nowSeconds(),
    currency: paymentIntent.currency,
    customer: paymentIntent.customer,
    description: paymentIntent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    invoice: null,
    livemode: false,
    metadata: { ...paymentIntent.metadata },
    on_behalf_of: null,
    outcome: {},
    paid: false,
    payment_intent: paymentIntent.id,
    payment_method: paymentMethod.id,
    payment_method_details: {
      card: {
        amount_authorized: paymentIntent.amount,
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        last4: card.last4,
        network: card.brand,
        three_d_secure: null,
        // A wallet payment shows which wallet the card came from, as Stripe's charges do.
        wallet: card.wallet ? { ...card.wallet } : null,
      },
      type: "card",
    },
    receipt_email: paymentIntent.receipt_email,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${randomToken(40)}`,
    refunded: false,
    review: null,
    shipping: paymentIntent.shipping,
    source: null,
    statement_descriptor: paymentIntent.statement_descriptor,
    statement_descriptor_suffix: paymentIntent.statement_descriptor_suffix,
    status: "pending",
    transfer_data: null,
    transfer_group: null,
  };
}

function decline(ctx: DoubleContext, paymentIntent: PaymentIntent, paymentMethod: PaymentMethod, reason: CardDecline): never {
  const charge = baseCharge(paymentIntent, paymentMethod);
  charge.status = "failed";
  charge.failure_code = reason.code;
  charge.failure_message = reason.message;
  charge.outcome = {
    network_status: "declined_by_network",
    reason: reason.declineCode ?? reason.code,
    risk_level: "normal",
    risk_score: 20,
    seller_message: "The bank did not return any further details with this decline.",
    type: "issuer_declined",
  };
  ctx.store.state.charges[charge.id] = charge;
  paymentIntent.latest_charge = charge.id;
  paymentIntent.status = "requires_payment_method";
  paymentIntent.payment_method = null;
  paymentIntent.next_action = null;
  paymentIntent.last_payment_error = {
    type: "card_error",
    code: reason.code,
    ...(reason.declineCode ? { decline_code: reason.declineCode } : {}),
    message: reason.message,
    doc_url: docUrl(reason.code),
    charge: charge.id,
    payment_method: snapshot(paymentMethod),
  };
  ctx.emit("charge.failed", charge);
  ctx.emit("payment_intent.payment_failed", paymentIntent);
  throw new StripeApiError(
    402,
    {
      type: "card_error",
      code: reason.code,
      ...(reason.declineCode ? { decline_code: reason.declineCode } : {}),
      message: reason.message,
      doc_url: docUrl(reason.code),
      charge: charge.id,
      payment_intent: snapshot(paymentIntent),
      payment_method: snapshot(paymentMethod),
    },
    { replayable: true },
  );
}

function authorize(ctx: DoubleContext, paymentIntent: PaymentIntent, paymentMethod: PaymentMethod): PaymentIntent {
  const charge = baseCharge(paymentIntent, paymentMethod);
  const manual = capturesManually(paymentIntent);
  charge.status = "succeeded";
  charge.paid = true;
  charge.captured = !manual;
  charge.amount_captured = manual ? 0 : paymentIntent.amount;
  charge.balance_transaction = manual ? null : newId("txn");
  charge.outcome = {
    network_status: "approved_by_network",
    reason: null,
    risk_level: "normal",
    risk_score: 20,
    seller_message: "Payment complete.",
    type: "authorized",
  };
  ctx.store.state.charges[charge.id] = charge;
  paymentIntent.latest_charge = charge.id;
  paymentIntent.next_action = null;
  paymentIntent.last_payment_error = null;
  paymentIntent.payment_method = paymentMethod.id;
  delete ctx.store.state.challenges[paymentIntent.id];
  if (paymentIntent.setup_future_usage && paymentIntent.customer) {
    attachPaymentMethod(ctx, paymentMethod, paymentIntent.customer);
  }
  if (manual) {
    paymentIntent.status = "requires_capture";
    paymentIntent.amount_capturable = paymentIntent.amount;
    ctx.emit("charge.succeeded", charge);
    ctx.emit("payment_intent.amount_capturable_updated", paymentIntent);
  } else {
    paymentIntent.status = "succeeded";
    paymentIntent.amount_received = paymentIntent.amount;
    ctx.emit("charge.succeeded", charge);
    ctx.emit("payment_intent.succeeded", paymentIntent);
  }
  return paymentIntent;
}

/** Applies the shopper's answer on the 3-D Secure page. */
export function completeChallenge(ctx: DoubleContext, paymentIntentId: string, clientSecret: string, approve: boolean): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, paymentIntentId);
  checkClientSecret(paymentIntent, clientSecret);
  const challenge = ctx.store.state.challenges[paymentIntent.id];
  if (paymentIntent.status !== "requires_action" || !challenge) {
    throw unexpectedState(
      `This PaymentIntent has no pending authentication (status ${paymentIntent.status}).`,
      snapshot(paymentIntent),
    );
  }
  const paymentMethod = ctx.store.state.payment_methods[challenge.payment_method];
  if (!paymentMethod) throw resourceMissing("PaymentMethod", challenge.payment_method);
  if (approve) {
    const outcome = outcomeFor(ctx, paymentMethod);
    if (outcome.kind === "declined") {
      delete ctx.store.state.challenges[paymentIntent.id];
      try {
        decline(ctx, paymentIntent, paymentMethod, outcome.decline);
      } catch {
        // The decline is recorded on the PaymentIntent; the challenge page reports it through its status.
      }
      return paymentIntent;
    }
    return authorize(ctx, paymentIntent, paymentMethod);
  }
  delete ctx.store.state.challenges[paymentIntent.id];
  paymentIntent.status = "requires_payment_method";
  paymentIntent.payment_method = null;
  paymentIntent.next_action = null;
  paymentIntent.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    message:
      "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    doc_url: docUrl("payment_intent_authentication_failure"),
    payment_method: snapshot(paymentMethod),
  };
  ctx.emit("payment_intent.payment_failed", paymentIntent);
  return paymentIntent;
}

export function capturePaymentIntent(ctx: DoubleContext, id: string, params: FormObject): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, id);
  if (paymentIntent.status !== "requires_capture") {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${paymentIntent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      snapshot(paymentIntent),
    );
  }
  const amountToCapture = readInteger(params, "amount_to_capture") ?? paymentIntent.amount_capturable;
  if (amountToCapture > paymentIntent.amount_capturable) {
    throw invalidRequest(
      `The amount_to_capture (${amountToCapture}) must be less than or equal to the PaymentIntent's amount_capturable (${paymentIntent.amount_capturable}).`,
      { code: "amount_too_large", param: "amount_to_capture" },
    );
  }
  if (amountToCapture < 1) {
    throw invalidRequest("This value must be greater than or equal to 1.", { param: "amount_to_capture" });
  }
  const charge = paymentIntent.latest_charge ? ctx.store.state.charges[paymentIntent.latest_charge] : undefined;
  if (!charge) throw new StripeApiError(500, { type: "api_error", message: "The PaymentIntent has no charge to capture." });
  charge.captured = true;
  charge.amount_captured = amountToCapture;
  // The part of the authorization not captured is released, which Stripe reports as refunded.
  charge.amount_refunded = charge.amount - amountToCapture;
  charge.balance_transaction = newId("txn");
  paymentIntent.amount_received = amountToCapture;
  paymentIntent.amount_capturable = 0;
  paymentIntent.status = "succeeded";
  paymentIntent.metadata = mergeMetadata(paymentIntent.metadata, params);
  ctx.emit("charge.captured", charge);
  ctx.emit("payment_intent.succeeded", paymentIntent);
  return paymentIntent;
}

const CANCELABLE_STATUSES: readonly PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];

export function cancelPaymentIntent(ctx: DoubleContext, id: string, params: FormObject): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, id);
  if (!CANCELABLE_STATUSES.includes(paymentIntent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${paymentIntent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE_STATUSES.join(", ")}.`,
      snapshot(paymentIntent),
    );
  }
  if (paymentIntent.status === "requires_capture" && paymentIntent.latest_charge) {
    const charge = ctx.store.state.charges[paymentIntent.latest_charge];
    if (charge) {
      // Canceling releases the authorization; Stripe shows the uncaptured charge as fully refunded.
      charge.amount_refunded = charge.amount;
      charge.refunded = true;
    }
  }
  delete ctx.store.state.challenges[paymentIntent.id];
  paymentIntent.status = "canceled";
  paymentIntent.canceled_at = nowSeconds();
  paymentIntent.cancellation_reason = readString(params, "cancellation_reason") ?? null;
  paymentIntent.amount_capturable = 0;
  paymentIntent.next_action = null;
  ctx.emit("payment_intent.canceled", paymentIntent);
  return paymentIntent;
}

// Charges and refunds.

export function getCharge(ctx: DoubleContext, id: string): Charge {
  const charge = ctx.store.state.charges[id];
  if (!charge) throw resourceMissing("charge", id);
  return charge;
}

export function getRefund(ctx: DoubleContext, id: string): Refund {
  const refund = ctx.store.state.refunds[id];
  if (!refund) throw resourceMissing("refund", id);
  return refund;
}

function refundedByRefunds(ctx: DoubleContext, chargeId: string): number {
  return Object.values(ctx.store.state.refunds)
    .filter((refund) => refund.charge === chargeId)
    .reduce((sum, refund) => sum + refund.amount, 0);
}

export function createRefund(ctx: DoubleContext, params: FormObject): Refund {
  const paymentIntentId = readString(params, "payment_intent");
  const chargeId = readString(params, "charge");
  if (!paymentIntentId && !chargeId) {
    throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", {
      code: "parameter_missing",
    });
  }
  let charge: Charge | undefined;
  if (paymentIntentId) {
    const paymentIntent = ctx.store.state.payment_intents[paymentIntentId];
    if (!paymentIntent) throw resourceMissing("payment_intent", paymentIntentId, "payment_intent", 400);
    charge = paymentIntent.latest_charge ? ctx.store.state.charges[paymentIntent.latest_charge] : undefined;
    if (paymentIntent.status !== "succeeded" || !charge) {
      throw invalidRequest(`This PaymentIntent (${paymentIntent.id}) does not have a successful charge to refund.`, {
        param: "payment_intent",
      });
    }
    if (chargeId && chargeId !== charge.id) {
      throw invalidRequest(`The charge ${chargeId} does not belong to the PaymentIntent ${paymentIntent.id}.`, { param: "charge" });
    }
  } else if (chargeId) {
    charge = ctx.store.state.charges[chargeId];
    if (!charge) throw resourceMissing("charge", chargeId, "charge", 400);
    if (charge.status !== "succeeded" || !charge.captured) {
      throw invalidRequest(`Charge ${charge.id} has not been captured; cancel its PaymentIntent instead.`, { param: "charge" });
    }
  }
  if (!charge) throw resourceMissing("charge", chargeId ?? "", "charge", 400);
  const refundable = charge.amount_captured - refundedByRefunds(ctx, charge.id);
  if (refundable <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded", replayable: true });
  }
  const amount = readInteger(params, "amount") ?? refundable;
  if (amount < 1) throw invalidRequest("Invalid positive integer", { param: "amount", code: "parameter_invalid_integer" });
  if (amount > refundable) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(refundable, charge.currency)})`,
      { code: "amount_too_large", param: "amount", replayable: true },
    );
  }
  const refund: Refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
    metadata: mergeMetadata({}, params),
    payment_intent: charge.payment_intent,
    reason: readString(params, "reason") ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  ctx.store.state.refunds[refund.id] = refund;
  charge.amount_refunded += amount;
  charge.refunded = refundable - amount === 0;
  ctx.emit("refund.created", refund);
  ctx.emit("charge.refunded", charge);
  return refund;
}

/**
 * Test control (not Stripe's API): the PaymentIntent is confirmed with `paymentMethodId` and the payment is left
 * `processing`, as an asynchronous payment method's is while the bank has not answered (Stripe emits
 * `payment_intent.processing`). `settleProcessing` then gives the bank's answer.
 */
export function startProcessing(ctx: DoubleContext, id: string, paymentMethodId: string): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, id);
  if (!CONFIRMABLE_STATUSES.includes(paymentIntent.status)) {
    throw unexpectedState(`This PaymentIntent cannot start processing from status ${paymentIntent.status}.`, snapshot(paymentIntent));
  }
  const paymentMethod = resolvePaymentMethod(ctx, paymentMethodId);
  paymentIntent.payment_method = paymentMethod.id;
  paymentIntent.last_payment_error = null;
  paymentIntent.next_action = null;
  paymentIntent.status = "processing";
  ctx.emit("payment_intent.processing", paymentIntent);
  return paymentIntent;
}

/** Test control: the bank's answer for a `processing` PaymentIntent — paid (authorized or captured) or failed. */
export function settleProcessing(ctx: DoubleContext, id: string, outcome: "succeeded" | "failed"): PaymentIntent {
  const paymentIntent = requirePaymentIntent(ctx, id);
  const paymentMethod = paymentIntent.payment_method ? ctx.store.state.payment_methods[paymentIntent.payment_method] : undefined;
  if (paymentIntent.status !== "processing" || !paymentMethod) {
    throw unexpectedState(`This PaymentIntent is not processing (status ${paymentIntent.status}).`, snapshot(paymentIntent));
  }
  if (outcome === "succeeded") return authorize(ctx, paymentIntent, paymentMethod);
  paymentIntent.status = "requires_payment_method";
  paymentIntent.payment_method = null;
  paymentIntent.last_payment_error = {
    type: "card_error",
    code: "payment_intent_payment_attempt_failed",
    message: "The latest payment attempt of this PaymentIntent has failed or been canceled.",
    doc_url: docUrl("payment_intent_payment_attempt_failed"),
    payment_method: snapshot(paymentMethod),
  };
  ctx.emit("payment_intent.payment_failed", paymentIntent);
  return paymentIntent;
}
