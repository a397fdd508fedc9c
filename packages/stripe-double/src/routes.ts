/**
 * Stripe's API routes as the double implements them: which key each accepts, which parameters (anything
 * else is `parameter_unknown`), and what it does. Kept in step with the README's "API implemented" table.
 */
import { invalidRequest, resourceMissing, StripeApiError } from "./errors";
import type { FormObject } from "./form";
import { fields, oneOf, readInteger, readString, type ParamSpec, type ParamSpecs } from "./params";
import {
  cancelPaymentIntent,
  capturePaymentIntent,
  checkClientSecret,
  confirmPaymentIntent,
  createPaymentIntent,
  createRefund,
  getCharge,
  getPaymentIntent,
  getRefund,
  publishableView,
  updatePaymentIntent,
  type PublicUrls,
} from "./payment-intents";
import {
  attachPaymentMethod,
  cancelSetupIntent,
  confirmSetupIntent,
  createCustomer,
  createPaymentMethod,
  createSetupIntent,
  customerPaymentMethods,
  deleteCustomer,
  detachPaymentMethod,
  requireSetupIntent,
  retrieveCustomer,
  retrievePaymentMethod,
  snapshot,
  updateCustomer,
  updatePaymentMethod,
  type DoubleContext,
  type KeyKind,
} from "./resources";
import { createCustomerSession, detachWithCustomerSession, elementsSession } from "./customer-sessions";
import { searchPaymentIntents } from "./search";
import type { JsonObject, JsonValue } from "./store";

export interface Auth {
  kind: KeyKind;
  key: string;
}

export interface RouteContext {
  model: DoubleContext;
  auth: Auth;
  params: FormObject;
  pathParams: string[];
  urls: PublicUrls;
  expand: string[];
  url: string;
  /** The request's `Stripe-Version` (or the double's default). */
  apiVersion: string;
}

export type RouteResult = object;

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  /** `any` routes also take a publishable key (with a client_secret where Stripe asks for one). */
  access: "secret" | "any";
  params: ParamSpecs;
  handle: (context: RouteContext) => RouteResult;
}

// Parameter shapes shared by several routes.

const ADDRESS = fields({
  city: "string", country: "string", line1: "string", line2: "string", postal_code: "string", state: "string",
});
const SHIPPING = fields({ address: ADDRESS, name: "string", phone: "string", carrier: "string", tracking_number: "string" });
const BILLING_DETAILS = fields({ address: ADDRESS, email: "string", name: "string", phone: "string" });
const PAYMENT_METHOD_DATA = fields({
  type: "string",
  card: fields({ number: "string", exp_month: "string", exp_year: "string", cvc: "string", token: "string" }),
  billing_details: BILLING_DETAILS,
  metadata: "metadata",
  allow_redisplay: oneOf("always", "limited", "unspecified"),
});
const AUTOMATIC_PAYMENT_METHODS = fields({ enabled: "boolean", allow_redirects: oneOf("always", "never") });
const SETUP_FUTURE_USAGE: ParamSpec = oneOf("off_session", "on_session", "");
/** The card options the double applies (payment-intents.ts); any other payment method option is refused. */
const PAYMENT_METHOD_OPTIONS = fields({ card: fields({ capture_method: "string", request_three_d_secure: "string" }) });
const CREATED_FILTER: ParamSpec = fields({ gt: "integer", gte: "integer", lt: "integer", lte: "integer" });
const LIST_PARAMS: ParamSpecs = { limit: "integer", starting_after: "string", ending_before: "string", created: CREATED_FILTER };

const PAYMENT_INTENT_CREATE: ParamSpecs = {
  amount: "integer",
  currency: "string",
  capture_method: oneOf("automatic", "automatic_async", "manual"),
  confirmation_method: oneOf("automatic", "manual"),
  confirm: "boolean",
  payment_method: "string",
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_types: "strings",
  payment_method_options: PAYMENT_METHOD_OPTIONS,
  payment_method_configuration: "string",
  automatic_payment_methods: AUTOMATIC_PAYMENT_METHODS,
  customer: "string",
  description: "string",
  metadata: "metadata",
  return_url: "string",
  setup_future_usage: SETUP_FUTURE_USAGE,
  statement_descriptor: "string",
  statement_descriptor_suffix: "string",
  receipt_email: "string",
  shipping: SHIPPING,
  off_session: "anything",
  use_stripe_sdk: "boolean",
  error_on_requires_action: "boolean",
};

