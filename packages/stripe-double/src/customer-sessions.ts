/**
 * CustomerSessions (`POST /v1/customer_sessions`): a short-lived client secret that lets the Payment Element show a
 * customer's saved cards, offer to save a new one and remove one. Only the `payment_element` component is
 * implemented; `buy_button` and `pricing_table` are refused as not implemented.
 *
 * Stripe.js then reads the customer's saved cards and removes one through requests of its own that are not in
 * Stripe's public API reference; the double's stand-ins for them (`GET /v1/elements/sessions`,
 * `POST /v1/elements/payment_methods/:id/detach`) answer with only what its Payment Element frame uses.
 */
import { invalidRequest, notImplemented, parameterMissing, resourceMissing } from "./errors";
import type { FormObject } from "./form";
import { readInteger, readObject, readString, readStrings } from "./params";
import { getPaymentIntent, publishableView } from "./payment-intents";
import { detachPaymentMethod, requireCustomer, type DoubleContext } from "./resources";
import { nowSeconds, randomToken, type CustomerSession, type PaymentElementFeatures, type PaymentMethod } from "./store";

/** A CustomerSession's client secret is valid for 30 minutes, as at Stripe. */
export const CUSTOMER_SESSION_LIFETIME_SECONDS = 30 * 60;
const ENABLED_DISABLED = ["enabled", "disabled"] as const;
const REDISPLAY_VALUES = ["always", "limited", "unspecified"] as const;
const SAVE_USAGES = ["off_session", "on_session"] as const;
const DEFAULT_REDISPLAY_LIMIT = 3;
const MAX_REDISPLAY_LIMIT = 10;

function enumValue<T extends string>(params: FormObject, name: string, values: readonly T[], param: string): T | undefined {
  const value = readString(params, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw invalidRequest(`Invalid ${name}: must be one of ${values.join(" or ")}`, { param });
  }
  return value as T;
}

function readEnabled(component: FormObject, param: string): boolean {
  const enabled = readString(component, "enabled");
  if (enabled === undefined) throw parameterMissing(`${param}[enabled]`);
  return enabled === "true";
}

function readFeatures(features: FormObject | undefined): PaymentElementFeatures {
  const at = (name: string): string => `components[payment_element][features][${name}]`;
  const given = features ?? {};
  const filters = readStrings(given, "payment_method_allow_redisplay_filters");
  for (const [index, filter] of (filters ?? []).entries()) {
    if (!(REDISPLAY_VALUES as readonly string[]).includes(filter)) {
      throw invalidRequest(`Invalid payment_method_allow_redisplay_filters[${index}]: must be one of always, limited, or unspecified`, {
        param: `${at("payment_method_allow_redisplay_filters")}[${index}]`,
      });
    }
  }
  const limit = readInteger(given, "payment_method_redisplay_limit");
  if (limit !== undefined && (limit < 1 || limit > MAX_REDISPLAY_LIMIT)) {
    throw invalidRequest(`This value must be greater than or equal to 1 and less than or equal to ${MAX_REDISPLAY_LIMIT}.`, {
      param: at("payment_method_redisplay_limit"),
    });
  }
  return {
    payment_method_allow_redisplay_filters: filters && filters.length > 0 ? filters : ["always"],
    payment_method_redisplay: enumValue(given, "payment_method_redisplay", ENABLED_DISABLED, at("payment_method_redisplay")) ?? "disabled",
    payment_method_redisplay_limit: limit ?? null,
    payment_method_remove: enumValue(given, "payment_method_remove", ENABLED_DISABLED, at("payment_method_remove")) ?? "disabled",
    payment_method_save: enumValue(given, "payment_method_save", ENABLED_DISABLED, at("payment_method_save")) ?? "disabled",
    payment_method_save_usage: enumValue(given, "payment_method_save_usage", SAVE_USAGES, at("payment_method_save_usage")) ?? null,
  };
}

/** `POST /v1/customer_sessions` with `customer` and `components[payment_element]`. */
export function createCustomerSession(ctx: DoubleContext, params: FormObject): CustomerSession {
  const customerId = readString(params, "customer");
  if (!customerId) throw parameterMissing("customer");
  const components = readObject(params, "components");
  if (!components) throw parameterMissing("components");
  for (const other of ["buy_button", "pricing_table"]) {
    if (components[other] !== undefined) throw notImplemented(`components[${other}]`);
  }
  const paymentElement = readObject(components, "payment_element");
  if (!paymentElement || !readEnabled(paymentElement, "components[payment_element]")) {
    // Stripe's rule ("exactly 1 component must be enabled"); the wording is the double's.
    throw invalidRequest("Exactly one component must be enabled: set components[payment_element][enabled] to true.", {
      param: "components",
    });
  }
  requireCustomer(ctx, customerId);
  const created = nowSeconds();
  const session: CustomerSession = {
    object: "customer_session",
    client_secret: `cuss_secret_${randomToken(40)}`,
    components: {
      buy_button: { enabled: false },
      payment_element: { enabled: true, features: readFeatures(readObject(paymentElement, "features")) },
      pricing_table: { enabled: false },
    },
    created,
    customer: customerId,
    expires_at: created + CUSTOMER_SESSION_LIFETIME_SECONDS,
    livemode: false,
  };
  ctx.store.state.customer_sessions[session.client_secret] = session;
  return session;
}

