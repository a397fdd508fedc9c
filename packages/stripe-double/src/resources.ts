/**
 * PaymentMethods, Customers and SetupIntents: the objects around a PaymentIntent that Medusa's provider
 * and Stripe.js touch.
 */
import {
  cardBrand,
  cardOutcome,
  checkCardDetails,
  normalizeCardNumber,
  PAYMENT_METHOD_SHORTCUTS,
  testCard,
} from "./cards";
import { docUrl, invalidRequest, resourceMissing, StripeApiError, type StripeErrorBody } from "./errors";
import { renderKey, type FormObject } from "./form";
import { previousAttributes } from "./previous-attributes";
import { mergeMetadata, readObject, readOptionalString, readString, readStrings, toJson } from "./params";
import {
  newId,
  nowSeconds,
  randomToken,
  type BillingDetails,
  type CardWallet,
  type Customer,
  type JsonObject,
  type JsonValue,
  type PaymentMethod,
  type SetupIntent,
  type Store,
} from "./store";

export interface DoubleContext {
  store: Store;
  /**
   * Records a Stripe event (and queues its webhooks) with a snapshot of the object as it is now; `*.updated`
   * events also carry the changed fields' earlier values (see previousAttributes).
   */
  emit: (type: string, object: object, previousAttributes?: JsonObject) => void;
}

export type KeyKind = "secret" | "publishable";

export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function billingDetails(params: FormObject | undefined): BillingDetails {
  const address = params ? readObject(params, "address") : undefined;
  const field = (source: FormObject | undefined, name: string): string | null =>
    (source ? readOptionalString(source, name) : undefined) ?? null;
  return {
    address: {
      city: field(address, "city"),
      country: field(address, "country"),
      line1: field(address, "line1"),
      line2: field(address, "line2"),
      postal_code: field(address, "postal_code"),
      state: field(address, "state"),
    },
    email: field(params, "email"),
    name: field(params, "name"),
    phone: field(params, "phone"),
  };
}

function cardError(body: Omit<StripeErrorBody, "type" | "doc_url"> & { code: string }, replayable = false): StripeApiError {
  return new StripeApiError(402, { type: "card_error", doc_url: docUrl(body.code), ...body }, { replayable });
}

function mintPaymentMethod(
  ctx: DoubleContext,
  number: string,
  expMonth: number,
  expYear: number,
  billing: BillingDetails,
  metadata: Record<string, string>,
  cvcChecked: boolean,
  wallet: CardWallet | null = null,
): PaymentMethod {
  const brand = cardBrand(number);
  const known = testCard(number);
  const paymentMethod: PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billing,
    card: {
      brand,
      checks: {
        address_line1_check: billing.address.line1 ? "pass" : null,
        address_postal_code_check: billing.address.postal_code ? "pass" : null,
        cvc_check: cvcChecked ? "pass" : null,
      },
      country: known?.country ?? "US",
      display_brand: brand,
      exp_month: expMonth,
      exp_year: expYear < 100 ? 2000 + expYear : expYear,
      // Stripe's fingerprint is stable per card number within an account.
      fingerprint: Buffer.from(number).toString("base64").replace(/[^A-Za-z0-9]/g, "").slice(-16),
      funding: known?.funding ?? "credit",
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet,
    },
    created: nowSeconds(),
    customer: null,
    livemode: false,
    metadata,
    type: "card",
  };
  ctx.store.state.payment_methods[paymentMethod.id] = paymentMethod;
  ctx.store.state.card_numbers[paymentMethod.id] = number;
  return paymentMethod;
}

/** A test PaymentMethod for a `pm_card_*` shortcut: Stripe mints a fresh PaymentMethod per use. */
function mintFromShortcut(ctx: DoubleContext, shortcut: string): PaymentMethod | undefined {
  const number = Object.hasOwn(PAYMENT_METHOD_SHORTCUTS, shortcut) ? PAYMENT_METHOD_SHORTCUTS[shortcut] : undefined;
  if (!number) return undefined;
  const nextYear = new Date().getUTCFullYear() + 1;
  return mintPaymentMethod(ctx, number, 12, nextYear, billingDetails(undefined), {}, false);
}