const PAYMENT_INTENT_UPDATE: ParamSpecs = {
  amount: "integer",
  currency: "string",
  capture_method: oneOf("automatic", "automatic_async", "manual"),
  payment_method: "string",
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_types: "strings",
  payment_method_options: PAYMENT_METHOD_OPTIONS,
  payment_method_configuration: "string",
  automatic_payment_methods: AUTOMATIC_PAYMENT_METHODS,
  customer: "string",
  description: "string",
  metadata: "metadata",
  setup_future_usage: SETUP_FUTURE_USAGE,
  statement_descriptor: "string",
  statement_descriptor_suffix: "string",
  receipt_email: "string",
  shipping: SHIPPING,
};

const PAYMENT_INTENT_CONFIRM: ParamSpecs = {
  client_secret: "string",
  payment_method: "string",
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: PAYMENT_METHOD_OPTIONS,
  return_url: "string",
  use_stripe_sdk: "boolean",
  receipt_email: "string",
  setup_future_usage: SETUP_FUTURE_USAGE,
  shipping: SHIPPING,
  off_session: "anything",
  error_on_requires_action: "boolean",
  capture_method: oneOf("automatic", "automatic_async", "manual"),
};

const CUSTOMER_PARAMS: ParamSpecs = {
  address: ADDRESS,
  description: "string",
  email: "string",
  metadata: "metadata",
  name: "string",
  phone: "string",
  shipping: SHIPPING,
  preferred_locales: "strings",
  invoice_settings: "anything",
};

const SETUP_INTENT_CREATE: ParamSpecs = {
  customer: "string",
  description: "string",
  metadata: "metadata",
  payment_method: "string",
  payment_method_types: "strings",
  payment_method_configuration: "string",
  automatic_payment_methods: AUTOMATIC_PAYMENT_METHODS,
  usage: oneOf("off_session", "on_session"),
  confirm: "boolean",
  return_url: "string",
  use_stripe_sdk: "boolean",
};

// Expansion: replaces an id with the object it names, as `expand[]=payment_method` does.

const COLLECTIONS: readonly [string, (model: DoubleContext, id: string) => object | undefined][] = [
  ["pi_", (m, id) => m.store.state.payment_intents[id]],
  ["pm_", (m, id) => m.store.state.payment_methods[id]],
  ["ch_", (m, id) => m.store.state.charges[id]],
  ["re_", (m, id) => m.store.state.refunds[id]],
  ["cus_", (m, id) => m.store.state.customers[id]],
  ["seti_", (m, id) => m.store.state.setup_intents[id]],
];

function lookup(model: DoubleContext, id: string): object | undefined {
  const entry = COLLECTIONS.find(([prefix]) => id.startsWith(prefix));
  return entry ? entry[1](model, id) : undefined;
}

function expandPath(model: DoubleContext, target: JsonObject, path: string[], fullPath: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === "data" && Array.isArray(target["data"]) && rest.length > 0) {
    for (const item of target["data"]) {
      if (item && typeof item === "object" && !Array.isArray(item)) expandPath(model, item, rest, fullPath);
    }
    return;
  }
  if (!(head in target)) throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: "expand" });
  let value = target[head];
  if (typeof value === "string") {
    const found = lookup(model, value);
    if (!found) throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: "expand" });
    value = snapshot(found) as JsonValue;
    target[head] = value;
  } else if (value !== null && (typeof value !== "object" || Array.isArray(value))) {
    throw invalidRequest(`This property cannot be expanded (${fullPath}).`, { param: "expand" });
  }
  if (value && typeof value === "object" && !Array.isArray(value) && rest.length > 0) expandPath(model, value, rest, fullPath);
}