/** The session a client secret names, refused once it has expired or when its customer is gone. */
export function requireCustomerSession(ctx: DoubleContext, clientSecret: string | undefined, param = "customer_session_client_secret"): CustomerSession {
  if (!clientSecret) throw parameterMissing(param);
  const session = ctx.store.state.customer_sessions[clientSecret];
  if (!session) throw invalidRequest("No such customer session client secret.", { code: "resource_missing", param });
  if (session.expires_at <= nowSeconds()) {
    throw invalidRequest("This customer session has expired. Create a new CustomerSession on your server.", { param });
  }
  requireCustomer(ctx, session.customer, param);
  return session;
}

/** The customer's saved cards the Payment Element shows: attached, allowed by the filters, newest first, up to the limit. */
export function redisplayedPaymentMethods(ctx: DoubleContext, session: CustomerSession): PaymentMethod[] {
  const features = session.components.payment_element.features;
  if (features.payment_method_redisplay !== "enabled") return [];
  return Object.values(ctx.store.state.payment_methods)
    .filter((pm) => pm.customer === session.customer && features.payment_method_allow_redisplay_filters.includes(pm.allow_redisplay))
    .reverse()
    .slice(0, features.payment_method_redisplay_limit ?? DEFAULT_REDISPLAY_LIMIT);
}

/**
 * The stand-in for Stripe.js's elements session: the PaymentIntent (as a publishable key sees it) and, with a
 * CustomerSession, its features and the saved cards to show. A PaymentIntent for another customer is refused, as
 * Stripe refuses to mount the Payment Element on it.
 */
export function elementsSession(ctx: DoubleContext, params: FormObject): object {
  const clientSecret = readString(params, "client_secret");
  if (!clientSecret) throw parameterMissing("client_secret");
  const paymentIntentId = /^(pi_[A-Za-z0-9]+)_secret_/.exec(clientSecret)?.[1];
  if (!paymentIntentId) throw invalidRequest("Invalid client_secret.", { param: "client_secret" });
  const paymentIntent = getPaymentIntent(ctx, paymentIntentId);
  if (paymentIntent.client_secret !== clientSecret) {
    throw invalidRequest(
      "The client_secret provided does not match any associated PaymentIntent on this account.",
      { code: "payment_intent_invalid_parameter", param: "client_secret" },
    );
  }
  const customerSecret = readString(params, "customer_session_client_secret");
  if (customerSecret === undefined) return { object: "elements_session", payment_intent: publishableView(paymentIntent), customer: null };
  const session = requireCustomerSession(ctx, customerSecret);
  if (paymentIntent.customer !== session.customer) {
    throw invalidRequest(
      "The PaymentIntent's customer does not match the CustomerSession's customer. Create the PaymentIntent with the same customer as the CustomerSession.",
      { param: "customer_session_client_secret" },
    );
  }
  return {
    object: "elements_session",
    payment_intent: publishableView(paymentIntent),
    customer: {
      customer_session: {
        customer: session.customer,
        components: { payment_element: session.components.payment_element },
        expires_at: session.expires_at,
        livemode: false,
      },
      payment_methods: redisplayedPaymentMethods(ctx, session),
    },
  };
}

/** The Payment Element's "Remove": only with payment_method_remove enabled, only the session's customer's cards. */
export function detachWithCustomerSession(ctx: DoubleContext, paymentMethodId: string, params: FormObject): PaymentMethod {
  const session = requireCustomerSession(ctx, readString(params, "customer_session_client_secret"));
  if (session.components.payment_element.features.payment_method_remove !== "enabled") {
    throw invalidRequest(
      "This CustomerSession does not allow removing saved payment methods (components[payment_element][features][payment_method_remove] is disabled).",
      { param: "customer_session_client_secret" },
    );
  }
  const paymentMethod = ctx.store.state.payment_methods[paymentMethodId];
  // Another customer's card reads as missing: a session reveals nothing beyond its own customer.
  if (!paymentMethod || paymentMethod.customer !== session.customer) throw resourceMissing("PaymentMethod", paymentMethodId);
  return detachPaymentMethod(ctx, paymentMethodId);
}