/** Resolves a `payment_method` parameter: an existing PaymentMethod id or a `pm_card_*` shortcut. */
export function resolvePaymentMethod(ctx: DoubleContext, id: string, param = "payment_method"): PaymentMethod {
  const existing = ctx.store.state.payment_methods[id];
  if (existing && ctx.store.state.detached_payment_methods.includes(id)) {
    throw invalidRequest(
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
      { param },
    );
  }
  if (existing) return existing;
  const minted = mintFromShortcut(ctx, id);
  if (minted) return minted;
  throw resourceMissing("PaymentMethod", id, param, 400);
}

export function cardNumberOf(ctx: DoubleContext, paymentMethod: PaymentMethod): string {
  return ctx.store.state.card_numbers[paymentMethod.id] ?? "4242424242424242";
}

export function outcomeFor(ctx: DoubleContext, paymentMethod: PaymentMethod): ReturnType<typeof cardOutcome> {
  return cardOutcome(cardNumberOf(ctx, paymentMethod));
}

/**
 * Creates a card PaymentMethod from `type=card&card[...]` (POST /v1/payment_methods, or
 * `payment_method_data` on confirm). Raw card numbers are only accepted from publishable keys, as in
 * Stripe, where a secret key needs special approval to send them.
 */
export function createPaymentMethod(
  ctx: DoubleContext,
  params: FormObject,
  keyKind: KeyKind,
  prefixPath: readonly string[] = [],
): PaymentMethod {
  const name = (...segments: string[]): string => renderKey([...prefixPath, ...segments]);
  const type = readString(params, "type");
  if (!type) throw invalidRequest(`Missing required param: ${name("type")}.`, { code: "parameter_missing", param: name("type") });
  if (type !== "card") {
    throw invalidRequest(
      `The payment method type "${type}" is not implemented by the Stripe double (only "card").`,
      { param: name("type"), code: "payment_method_invalid_parameter" },
    );
  }
  const card = readObject(params, "card");
  if (!card) throw invalidRequest(`Missing required param: ${name("card")}.`, { code: "parameter_missing", param: name("card") });
  const billing = billingDetails(readObject(params, "billing_details"));
  const metadata = mergeMetadata({}, params);
  const token = readString(card, "token");
  if (token !== undefined) {
    if (readString(card, "number") !== undefined) {
      throw invalidRequest(`Received both ${name("card", "token")} and ${name("card", "number")} parameters. Please pass in only one.`, {
        param: name("card", "number"),
      });
    }
    return paymentMethodFromToken(ctx, token, readObject(params, "billing_details"), metadata, name("card", "token"));
  }
  for (const required of ["number", "exp_month", "exp_year"]) {
    if (readString(card, required) === undefined) {
      throw invalidRequest(`Missing required param: ${name("card", required)}.`, {
        code: "parameter_missing",
        param: name("card", required),
      });
    }
  }
  if (keyKind === "secret") {
    throw invalidRequest(
      "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.",
      { param: name("card", "number") },
    );
  }
  const number = normalizeCardNumber(readString(card, "number") ?? "");
  const expMonth = Number(readString(card, "exp_month"));
  const expYear = Number(readString(card, "exp_year"));
  const cvc = readString(card, "cvc");
  const problem = checkCardDetails({ number, expMonth, expYear, cvc }, new Date());
  if (problem) throw cardError({ code: problem.code, message: problem.message, param: problem.param });
  const paymentMethod = mintPaymentMethod(ctx, number, expMonth, expYear, billing, metadata, cvc !== undefined && cvc !== "");
  const redisplay = readString(params, "allow_redisplay");
  if (redisplay) paymentMethod.allow_redisplay = redisplay;
  return paymentMethod;
}

/**
 * `type=card&card[token]=tok_…`: the PaymentMethod Stripe.js makes from a wallet's token. The token is used up;
 * the billing details Stripe.js sends win over the name and address the token carries.
 */