function respond(context: RouteContext, object: object): JsonObject {
  const copy = snapshot(object) as JsonObject;
  for (const path of context.expand) expandPath(context.model, copy, path.split("."), path);
  return copy;
}

function list<T extends { id: string; created: number }>(context: RouteContext, items: T[]): JsonObject {
  const limit = readInteger(context.params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("This value must be greater than or equal to 1 and less than or equal to 100.", { param: "limit" });
  }
  // Newest first; ids break ties so that pagination is stable within one second.
  const ordered = [...items].reverse();
  const created = context.params["created"];
  const filtered = ordered.filter((item) => {
    if (!created || typeof created !== "object" || Array.isArray(created)) return true;
    const bound = (name: string): number | undefined => readInteger(created, name);
    const gt = bound("gt");
    const gte = bound("gte");
    const lt = bound("lt");
    const lte = bound("lte");
    return (gt === undefined || item.created > gt) && (gte === undefined || item.created >= gte) &&
      (lt === undefined || item.created < lt) && (lte === undefined || item.created <= lte);
  });
  let start = 0;
  let end = filtered.length;
  const after = readString(context.params, "starting_after");
  const before = readString(context.params, "ending_before");
  if (after) {
    const index = filtered.findIndex((item) => item.id === after);
    if (index === -1) throw resourceMissing("object", after, "starting_after", 400);
    start = index + 1;
  } else if (before) {
    const index = filtered.findIndex((item) => item.id === before);
    if (index === -1) throw resourceMissing("object", before, "ending_before", 400);
    end = index;
    start = Math.max(0, end - limit);
  }
  const page = filtered.slice(start, Math.min(end, start + limit));
  const hasMore = before ? start > 0 : start + limit < end;
  return respond(context, { object: "list", data: page, has_more: hasMore, url: context.url });
}

function requirePaymentIntentAccess(context: RouteContext) {
  const paymentIntent = getPaymentIntent(context.model, context.pathParams[0] ?? "");
  const clientSecret = readString(context.params, "client_secret");
  if (context.auth.kind === "publishable") checkClientSecret(paymentIntent, clientSecret);
  else if (clientSecret !== undefined) checkClientSecret(paymentIntent, clientSecret);
  return paymentIntent;
}

function paymentIntentResponse(context: RouteContext, paymentIntent: object & { id: string }): JsonObject {
  if (context.auth.kind === "publishable") {
    const stored = getPaymentIntent(context.model, paymentIntent.id);
    return respond(context, publishableView(stored));
  }
  return respond(context, paymentIntent);
}

// `search` is never an id: `GET …/search` is Stripe's search endpoint, implemented or unrecognized.
const ID = "((?!search/?$)[^/]+)";
const path = (template: string): RegExp => new RegExp(`^${template.replace(/:id/g, ID)}/?$`);