function paymentMethodFromToken(
  ctx: DoubleContext,
  tokenId: string,
  billingParams: FormObject | undefined,
  metadata: Record<string, string>,
  param: string,
): PaymentMethod {
  const token = ctx.store.state.tokens[tokenId];
  const number = ctx.store.state.card_numbers[tokenId];
  if (!token || !number) throw invalidRequest(`No such token: '${tokenId}'`, { code: "resource_missing", param });
  if (token.used) {
    throw invalidRequest(`You cannot use a Stripe token more than once: ${tokenId}.`, { code: "token_already_used", param });
  }
  const fromToken = billingDetails(undefined);
  fromToken.name = token.card.name;
  fromToken.address = {
    city: token.card.address_city,
    country: token.card.address_country,
    line1: token.card.address_line1,
    line2: token.card.address_line2,
    postal_code: token.card.address_zip,
    state: token.card.address_state,
  };
  const given = billingParams ? billingDetails(billingParams) : undefined;
  const billing: BillingDetails = given
    ? {
        address: billingParams && readObject(billingParams, "address") ? given.address : fromToken.address,
        email: given.email,
        name: given.name ?? fromToken.name,
        phone: given.phone,
      }
    : fromToken;
  token.used = true;
  const wallet: CardWallet = { dynamic_last4: token.card.dynamic_last4, google_pay: {}, type: "google_pay" };
  return mintPaymentMethod(ctx, number, token.card.exp_month, token.card.exp_year, billing, metadata, false, wallet);
}

export function retrievePaymentMethod(ctx: DoubleContext, id: string): PaymentMethod {
  const existing = ctx.store.state.payment_methods[id];
  if (existing) return existing;
  const minted = mintFromShortcut(ctx, id);
  if (minted) return minted;
  throw resourceMissing("PaymentMethod", id);
}

export function requireCustomer(ctx: DoubleContext, id: string, param = "customer", status = 400): Customer {
  const customer = ctx.store.state.customers[id];
  if (!customer) throw resourceMissing("customer", id, param, status);
  return customer;
}

export function attachPaymentMethod(ctx: DoubleContext, paymentMethod: PaymentMethod, customerId: string): PaymentMethod {
  requireCustomer(ctx, customerId);
  if (paymentMethod.customer && paymentMethod.customer !== customerId) {
    throw invalidRequest(
      "The payment method you provided has already been attached to a customer.",
      { code: "payment_method_unexpected_state", param: "payment_method" },
    );
  }
  if (paymentMethod.customer !== customerId) {
    paymentMethod.customer = customerId;
    ctx.emit("payment_method.attached", paymentMethod);
  }
  return paymentMethod;
}

export function detachPaymentMethod(ctx: DoubleContext, id: string): PaymentMethod {
  const paymentMethod = ctx.store.state.payment_methods[id];
  if (!paymentMethod) throw resourceMissing("PaymentMethod", id);
  if (!paymentMethod.customer) {
    throw invalidRequest(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      { code: "payment_method_unexpected_state" },
    );
  }
  paymentMethod.customer = null;
  ctx.store.state.detached_payment_methods.push(paymentMethod.id);
  ctx.emit("payment_method.detached", paymentMethod);
  return paymentMethod;
}

/**
 * A customer's saved PaymentMethod pays only that customer's PaymentIntents: Stripe refuses it on a PaymentIntent
 * without that customer. (The refusal is Stripe's; the wording is the double's.)
 */
export function checkPaymentMethodCustomer(paymentMethod: PaymentMethod, customerId: string | null, param = "payment_method"): void {
  if (!paymentMethod.customer || paymentMethod.customer === customerId) return;
  throw invalidRequest(
    customerId
      ? `The provided PaymentMethod belongs to another Customer than this PaymentIntent's (${customerId}). A saved PaymentMethod can only pay for its own Customer's PaymentIntents.`
      : "The provided PaymentMethod belongs to a Customer, but you did not provide the Customer. Please provide the Customer that the PaymentMethod belongs to as the `customer` parameter.",
    { param },
  );
}

function addressParam(params: FormObject, name: string): JsonValue | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === "") return null;
  return toJson(value) as JsonValue;
}

function applyCustomerParams(customer: Customer, params: FormObject): void {
  const description = readOptionalString(params, "description");
  if (description !== undefined) customer.description = description;
  const email = readOptionalString(params, "email");
  if (email !== undefined) customer.email = email;
  const name = readOptionalString(params, "name");
  if (name !== undefined) customer.name = name;
  const phone = readOptionalString(params, "phone");
  if (phone !== undefined) customer.phone = phone;
  const address = addressParam(params, "address");
  if (address !== undefined) customer.address = address;
  const shipping = addressParam(params, "shipping");
  if (shipping !== undefined) customer.shipping = shipping;
  const locales = readStrings(params, "preferred_locales");
  if (locales) customer.preferred_locales = locales;
  const invoiceSettings = readObject(params, "invoice_settings");
  if (invoiceSettings) customer.invoice_settings = { ...customer.invoice_settings, ...(toJson(invoiceSettings) as JsonObject) };
  customer.metadata = mergeMetadata(customer.metadata, params);
}

export function createCustomer(ctx: DoubleContext, params: FormObject): Customer {
  const customer: Customer = {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  applyCustomerParams(customer, params);
  ctx.store.state.customers[customer.id] = customer;
  ctx.emit("customer.created", customer);
  const paymentMethodId = readString(params, "payment_method");
  if (paymentMethodId) attachPaymentMethod(ctx, resolvePaymentMethod(ctx, paymentMethodId), customer.id);
  return customer;
}

export function retrieveCustomer(ctx: DoubleContext, id: string): Customer | { id: string; object: "customer"; deleted: true } {
  if (ctx.store.state.deleted_customers.includes(id)) return { id, object: "customer", deleted: true };
  return requireCustomer(ctx, id, "id", 404);
}

export function updateCustomer(ctx: DoubleContext, id: string, params: FormObject): Customer {
  const customer = requireCustomer(ctx, id, "id", 404);
  const before = snapshot(customer);
  applyCustomerParams(customer, params);
  const changed = previousAttributes(before, customer);
  if (changed) ctx.emit("customer.updated", customer, changed);
  return customer;
}

/** `POST /v1/payment_methods/:id`: billing details (merged field by field, as at Stripe), metadata, allow_redisplay. */
export function updatePaymentMethod(ctx: DoubleContext, id: string, params: FormObject): PaymentMethod {
  const paymentMethod = retrievePaymentMethod(ctx, id);
  const before = snapshot(paymentMethod);
  const billing = readObject(params, "billing_details");
  if (billing) {
    const given = billingDetails(billing);
    const current = paymentMethod.billing_details;
    const address = readObject(billing, "address");
    paymentMethod.billing_details = {
      address: address
        ? Object.fromEntries(Object.entries(current.address).map(([key, value]) =>
            [key, address[key] === undefined ? value : given.address[key as keyof BillingDetails["address"]]])) as BillingDetails["address"]
        : current.address,
      email: billing["email"] === undefined ? current.email : given.email,
      name: billing["name"] === undefined ? current.name : given.name,
      phone: billing["phone"] === undefined ? current.phone : given.phone,
    };
  }
  paymentMethod.metadata = mergeMetadata(paymentMethod.metadata, params);
  const redisplay = readString(params, "allow_redisplay");
  if (redisplay) paymentMethod.allow_redisplay = redisplay;
  const changed = previousAttributes(before, paymentMethod);
  if (changed) ctx.emit("payment_method.updated", paymentMethod, changed);
  return paymentMethod;
}

export function deleteCustomer(ctx: DoubleContext, id: string): { id: string; object: "customer"; deleted: true } {
  const customer = requireCustomer(ctx, id, "id", 404);
  delete ctx.store.state.customers[id];
  ctx.store.state.deleted_customers.push(id);
  for (const paymentMethod of Object.values(ctx.store.state.payment_methods)) {
    if (paymentMethod.customer === id) {
      paymentMethod.customer = null;
      ctx.store.state.detached_payment_methods.push(paymentMethod.id);
    }
  }
  ctx.emit("customer.deleted", customer);
  return { id, object: "customer", deleted: true };
}

export function customerPaymentMethods(ctx: DoubleContext, customerId: string): PaymentMethod[] {
  requireCustomer(ctx, customerId, "customer", 404);
  return Object.values(ctx.store.state.payment_methods).filter((paymentMethod) => paymentMethod.customer === customerId);
}

// SetupIntents: enough for Medusa's "save payment method" (create, retrieve, confirm, cancel).

export function createSetupIntent(ctx: DoubleContext, params: FormObject): SetupIntent {
  const customerId = readString(params, "customer");
  if (customerId) requireCustomer(ctx, customerId);
  const automatic = readObject(params, "automatic_payment_methods");
  const id = newId("seti");
  const setupIntent: SetupIntent = {
    id,
    object: "setup_intent",
    application: null,
    automatic_payment_methods:
      automatic && readString(automatic, "enabled") === "true"
        ? { allow_redirects: readString(automatic, "allow_redirects") ?? "always", enabled: true }
        : null,
    cancellation_reason: null,
    client_secret: `${id}_secret_${randomToken(25)}`,
    created: nowSeconds(),
    customer: customerId ?? null,
    description: readOptionalString(params, "description") ?? null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: mergeMetadata({}, params),
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: readStrings(params, "payment_method_types") ?? ["card"],
    single_use_mandate: null,
    status: "requires_payment_method",
    usage: readString(params, "usage") ?? "off_session",
  };
  const paymentMethodId = readString(params, "payment_method");
  if (paymentMethodId) {
    setupIntent.payment_method = resolvePaymentMethod(ctx, paymentMethodId).id;
    setupIntent.status = "requires_confirmation";
  }
  ctx.store.state.setup_intents[id] = setupIntent;
  ctx.emit("setup_intent.created", setupIntent);
  return setupIntent;
}

export function requireSetupIntent(ctx: DoubleContext, id: string): SetupIntent {
  const setupIntent = ctx.store.state.setup_intents[id];
  if (!setupIntent) throw resourceMissing("setupintent", id);
  return setupIntent;
}

export function confirmSetupIntent(
  ctx: DoubleContext,
  setupIntent: SetupIntent,
  params: FormObject,
  keyKind: KeyKind,
): SetupIntent {
  if (setupIntent.status !== "requires_payment_method" && setupIntent.status !== "requires_confirmation") {
    throw invalidRequest(
      `You cannot confirm this SetupIntent because it has a status of ${setupIntent.status}. Only a SetupIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.`,
      { code: "setup_intent_unexpected_state" },
    );
  }
  const data = readObject(params, "payment_method_data");
  const paymentMethodId = readString(params, "payment_method");
  const paymentMethod = data
    ? createPaymentMethod(ctx, data, keyKind, ["payment_method_data"])
    : paymentMethodId
      ? resolvePaymentMethod(ctx, paymentMethodId)
      : setupIntent.payment_method
        ? ctx.store.state.payment_methods[setupIntent.payment_method]
        : undefined;
  if (!paymentMethod) {
    throw invalidRequest(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      { code: "setup_intent_unexpected_state" },
    );
  }
  const outcome = outcomeFor(ctx, paymentMethod);
  if (outcome.kind === "declined") {
    setupIntent.status = "requires_payment_method";
    setupIntent.payment_method = null;
    setupIntent.last_setup_error = {
      type: "card_error",
      code: outcome.decline.code,
      ...(outcome.decline.declineCode ? { decline_code: outcome.decline.declineCode } : {}),
      message: outcome.decline.message,
      doc_url: docUrl(outcome.decline.code),
      payment_method: snapshot(paymentMethod),
    };
    ctx.emit("setup_intent.setup_failed", setupIntent);
    throw cardError(
      {
        code: outcome.decline.code,
        ...(outcome.decline.declineCode ? { decline_code: outcome.decline.declineCode } : {}),
        message: outcome.decline.message,
        setup_intent: snapshot(setupIntent),
        payment_method: snapshot(paymentMethod),
      },
      true,
    );
  }
  setupIntent.payment_method = paymentMethod.id;
  setupIntent.status = "succeeded";
  setupIntent.last_setup_error = null;
  if (setupIntent.customer) attachPaymentMethod(ctx, paymentMethod, setupIntent.customer);
  ctx.emit("setup_intent.succeeded", setupIntent);
  return setupIntent;
}

export function cancelSetupIntent(ctx: DoubleContext, setupIntent: SetupIntent, reason: string | undefined): SetupIntent {
  if (setupIntent.status === "succeeded" || setupIntent.status === "canceled") {
    throw invalidRequest(
      `You cannot cancel this SetupIntent because it has a status of ${setupIntent.status}. Only a SetupIntent with one of the following statuses may be canceled: requires_payment_method, requires_confirmation, requires_action.`,
      { code: "setup_intent_unexpected_state" },
    );
  }
  setupIntent.status = "canceled";
  setupIntent.cancellation_reason = reason ?? null;
  ctx.emit("setup_intent.canceled", setupIntent);
  return setupIntent;
}