export const routes: readonly Route[] = [
  // PaymentIntents
  {
    method: "POST", pattern: path("/v1/payment_intents"), access: "secret", params: PAYMENT_INTENT_CREATE,
    handle: (c) => respond(c, createPaymentIntent(c.model, c.params, c.urls, c.apiVersion)),
  },
  {
    method: "GET", pattern: path("/v1/payment_intents"), access: "secret", params: { ...LIST_PARAMS, customer: "string" },
    handle: (c) => {
      const customer = readString(c.params, "customer");
      return list(c, Object.values(c.model.store.state.payment_intents).filter((pi) => !customer || pi.customer === customer));
    },
  },
  {
    method: "GET", pattern: path("/v1/payment_intents/search"), access: "secret", params: { query: "string", limit: "integer", page: "string" },
    handle: (c) => respond(c, searchPaymentIntents(c.model, c.params, c.url)),
  },
  {
    method: "GET", pattern: path("/v1/payment_intents/:id"), access: "any", params: { client_secret: "string" },
    handle: (c) => paymentIntentResponse(c, requirePaymentIntentAccess(c)),
  },
  {
    method: "POST", pattern: path("/v1/payment_intents/:id"), access: "secret", params: PAYMENT_INTENT_UPDATE,
    handle: (c) => respond(c, updatePaymentIntent(c.model, c.pathParams[0] ?? "", c.params)),
  },
  {
    method: "POST", pattern: path("/v1/payment_intents/:id/confirm"), access: "any", params: PAYMENT_INTENT_CONFIRM,
    handle: (c) => {
      const paymentIntent = requirePaymentIntentAccess(c);
      const offSession = c.params["off_session"] !== undefined && c.params["off_session"] !== "false";
      try {
        const confirmed = confirmPaymentIntent(c.model, paymentIntent, c.params, {
          returnUrl: readString(c.params, "return_url") || undefined,
          useStripeSdk: readString(c.params, "use_stripe_sdk") === "true",
          offSession,
          keyKind: c.auth.kind,
          urls: c.urls,
        });
        return paymentIntentResponse(c, confirmed);
      } catch (error) {
        // A decline seen through a publishable key carries the same restricted PaymentIntent view.
        if (error instanceof StripeApiError && error.body.payment_intent && c.auth.kind === "publishable") {
          error.body.payment_intent = publishableView(getPaymentIntent(c.model, paymentIntent.id));
        }
        throw error;
      }
    },
  },
  {
    method: "POST", pattern: path("/v1/payment_intents/:id/capture"), access: "secret",
    params: { amount_to_capture: "integer", metadata: "metadata", final_capture: "boolean", statement_descriptor: "string", statement_descriptor_suffix: "string" },
    handle: (c) => respond(c, capturePaymentIntent(c.model, c.pathParams[0] ?? "", c.params)),
  },
  {
    method: "POST", pattern: path("/v1/payment_intents/:id/cancel"), access: "secret",
    params: { cancellation_reason: oneOf("duplicate", "fraudulent", "requested_by_customer", "abandoned") },
    handle: (c) => respond(c, cancelPaymentIntent(c.model, c.pathParams[0] ?? "", c.params)),
  },

  // PaymentMethods
  {
    method: "POST", pattern: path("/v1/payment_methods"), access: "any",
    params: { type: "string", card: fields({ number: "string", exp_month: "string", exp_year: "string", cvc: "string", token: "string" }), billing_details: BILLING_DETAILS, metadata: "metadata", allow_redisplay: oneOf("always", "limited", "unspecified") },
    handle: (c) => {
      const paymentMethod = createPaymentMethod(c.model, c.params, c.auth.kind);
      return respond(c, paymentMethod);
    },
  },
  {
    method: "GET", pattern: path("/v1/payment_methods"), access: "secret", params: { ...LIST_PARAMS, customer: "string", type: "string" },
    handle: (c) => {
      const customer = readString(c.params, "customer");
      const type = readString(c.params, "type");
      return list(c, Object.values(c.model.store.state.payment_methods).filter(
        (pm) => (!customer || pm.customer === customer) && (!type || pm.type === type),
      ));
    },
  },
  {
    method: "GET", pattern: path("/v1/payment_methods/:id"), access: "secret", params: {},
    handle: (c) => respond(c, retrievePaymentMethod(c.model, c.pathParams[0] ?? "")),
  },
  {
    method: "POST", pattern: path("/v1/payment_methods/:id"), access: "secret",
    params: { billing_details: BILLING_DETAILS, metadata: "metadata", allow_redisplay: oneOf("always", "limited", "unspecified") },
    handle: (c) => respond(c, updatePaymentMethod(c.model, c.pathParams[0] ?? "", c.params)),
  },
  {
    method: "POST", pattern: path("/v1/payment_methods/:id/attach"), access: "secret", params: { customer: "string" },
    handle: (c) => {
      const customer = readString(c.params, "customer");
      if (!customer) throw invalidRequest("Missing required param: customer.", { code: "parameter_missing", param: "customer" });
      return respond(c, attachPaymentMethod(c.model, retrievePaymentMethod(c.model, c.pathParams[0] ?? ""), customer));
    },
  },
  {
    method: "POST", pattern: path("/v1/payment_methods/:id/detach"), access: "secret", params: {},
    handle: (c) => respond(c, detachPaymentMethod(c.model, c.pathParams[0] ?? "")),
  },

  // Charges and refunds
  {
    method: "GET", pattern: path("/v1/charges"), access: "secret", params: { ...LIST_PARAMS, payment_intent: "string", customer: "string" },
    handle: (c) => {
      const paymentIntent = readString(c.params, "payment_intent");
      const customer = readString(c.params, "customer");
      return list(c, Object.values(c.model.store.state.charges).filter(
        (ch) => (!paymentIntent || ch.payment_intent === paymentIntent) && (!customer || ch.customer === customer),
      ));
    },
  },
  {
    method: "GET", pattern: path("/v1/charges/:id"), access: "secret", params: {},
    handle: (c) => respond(c, getCharge(c.model, c.pathParams[0] ?? "")),
  },
  {
    method: "POST", pattern: path("/v1/refunds"), access: "secret",
    params: { payment_intent: "string", charge: "string", amount: "integer", reason: oneOf("duplicate", "fraudulent", "requested_by_customer"), metadata: "metadata" },
    handle: (c) => respond(c, createRefund(c.model, c.params)),
  },
  {
    method: "GET", pattern: path("/v1/refunds"), access: "secret", params: { ...LIST_PARAMS, payment_intent: "string", charge: "string" },
    handle: (c) => {
      const paymentIntent = readString(c.params, "payment_intent");
      const charge = readString(c.params, "charge");
      return list(c, Object.values(c.model.store.state.refunds).filter(
        (re) => (!paymentIntent || re.payment_intent === paymentIntent) && (!charge || re.charge === charge),
      ));
    },
  },
  {
    method: "GET", pattern: path("/v1/refunds/:id"), access: "secret", params: {},
    handle: (c) => respond(c, getRefund(c.model, c.pathParams[0] ?? "")),
  },

  // Customers
  {
    method: "POST", pattern: path("/v1/customers"), access: "secret", params: { ...CUSTOMER_PARAMS, payment_method: "string" },
    handle: (c) => respond(c, createCustomer(c.model, c.params)),
  },
  {
    method: "GET", pattern: path("/v1/customers"), access: "secret", params: { ...LIST_PARAMS, email: "string" },
    handle: (c) => {
      const email = readString(c.params, "email");
      return list(c, Object.values(c.model.store.state.customers).filter((cus) => !email || cus.email === email));
    },
  },
  {
    method: "GET", pattern: path("/v1/customers/:id"), access: "secret", params: {},
    handle: (c) => respond(c, retrieveCustomer(c.model, c.pathParams[0] ?? "")),
  },
  {
    method: "POST", pattern: path("/v1/customers/:id"), access: "secret", params: CUSTOMER_PARAMS,
    handle: (c) => respond(c, updateCustomer(c.model, c.pathParams[0] ?? "", c.params)),
  },
  {
    method: "DELETE", pattern: path("/v1/customers/:id"), access: "secret", params: {},
    handle: (c) => deleteCustomer(c.model, c.pathParams[0] ?? ""),
  },
  {
    method: "GET", pattern: path("/v1/customers/:id/payment_methods"), access: "secret",
    params: { ...LIST_PARAMS, type: "string", allow_redisplay: oneOf("always", "limited", "unspecified") },
    handle: (c) => {
      const type = readString(c.params, "type");
      const paymentMethods = customerPaymentMethods(c.model, c.pathParams[0] ?? "").filter((pm) => !type || pm.type === type);
      return list(c, paymentMethods);
    },
  },

  // CustomerSessions, and the stand-ins for the requests Stripe.js makes with one (see customer-sessions.ts)
  {
    method: "POST", pattern: path("/v1/customer_sessions"), access: "secret",
    params: {
      customer: "string",
      components: fields({
        payment_element: fields({
          enabled: "boolean",
          features: fields({
            payment_method_allow_redisplay_filters: "strings",
            payment_method_redisplay: "string",
            payment_method_redisplay_limit: "integer",
            payment_method_remove: "string",
            payment_method_save: "string",
            payment_method_save_usage: "string",
          }),
        }),
        // Stripe's other components: known to Stripe, refused by the handler as not implemented.
        buy_button: "anything",
        pricing_table: "anything",
      }),
    },
    handle: (c) => respond(c, createCustomerSession(c.model, c.params)),
  },
  {
    method: "GET", pattern: path("/v1/elements/sessions"), access: "any",
    params: { client_secret: "string", customer_session_client_secret: "string", type: oneOf("payment_intent") },
    handle: (c) => respond(c, elementsSession(c.model, c.params)),
  },
  {
    method: "POST", pattern: path("/v1/elements/payment_methods/:id/detach"), access: "any",
    params: { customer_session_client_secret: "string" },
    handle: (c) => respond(c, detachWithCustomerSession(c.model, c.pathParams[0] ?? "", c.params)),
  },

  // SetupIntents
  {
    method: "POST", pattern: path("/v1/setup_intents"), access: "secret", params: SETUP_INTENT_CREATE,
    handle: (c) => {
      const setupIntent = createSetupIntent(c.model, c.params);
      if (readString(c.params, "confirm") === "true") return respond(c, confirmSetupIntent(c.model, setupIntent, {}, "secret"));
      return respond(c, setupIntent);
    },
  },
  {
    method: "GET", pattern: path("/v1/setup_intents/:id"), access: "any", params: { client_secret: "string" },
    handle: (c) => {
      const setupIntent = requireSetupIntent(c.model, c.pathParams[0] ?? "");
      if (c.auth.kind === "publishable" && readString(c.params, "client_secret") !== setupIntent.client_secret) {
        throw invalidRequest("The client_secret provided does not match the client_secret associated with the SetupIntent.", {
          code: "setup_intent_invalid_parameter", param: "client_secret",
        });
      }
      return respond(c, setupIntent);
    },
  },
  {
    method: "POST", pattern: path("/v1/setup_intents/:id/confirm"), access: "any",
    params: { client_secret: "string", payment_method: "string", payment_method_data: PAYMENT_METHOD_DATA, return_url: "string", use_stripe_sdk: "boolean" },
    handle: (c) => {
      const setupIntent = requireSetupIntent(c.model, c.pathParams[0] ?? "");
      const clientSecret = readString(c.params, "client_secret");
      if ((c.auth.kind === "publishable" || clientSecret !== undefined) && clientSecret !== setupIntent.client_secret) {
        throw invalidRequest("The client_secret provided does not match the client_secret associated with the SetupIntent.", {
          code: "setup_intent_invalid_parameter", param: "client_secret",
        });
      }
      return respond(c, confirmSetupIntent(c.model, setupIntent, c.params, c.auth.kind));
    },
  },
  {
    method: "POST", pattern: path("/v1/setup_intents/:id/cancel"), access: "secret",
    params: { cancellation_reason: oneOf("abandoned", "duplicate", "requested_by_customer") },
    handle: (c) => respond(c, cancelSetupIntent(c.model, requireSetupIntent(c.model, c.pathParams[0] ?? ""), readString(c.params, "cancellation_reason"))),
  },

  // Events
  {
    method: "GET", pattern: path("/v1/events"), access: "secret", params: { ...LIST_PARAMS, type: "string", types: "strings" },
    handle: (c) => {
      const type = readString(c.params, "type");
      const matches = (eventType: string): boolean =>
        !type || (type.endsWith("*") ? eventType.startsWith(type.slice(0, -1)) : eventType === type);
      return list(c, Object.values(c.model.store.state.events).filter((event) => matches(event.type)));
    },
  },
  {
    method: "GET", pattern: path("/v1/events/:id"), access: "secret", params: {},
    handle: (c) => {
      const event = c.model.store.state.events[c.pathParams[0] ?? ""];
      if (!event) throw resourceMissing("event", c.pathParams[0] ?? "");
      return respond(c, event);
    },
  },
];
