// @ts-check
/*
 * The Stripe double's stand-in for Stripe.js (https://js.stripe.com/endive/stripe.js).
 *
 * It implements what @stripe/stripe-js, @stripe/react-stripe-js and a Payment Element checkout use, and
 * throws an IntegrationError for everything else, so a checkout that starts relying on more of Stripe.js
 * fails its tests instead of silently passing against a double that does nothing.
 *
 * Card data stays inside the Payment Element's frame (another origin); this page only ever sees the
 * PaymentMethod id, exactly like the real thing, so a storefront tested against the double cannot
 * accidentally depend on reading card fields.
 */
(function () {
  "use strict";

  /** @typedef {Record<string, unknown>} Json */
  /** @typedef {{ type: string, code?: string, decline_code?: string, message?: string, param?: string, payment_intent?: Json, payment_method?: Json, doc_url?: string }} StripeError */
  /** @typedef {{ api: string, js: string, hooks: string, jsOrigin: string, version: string | number }} Bases */

  if (typeof window === "undefined") return;
  // Loading the script twice (the loader and a <script> tag) must not replace the instance the page holds.
  if (typeof (/** @type {any} */ (window).Stripe) === "function" && /** @type {any} */ (window).Stripe.__stripeDouble) return;

  class IntegrationError extends Error {
    /** @param {string} message */
    constructor(message) {
      super(message);
      this.name = "IntegrationError";
    }
  }

  /** @param {string} name */
  function notImplemented(name) {
    return new IntegrationError("stripe-double does not implement " + name);
  }

  /**
   * The bases follow the URL layout in stripe-double/README.md: served from js.stripe.com the script talks to
   * Stripe's hosts (which a test's routes map back onto the double); served from http://HOST/js/… (the offline
   * demo) it talks to that same server.
   * @returns {Bases}
   */
  function computeBases() {
    const current = /** @type {HTMLScriptElement | null} */ (document.currentScript);
    const src = current && current.src ? current.src : "https://js.stripe.com/endive/stripe.js";
    const url = new URL(src, location.href);
    const stripeHosted = url.hostname === "js.stripe.com";
    const marker = url.pathname.indexOf("/js/");
    const jsPath = stripeHosted ? url.pathname : marker >= 0 ? url.pathname.slice(marker + 3) : url.pathname;
    const train = /^\/(v3|[a-z]+)(\/|$)/.exec(jsPath);
    const version = train && train[1] !== "v3" ? train[1] : 3;
    if (stripeHosted) {
      return {
        api: "https://api.stripe.com",
        js: "https://js.stripe.com/",
        hooks: "https://hooks.stripe.com/",
        jsOrigin: "https://js.stripe.com",
        version: version,
      };
    }
    const prefix = marker >= 0 ? url.pathname.slice(0, marker) : "";
    return {
      api: url.origin + prefix,
      js: url.origin + prefix + "/js/",
      hooks: url.origin + prefix + "/hooks/",
      jsOrigin: url.origin,
      version: version,
    };
  }

  const BASES = computeBases();

  // ---------------------------------------------------------------------------------------------------------
  // API client

  /**
   * Stripe's bracket notation: { a: { b: [1] } } → a[b][0]=1.
   * @param {unknown} value
   * @param {string} prefix
   * @param {[string, string][]} out
   */
  function flatten(value, prefix, out) {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach(function (item, i) {
        flatten(item, prefix + "[" + i + "]", out);
      });
    } else if (typeof value === "object") {
      for (const [key, item] of Object.entries(/** @type {Json} */ (value))) {
        flatten(item, prefix ? prefix + "[" + key + "]" : key, out);
      }
    } else {
      out.push([prefix, String(value)]);
    }
  }

  /** @param {Json} params */
  function formEncode(params) {
    /** @type {[string, string][]} */
    const pairs = [];
    flatten(params, "", pairs);
    return pairs.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
  }

  /** @type {StripeError} */
  const CONNECTION_ERROR = {
    type: "api_connection_error",
    message: "An error occurred with our connection to Stripe. Request was retried 2 times.",
  };

  /**
   * Never rejects: Stripe.js reports every API failure as `{ error }`.
   * @param {string} publishableKey
   * @param {"GET" | "POST"} method
   * @param {string} path
   * @param {Json} [params]
   * @returns {Promise<{ status: number, body: Json }>}
   */
  async function api(publishableKey, method, path, params) {
    const encoded = params ? formEncode(params) : "";
    const url = BASES.api + path + (method === "GET" && encoded ? "?" + encoded : "");
    /** @type {RequestInit} */
    const init = {
      method: method,
      headers: { Authorization: "Bearer " + publishableKey },
      credentials: "omit",
    };
    if (method === "POST") {
      init.headers = { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" };
      init.body = encoded;
    }
    try {
      const response = await fetch(url, init);
      const body = /** @type {Json} */ (await response.json());
      return { status: response.status, body: body };
    } catch (_) {
      return { status: 0, body: { error: CONNECTION_ERROR } };
    }
  }

  /** @param {{ status: number, body: Json }} result */
  function errorOf(result) {
    if (result.status >= 200 && result.status < 300) return null;
    const error = /** @type {StripeError | undefined} */ (result.body.error);
    return error && typeof error === "object" ? error : { type: "api_error", message: "Unexpected response from Stripe." };
  }

  /** @param {unknown} clientSecret */
  function intentIdFromSecret(clientSecret) {
    if (typeof clientSecret !== "string") {
      throw new IntegrationError("Invalid value for clientSecret: value should be a client_secret string. You specified: " + typeof clientSecret + ".");
    }
    const match = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret);
    if (!match || !match[1]) {
      throw new IntegrationError("Invalid value for clientSecret: value should be a client_secret string. You specified: " + clientSecret + ".");
    }
    return match[1];
  }

  // ---------------------------------------------------------------------------------------------------------
  // Rules for Elements without an intent and the Express Checkout Element. Pure functions, also reachable as
  // Stripe.__stripeDouble.rules so the double's unit tests can check them without a browser.

  /** @param {unknown} value */
  function describe(value) {
    if (value === undefined) return "undefined";
    try {
      return JSON.stringify(value);
    } catch (_) {
      return String(value);
    }
  }

  /** @param {unknown} value */
  function isPlainObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /**
   * Elements options in deferred mode that Stripe accepts and the double does not act on: refused, never ignored.
   * (appearance, locale, loader and fonts only change looks, which the double's frames keep simple.)
   */
  const DEFERRED_UNIMPLEMENTED_OPTIONS = [
    "setupFutureUsage", "setup_future_usage", "paymentMethodTypes",
    "payment_method_types", "onBehalfOf", "on_behalf_of", "paymentMethodConfiguration", "payment_method_configuration",
    "paymentMethodOptions", "payment_method_options", "excludedPaymentMethodTypes", "allowedPaymentMethodTypes",
    "externalPaymentMethodTypes", "customPaymentMethods", "customerSessionClientSecret", "customerOptions",
    "paymentMethodCreation", "adaptivePricing", "syncAddressCheckbox",
  ];
  const DEFERRED_OPTIONS = ["mode", "amount", "currency", "captureMethod", "capture_method", "appearance", "locale", "loader", "fonts"];
  /** Stripe.js's values for the deferred group's captureMethod; it defaults to "automatic", as a PaymentIntent does. */
  const CAPTURE_METHODS = ["automatic", "automatic_async", "manual"];

  /**
   * The capture method a deferred group was created (or updated) with.
   * @param {Json} options
   */
  function deferredCaptureMethod(options) {
    // Stripe.js takes the camelCase name and, like its other deferred options, the snake_case one.
    if (typeof options.captureMethod === "string") return options.captureMethod;
    if (typeof options.capture_method === "string") return options.capture_method;
    return "automatic";
  }

  /**
   * Stripe confirms a PaymentIntent from a deferred group only when the group's captureMethod matches the
   * PaymentIntent's capture_method ("automatic" and "automatic_async" both capture at once, so they match each
   * other). The error is Stripe's kind (invalid_request_error, nothing confirmed); its wording is the double's.
   * @param {Json} options
   * @param {Json} intent
   * @returns {Json | null}
   */
  function captureMethodMismatch(options, intent) {
    const grouped = deferredCaptureMethod(options);
    const intents = typeof intent.capture_method === "string" ? intent.capture_method : "automatic";
    if ((grouped === "manual") === (intents === "manual")) return null;
    return {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      param: "capture_method",
      message:
        "The PaymentIntent's capture_method (" + intents + ") does not match the captureMethod Elements was created with (" + grouped + "). " +
        "Pass captureMethod: \"" + (intents === "manual" ? "manual" : "automatic") + "\" to stripe.elements() (or elements.update()), or create the PaymentIntent with capture_method: \"" + (grouped === "manual" ? "manual" : "automatic") + "\".",
      payment_intent: intent,
    };
  }

  /**
   * An amount is a positive integer in the currency's smallest unit: cents for eur, plain yen for jpy.
   * @param {unknown} amount
   * @param {string} where
   */
  function checkAmount(amount, where) {
    if (typeof amount !== "number" || !Number.isInteger(amount) || amount <= 0) {
      throw new IntegrationError("Invalid value for " + where + ": amount should be a positive integer in the currency's smallest unit (e.g. 1099 for €10.99, 1099 for ¥1,099). You specified: " + describe(amount) + ".");
    }
  }

  /**
   * @param {unknown} currency
   * @param {string} where
   */
  function checkCurrency(currency, where) {
    if (typeof currency !== "string" || !/^[a-z]{3}$/.test(currency)) {
      throw new IntegrationError("Invalid value for " + where + ": currency should be a three-letter ISO currency code in lowercase (e.g. \"eur\"). You specified: " + describe(currency) + ".");
    }
  }

  /**
   * Checks the options of elements({ mode }) or of elements.update() on such a group.
   * @param {Json} options
   * @param {string} where
   * @param {boolean} creating
   */
  function checkDeferredOptions(options, where, creating) {
    if (options.mode !== undefined && options.mode !== "payment") {
      throw notImplemented(where.replace(/\(\)$/, "") + "({ mode: " + describe(options.mode) + " }) (only \"payment\")");
    }
    if (creating || options.amount !== undefined) {
      if (options.amount === undefined) throw new IntegrationError("Missing value for " + where + ": amount is required when mode is \"payment\".");
      checkAmount(options.amount, where);
    }
    if (creating || options.currency !== undefined) {
      if (options.currency === undefined) throw new IntegrationError("Missing value for " + where + ": currency is required when mode is \"payment\".");
      checkCurrency(options.currency, where);
    }
    for (const name of ["captureMethod", "capture_method"]) {
      const value = options[name];
      if (value !== undefined && (typeof value !== "string" || CAPTURE_METHODS.indexOf(value) < 0)) {
        throw new IntegrationError("Invalid value for " + where + ": " + name + " should be one of the following strings: " + CAPTURE_METHODS.join(", ") + ". You specified: " + describe(value) + ".");
      }
    }
    if (options.captureMethod !== undefined && options.capture_method !== undefined && options.captureMethod !== options.capture_method) {
      throw new IntegrationError("Invalid value for " + where + ": captureMethod and capture_method disagree; pass one of them.");
    }
    for (const key of Object.keys(options)) {
      if (DEFERRED_UNIMPLEMENTED_OPTIONS.indexOf(key) >= 0) throw notImplemented("the Elements option " + key + " (" + where + ")");
      if (DEFERRED_OPTIONS.indexOf(key) < 0) {
        // Stripe.js's own reaction to a name it does not know: a warning, not an error.
        console.warn("Unrecognized " + where + " parameter: " + key + " is not a recognized parameter. This may cause issues with your integration in the future.");
      }
    }
  }

  /**
   * @param {unknown} items
   * @param {string} where
   * @returns {{ name: string, amount: number }[]}
   */
  function checkLineItems(items, where) {
    if (!Array.isArray(items)) throw new IntegrationError("Invalid value for " + where + ": lineItems should be an array. You specified: " + describe(items) + ".");
    return items.map((item, i) => {
      if (!isPlainObject(item)) throw new IntegrationError("Invalid value for " + where + ": lineItems[" + i + "] should be an object with name and amount.");
      const entry = /** @type {Json} */ (item);
      for (const key of Object.keys(entry)) {
        if (key !== "name" && key !== "amount") throw new IntegrationError("Invalid value for " + where + ": lineItems[" + i + "]." + key + " is not a recognized parameter.");
      }
      if (typeof entry.name !== "string" || !entry.name) throw new IntegrationError("Invalid value for " + where + ": lineItems[" + i + "].name should be a non-empty string.");
      // Discounts are negative line items.
      if (typeof entry.amount !== "number" || !Number.isInteger(entry.amount)) {
        throw new IntegrationError("Invalid value for " + where + ": lineItems[" + i + "].amount should be an integer in the currency's smallest unit. You specified: " + describe(entry.amount) + ".");
      }
      return { name: entry.name, amount: entry.amount };
    });
  }

  const DELIVERY_UNITS = ["hour", "day", "business_day", "week", "month"];

  /**
   * @param {unknown} estimate
   * @param {string} where
   */
  function checkDeliveryEstimate(estimate, where) {
    if (typeof estimate === "string") return;
    if (!isPlainObject(estimate)) throw new IntegrationError("Invalid value for " + where + ": deliveryEstimate should be a string or an object with minimum and maximum.");
    for (const [bound, value] of Object.entries(/** @type {Json} */ (estimate))) {
      const entry = /** @type {Json} */ (value);
      if ((bound !== "minimum" && bound !== "maximum") || !isPlainObject(value) || DELIVERY_UNITS.indexOf(String(entry.unit)) < 0 || typeof entry.value !== "number") {
        throw new IntegrationError("Invalid value for " + where + ": deliveryEstimate." + bound + " should be { unit: " + DELIVERY_UNITS.join(" | ") + ", value: number }.");
      }
    }
  }

  /**
   * @param {unknown} rates
   * @param {string} where
   * @returns {{ id: string, amount: number, displayName: string, deliveryEstimate?: unknown }[]}
   */
  function checkShippingRates(rates, where) {
    if (!Array.isArray(rates)) throw new IntegrationError("Invalid value for " + where + ": shippingRates should be an array. You specified: " + describe(rates) + ".");
    const ids = new Set();
    return rates.map((rate, i) => {
      if (!isPlainObject(rate)) throw new IntegrationError("Invalid value for " + where + ": shippingRates[" + i + "] should be an object with id, amount and displayName.");
      const entry = /** @type {Json} */ (rate);
      for (const key of Object.keys(entry)) {
        if (["id", "amount", "displayName", "deliveryEstimate"].indexOf(key) < 0) throw new IntegrationError("Invalid value for " + where + ": shippingRates[" + i + "]." + key + " is not a recognized parameter.");
      }
      if (typeof entry.id !== "string" || !entry.id) throw new IntegrationError("Invalid value for " + where + ": shippingRates[" + i + "].id should be a non-empty string.");
      if (ids.has(entry.id)) throw new IntegrationError("Invalid value for " + where + ": shippingRates ids should be unique; " + entry.id + " appears twice.");
      ids.add(entry.id);
      if (typeof entry.displayName !== "string" || !entry.displayName) throw new IntegrationError("Invalid value for " + where + ": shippingRates[" + i + "].displayName should be a non-empty string.");
      if (typeof entry.amount !== "number" || !Number.isInteger(entry.amount) || entry.amount < 0) {
        throw new IntegrationError("Invalid value for " + where + ": shippingRates[" + i + "].amount should be a non-negative integer in the currency's smallest unit. You specified: " + describe(entry.amount) + ".");
      }
      /** @type {{ id: string, amount: number, displayName: string, deliveryEstimate?: unknown }} */
      const checked = { id: entry.id, amount: entry.amount, displayName: entry.displayName };
      if (entry.deliveryEstimate !== undefined) {
        checkDeliveryEstimate(entry.deliveryEstimate, where);
        checked.deliveryEstimate = entry.deliveryEstimate;
      }
      return checked;
    });
  }

  /**
   * The wallet shows the Elements amount as the total, the line items and the chosen shipping rate above it.
   * Stripe.js refuses an amount below what those add up to (the message is Stripe.js's); a larger amount is shown
   * as it is.
   * @param {number} amount
   * @param {{ amount: number }[]} lineItems
   * @param {{ amount: number } | null | undefined} shippingRate
   */
  function checkLineItemsTotal(amount, lineItems, shippingRate) {
    const total = lineItems.reduce((sum, item) => sum + item.amount, 0) + (shippingRate ? shippingRate.amount : 0);
    if (amount < total) throw new IntegrationError("The amount " + amount + " is less than the total amount of the line items provided.");
  }

  const EXPRESS_PAYMENT_METHODS = ["amazonPay", "applePay", "googlePay", "link", "paypal", "klarna"];
  const EXPRESS_METHOD_VALUES = ["auto", "never", "always"];
  const GOOGLE_PAY_BUTTON_TYPES = ["book", "buy", "checkout", "donate", "order", "pay", "plain", "subscribe"];

  /**
   * @param {unknown} value
   * @param {string} where
   * @param {string} name
   */
  function checkBoolean(value, where, name) {
    if (typeof value !== "boolean") throw new IntegrationError("Invalid value for " + where + ": " + name + " should be a boolean. You specified: " + describe(value) + ".");
  }

  /**
   * @param {unknown} value
   * @param {string} where
   */
  function checkCountries(value, where) {
    if (!Array.isArray(value) || value.some((code) => typeof code !== "string" || !/^[A-Z]{2}$/.test(code))) {
      throw new IntegrationError("Invalid value for " + where + ": allowedShippingCountries should be an array of two-letter country codes in upper case (e.g. [\"DE\", \"FR\"]). You specified: " + describe(value) + ".");
    }
  }

  /**
   * Options of elements.create("expressCheckout") ("create") and of expressCheckoutElement.update() ("update"),
   * as Stripe's types list them. Apple Pay's own options concern a wallet the double does not offer.
   * @param {Json} options
   * @param {"create" | "update"} kind
   * @param {string} [whereOverride]
   * @returns {Json}
   */
  function checkExpressOptions(options, kind, whereOverride) {
    const where = whereOverride || (kind === "create" ? "elements.create('expressCheckout')" : "expressCheckoutElement.update()");
    if (!isPlainObject(options)) throw new IntegrationError("Invalid value for " + where + ": options should be an object.");
    const createOnly = ["business", "buttonTheme", "buttonType", "lineItems", "paymentMethods", "shippingRates", "wallets"];
    const both = ["allowedShippingCountries", "billingAddressRequired", "buttonHeight", "emailRequired", "layout", "paymentMethodOrder", "phoneNumberRequired", "shippingAddressRequired"];
    for (const [key, value] of Object.entries(options)) {
      if (key === "applePay") throw notImplemented("the Express Checkout Element option applePay (the double offers Google Pay only)");
      if (both.indexOf(key) < 0 && (kind === "update" || createOnly.indexOf(key) < 0)) {
        if (kind === "update" && createOnly.indexOf(key) >= 0) {
          throw new IntegrationError(where + ": " + key + " cannot be updated. Pass lineItems and shippingRates to event.resolve() in the click, shippingaddresschange or shippingratechange handlers instead.");
        }
        throw new IntegrationError("Unrecognized " + where + " parameter: " + key + " is not a recognized parameter.");
      }
      switch (key) {
        case "allowedShippingCountries":
          checkCountries(value, where);
          break;
        case "billingAddressRequired":
        case "emailRequired":
        case "phoneNumberRequired":
        case "shippingAddressRequired":
          checkBoolean(value, where, key);
          break;
        case "buttonHeight":
          if (typeof value !== "number" || value < 40 || value > 55) throw new IntegrationError("Invalid value for " + where + ": buttonHeight should be a number between 40 and 55. You specified: " + describe(value) + ".");
          break;
        case "business":
          if (!isPlainObject(value) || typeof (/** @type {Json} */ (value)).name !== "string") throw new IntegrationError("Invalid value for " + where + ": business should be { name: string }.");
          break;
        case "lineItems":
          checkLineItems(value, where);
          break;
        case "shippingRates":
          checkShippingRates(value, where);
          break;
        case "paymentMethods":
        case "wallets":
          if (!isPlainObject(value)) throw new IntegrationError("Invalid value for " + where + ": " + key + " should be an object.");
          for (const [method, setting] of Object.entries(/** @type {Json} */ (value))) {
            if (EXPRESS_PAYMENT_METHODS.indexOf(method) < 0 || EXPRESS_METHOD_VALUES.indexOf(String(setting)) < 0) {
              throw new IntegrationError("Invalid value for " + where + ": " + key + "." + method + " should be one of auto, never, always. You specified: " + describe(setting) + ".");
            }
          }
          break;
        case "buttonType":
        case "buttonTheme":
          if (!isPlainObject(value)) throw new IntegrationError("Invalid value for " + where + ": " + key + " should be an object.");
          for (const [method, setting] of Object.entries(/** @type {Json} */ (value))) {
            if (method !== "googlePay") continue; // other wallets' buttons never show in the double
            const allowed = key === "buttonType" ? GOOGLE_PAY_BUTTON_TYPES : ["black", "white"];
            if (allowed.indexOf(String(setting)) < 0) throw new IntegrationError("Invalid value for " + where + ": " + key + ".googlePay should be one of " + allowed.join(", ") + ". You specified: " + describe(setting) + ".");
          }
          break;
        case "layout":
          if (!isPlainObject(value)) throw new IntegrationError("Invalid value for " + where + ": layout should be an object.");
          break;
        case "paymentMethodOrder":
          if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string")) throw new IntegrationError("Invalid value for " + where + ": paymentMethodOrder should be an array of strings.");
          break;
      }
    }
    return Object.assign({}, options);
  }

  /**
   * event.resolve() in the click handler: the same fields as the create options (most deprecated there in favour
   * of create, still honoured), of which lineItems and shippingRates are the ones that belong here.
   * @param {unknown} details
   * @returns {Json}
   */
  function checkClickResolve(details) {
    if (details === undefined) return {};
    const where = "event.resolve() in the click handler";
    if (!isPlainObject(details)) throw new IntegrationError("Invalid value for " + where + ": expected an object.");
    const allowed = ["allowedShippingCountries", "billingAddressRequired", "business", "emailRequired", "lineItems", "phoneNumberRequired", "shippingAddressRequired", "shippingRates"];
    for (const key of Object.keys(/** @type {Json} */ (details))) {
      if (key === "applePay") throw notImplemented("applePay in event.resolve() (the double offers Google Pay only)");
      if (allowed.indexOf(key) < 0) throw new IntegrationError("Unrecognized " + where + " parameter: " + key + " is not a recognized parameter.");
    }
    const copy = Object.assign({}, /** @type {Json} */ (details));
    // The create-time checks cover these fields the same way.
    checkExpressOptions(copy, "create", where);
    return copy;
  }

  /**
   * event.resolve() in the shippingaddresschange and shippingratechange handlers.
   * @param {unknown} details
   * @param {string} eventType
   * @returns {{ lineItems?: { name: string, amount: number }[], shippingRates?: { id: string, amount: number, displayName: string }[] }}
   */
  function checkChangeResolve(details, eventType) {
    if (details === undefined) return {};
    const where = "event.resolve() in the " + eventType + " handler";
    if (!isPlainObject(details)) throw new IntegrationError("Invalid value for " + where + ": expected an object.");
    /** @type {{ lineItems?: { name: string, amount: number }[], shippingRates?: { id: string, amount: number, displayName: string }[] }} */
    const checked = {};
    for (const [key, value] of Object.entries(/** @type {Json} */ (details))) {
      if (key === "applePay") throw notImplemented("applePay in event.resolve() (the double offers Google Pay only)");
      if (key === "lineItems") checked.lineItems = checkLineItems(value, where);
      else if (key === "shippingRates") {
        checked.shippingRates = checkShippingRates(value, where);
        if (checked.shippingRates.length === 0) throw new IntegrationError("Invalid value for " + where + ": shippingRates should list at least one rate; call event.reject() when you cannot ship to the address.");
      } else throw new IntegrationError("Unrecognized " + where + " parameter: " + key + " is not a recognized parameter.");
    }
    return checked;
  }

  const PAYMENT_FAILED_REASONS = ["fail", "invalid_shipping_address", "invalid_billing_address", "invalid_payment_data", "address_unserviceable"];

  /**
   * @param {unknown} payload
   * @returns {{ reason: string, message: string | null }}
   */
  function checkPaymentFailed(payload) {
    if (payload === undefined) return { reason: "fail", message: null };
    if (!isPlainObject(payload)) throw new IntegrationError("Invalid value for event.paymentFailed(): expected an object.");
    const entry = /** @type {Json} */ (payload);
    for (const key of Object.keys(entry)) {
      if (key !== "reason" && key !== "message") throw new IntegrationError("Unrecognized event.paymentFailed() parameter: " + key + " is not a recognized parameter.");
    }
    const reason = entry.reason === undefined ? "fail" : entry.reason;
    if (PAYMENT_FAILED_REASONS.indexOf(String(reason)) < 0) {
      throw new IntegrationError("Invalid value for event.paymentFailed(): reason should be one of " + PAYMENT_FAILED_REASONS.join(", ") + ". You specified: " + describe(reason) + ".");
    }
    if (entry.message !== undefined && typeof entry.message !== "string") throw new IntegrationError("Invalid value for event.paymentFailed(): message should be a string.");
    return { reason: String(reason), message: typeof entry.message === "string" ? entry.message : null };
  }

  /**
   * What the wallet sheet is opened with: the Element's options, overridden by what the click handler resolved,
   * and the Elements amount as the total.
   * @param {Json} elementOptions
   * @param {Json} resolved
   * @param {{ amount: number, currency: string }} money
   */
  function sheetConfig(elementOptions, resolved, money) {
    const merged = Object.assign({}, elementOptions, resolved);
    const shippingAddressRequired = merged.shippingAddressRequired === true;
    const lineItems = merged.lineItems ? checkLineItems(merged.lineItems, "the Express Checkout Element") : [];
    const shippingRates = shippingAddressRequired && merged.shippingRates ? checkShippingRates(merged.shippingRates, "the Express Checkout Element") : [];
    if (shippingAddressRequired && shippingRates.length === 0) {
      throw new IntegrationError("When shippingAddressRequired is true, the Express Checkout Element needs shippingRates: pass them to elements.create('expressCheckout') or to event.resolve() in the click handler.");
    }
    checkLineItemsTotal(money.amount, lineItems, shippingRates[0]);
    // Stripe's documented default: billing addresses are collected unless the Element was created with one of
    // these options.
    const collectsOther = ["allowedShippingCountries", "phoneNumberRequired", "shippingAddressRequired", "emailRequired", "applePay", "lineItems", "business"]
      .some((key) => elementOptions[key] !== undefined);
    const business = /** @type {Json | undefined} */ (merged.business);
    return {
      expressPaymentType: "google_pay",
      amount: money.amount,
      currency: money.currency,
      lineItems: lineItems,
      shippingRates: shippingRates,
      emailRequired: merged.emailRequired === true,
      phoneNumberRequired: merged.phoneNumberRequired === true,
      shippingAddressRequired: shippingAddressRequired,
      billingAddressRequired: merged.billingAddressRequired === undefined ? !collectsOther : merged.billingAddressRequired === true,
      allowedShippingCountries: Array.isArray(merged.allowedShippingCountries) ? merged.allowedShippingCountries : null,
      businessName: business && typeof business.name === "string" ? business.name : null,
    };
  }

  /**
   * @param {Json} elementOptions
   * @returns {{ amazonPay: boolean, applePay: boolean, googlePay: boolean, link: boolean, paypal: boolean, klarna: boolean } | undefined}
   */
  function availablePaymentMethods(elementOptions) {
    const methods = /** @type {Json} */ (elementOptions.paymentMethods || elementOptions.wallets || {});
    if (methods.googlePay === "never") return undefined;
    return { amazonPay: false, applePay: false, googlePay: true, link: false, paypal: false, klarna: false };
  }

  const RULES = {
    checkAmount: checkAmount,
    checkCurrency: checkCurrency,
    checkDeferredOptions: checkDeferredOptions,
    captureMethodMismatch: captureMethodMismatch,
    checkLineItems: checkLineItems,
    checkShippingRates: checkShippingRates,
    checkLineItemsTotal: checkLineItemsTotal,
    checkExpressOptions: checkExpressOptions,
    checkClickResolve: checkClickResolve,
    checkChangeResolve: checkChangeResolve,
    checkPaymentFailed: checkPaymentFailed,
    sheetConfig: sheetConfig,
    availablePaymentMethods: availablePaymentMethods,
  };

  // ---------------------------------------------------------------------------------------------------------
  // Small event emitter shared by the Payment Element

  const ELEMENT_EVENTS = ["ready", "change", "focus", "blur", "loaderror", "loaderstart"];

  /** The PaymentIntent states in which the Payment Element may mount (it can still be confirmed). */
  const CONFIRMABLE_STATUSES = ["requires_payment_method", "requires_confirmation", "requires_action"];

  // ---------------------------------------------------------------------------------------------------------
  // The Payment Element

  let nextElementId = 0;

  /**
   * @param {ElementsGroup} group
   * @param {Json} options
   */
  function createPaymentElement(group, options) {
    const elementId = "pe" + ++nextElementId + "_" + Math.random().toString(36).slice(2, 10);
    /** @type {Map<string, Set<(event: unknown) => unknown>>} */
    const listeners = new Map();
    /** @type {Map<string, (data: Json) => void>} */
    const pending = new Map();
    let requestCounter = 0;
    /** @type {HTMLDivElement | null} */
    let wrapper = null;
    /** @type {HTMLIFrameElement | null} */
    let iframe = null;
    let frameReady = false;
    let destroyed = false;
    /** @type {Promise<boolean>} whether the PaymentIntent checked at mount may be confirmed */
    let verification = Promise.resolve(true);
    /** @type {Json | null} what the CustomerSession lets the frame show and do, for the frame */
    let customerForFrame = null;
    /** @type {Json} */
    let currentOptions = options || {};
    /** @type {{ complete: boolean, empty: boolean }} */
    let lastState = { complete: false, empty: true };
    /** @type {(() => void)[]} */
    let whenReady = [];
    /** @type {WeakMap<Function, (event: unknown) => unknown>} */
    const onceWrappers = new WeakMap();

    /**
     * @param {string} type
     * @param {unknown} event
     */
    function emit(type, event) {
      const set = listeners.get(type);
      if (!set) return;
      for (const handler of Array.from(set)) {
        try {
          handler(event);
        } catch (error) {
          // A merchant handler throwing must not break the element; Stripe.js reports it the same way.
          setTimeout(() => {
            throw error;
          });
        }
      }
    }

    /** @param {string} type */
    function checkEvent(type) {
      if (ELEMENT_EVENTS.indexOf(type) === -1) throw notImplemented("the Payment Element event \"" + type + "\"");
    }

    /** @param {Json} message */
    function post(message) {
      if (!iframe || !iframe.contentWindow) return;
      iframe.contentWindow.postMessage(Object.assign({ source: "stripe-double", elementId: elementId }, message), BASES.jsOrigin);
    }

    /**
     * Sends a request to the frame and waits for its answer, once the frame is ready.
     * @param {string} type
     * @param {Json} payload
     * @returns {Promise<Json>}
     */
    function request(type, payload) {
      return new Promise((resolve) => {
        const send = () => {
          if (destroyed || !iframe) {
            resolve({ error: { type: "validation_error", message: "The Payment Element is not mounted." } });
            return;
          }
          const requestId = "r" + ++requestCounter;
          pending.set(requestId, resolve);
          post(Object.assign({ type: type, requestId: requestId }, payload));
        };
        if (frameReady) send();
        else whenReady.push(send);
      });
    }

    /** @param {MessageEvent} event */
    function onMessage(event) {
      // Only our own frame may talk to us: the origin alone is not enough when two elements share it.
      if (!iframe || event.source !== iframe.contentWindow || event.origin !== BASES.jsOrigin) return;
      const data = /** @type {Json} */ (event.data);
      if (!data || data.source !== "stripe-double" || data.elementId !== elementId) return;
      switch (data.type) {
        case "ready": {
          // Stripe shows the form only once the PaymentIntent it belongs to has been checked.
          verification.then((usable) => {
            if (!usable || destroyed || !iframe) return;
            if (customerForFrame) post({ type: "customer", customer: customerForFrame });
            frameReady = true;
            const queued = whenReady;
            whenReady = [];
            queued.forEach((fn) => fn());
            emit("ready", { elementType: "payment" });
          });
          break;
        }
        case "height":
          if (iframe && typeof data.height === "number") iframe.style.height = Math.ceil(data.height) + "px";
          break;
        case "change":
          lastState = { complete: data.complete === true, empty: data.empty === true };
          emit("change", {
            elementType: "payment",
            complete: lastState.complete,
            empty: lastState.empty,
            collapsed: false,
            value: { type: "card" },
          });
          break;
        case "focus":
          emit("focus", { elementType: "payment" });
          break;
        case "blur":
          emit("blur", { elementType: "payment" });
          break;
        case "response": {
          const resolve = pending.get(String(data.requestId));
          if (resolve) {
            pending.delete(String(data.requestId));
            resolve(/** @type {Json} */ (data.result || {}));
          }
          break;
        }
      }
    }

    function frameUrl() {
      const params = new URLSearchParams();
      params.set("id", elementId);
      params.set("origin", location.origin);
      params.set("key", group.stripe.publishableKey);
      params.set("options", JSON.stringify(frameOptions()));
      return BASES.js + "double/payment-element.html#" + params.toString();
    }

    /** What the frame may know: layout hints and defaults, never anything that changes where data goes. */
    function frameOptions() {
      const defaults = /** @type {Json | undefined} */ (currentOptions.defaultValues);
      const billing = defaults && /** @type {Json | undefined} */ (defaults.billingDetails);
      const address = billing && /** @type {Json | undefined} */ (billing.address);
      return {
        appearance: group.options.appearance || null,
        readOnly: currentOptions.readOnly === true,
        defaultCountry: address && typeof address.country === "string" ? address.country : null,
        defaultPostalCode: address && typeof address.postal_code === "string" ? address.postal_code : null,
        locale: typeof group.options.locale === "string" ? group.options.locale : "auto",
      };
    }

    /** @param {unknown} target */
    function resolveTarget(target) {
      if (typeof target === "string") {
        const found = document.querySelector(target);
        if (!found) throw new IntegrationError("The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().");
        return found;
      }
      if (target instanceof HTMLElement) return target;
      throw new IntegrationError("Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.");
    }

    const element = {
      /** @param {string | HTMLElement} target */
      mount(target) {
        if (destroyed) throw new IntegrationError("This Element has already been destroyed. Please create a new one.");
        if (wrapper) throw new IntegrationError("This Element is already mounted. Use `unmount` to unmount the Element before re-mounting.");
        const parent = resolveTarget(target);
        window.addEventListener("message", onMessage);
        wrapper = document.createElement("div");
        wrapper.className = "__PrivateStripeElement";
        wrapper.style.cssText = "margin: 0 !important; padding: 0 !important; border: none !important; display: block !important; background: transparent !important; position: relative !important; opacity: 1 !important;";
        iframe = document.createElement("iframe");
        iframe.name = "__privateStripeFrame" + elementId;
        iframe.title = "Secure payment input frame";
        iframe.setAttribute("frameborder", "0");
        iframe.setAttribute("allowtransparency", "true");
        iframe.setAttribute("scrolling", "no");
        iframe.setAttribute("role", "presentation");
        iframe.setAttribute("allow", "payment *");
        iframe.style.cssText = "border: none !important; margin: 0 !important; padding: 0 !important; width: 1px !important; min-width: 100% !important; overflow: hidden !important; display: block !important; user-select: none !important; height: 260px;";
        iframe.src = frameUrl();
        wrapper.appendChild(iframe);
        parent.appendChild(wrapper);
        emit("loaderstart", { elementType: "payment" });
        verification = group.options.clientSecret
          ? Promise.all([verifyClientSecret(), loadCustomerSession()]).then((checks) => checks[0] && checks[1])
          : Promise.resolve(true);
      },
      unmount() {
        if (!wrapper) return;
        window.removeEventListener("message", onMessage);
        wrapper.remove();
        wrapper = null;
        iframe = null;
        frameReady = false;
        pending.forEach((resolve) => resolve({ error: { type: "validation_error", message: "The Payment Element was unmounted." } }));
        pending.clear();
      },
      destroy() {
        element.unmount();
        destroyed = true;
        listeners.clear();
        group._forget(element);
      },
      /** @param {Json} updates */
      update(updates) {
        currentOptions = Object.assign({}, currentOptions, updates || {});
        post({ type: "update", options: frameOptions() });
      },
      focus() {
        if (iframe) iframe.focus();
        post({ type: "focus" });
      },
      blur() {
        post({ type: "blur" });
      },
      clear() {
        post({ type: "clear" });
      },
      collapse() {
        throw notImplemented("paymentElement.collapse");
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} handler
       */
      on(type, handler) {
        checkEvent(type);
        if (typeof handler !== "function") throw new IntegrationError("A handler function is required for on(\"" + type + "\").");
        let set = listeners.get(type);
        if (!set) listeners.set(type, (set = new Set()));
        set.add(handler);
        return element;
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} handler
       */
      once(type, handler) {
        checkEvent(type);
        /** @param {unknown} event */
        const wrapped = (event) => {
          element.off(type, handler);
          return handler(event);
        };
        // Remembered so that off(type, handler) also cancels a once() that has not fired yet.
        onceWrappers.set(handler, wrapped);
        return element.on(type, wrapped);
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} [handler]
       */
      off(type, handler) {
        checkEvent(type);
        const set = listeners.get(type);
        if (!set) return element;
        if (handler) {
          set.delete(handler);
          const wrapped = onceWrappers.get(handler);
          if (wrapped) set.delete(wrapped);
        } else set.clear();
        return element;
      },

      // Internal, used by the Elements group and confirmPayment.
      _isMounted() {
        return !!wrapper && !destroyed;
      },
      _validate() {
        return request("validate", {});
      },
      /** @param {Json} billingDetails */
      _createPaymentMethod(billingDetails) {
        return request("createPaymentMethod", { billingDetails: billingDetails });
      },
    };

    /**
     * Stripe fetches the PaymentIntent when the element loads and reports a bad client secret as loaderror. Since
     * API version 2025-09-30 it also refuses a PaymentIntent that can no longer be confirmed (authorized, captured,
     * processing or canceled): loaderror, and no form. Resolves whether the form may be shown.
     * @returns {Promise<boolean>}
     */
    async function verifyClientSecret() {
      let id;
      try {
        id = intentIdFromSecret(group.options.clientSecret);
      } catch (error) {
        emit("loaderror", { elementType: "payment", error: { type: "invalid_request_error", message: /** @type {Error} */ (error).message } });
        return false;
      }
      const result = await api(group.stripe.publishableKey, "GET", "/v1/payment_intents/" + id, { client_secret: String(group.options.clientSecret) });
      const error = errorOf(result);
      if (error) {
        if (!destroyed) emit("loaderror", { elementType: "payment", error: error });
        return false;
      }
      const intent = /** @type {Json} */ (result.body);
      if (CONFIRMABLE_STATUSES.indexOf(String(intent.status)) < 0) {
        if (!destroyed) {
          if (wrapper) wrapper.style.display = "none";
          emit("loaderror", {
            elementType: "payment",
            error: {
              type: "invalid_request_error",
              code: "payment_intent_unexpected_state",
              message:
                "This PaymentIntent's status is " + intent.status + ", but the Payment Element can only be used with a PaymentIntent whose status is one of: " +
                CONFIRMABLE_STATUSES.join(", ") + ".",
              payment_intent: intent,
            },
          });
        }
        return false;
      }
      return true;
    }

    /**
     * With a CustomerSession (elements({ customerSessionClientSecret })), Stripe reads the customer's saved cards
     * and the session's features along with the PaymentIntent; a session it refuses (expired, unknown, for another
     * customer than the PaymentIntent's) is a loaderror. Only card summaries and the features go to the frame.
     * @returns {Promise<boolean>}
     */
    async function loadCustomerSession() {
      const secret = group.options.customerSessionClientSecret;
      if (secret === undefined) return true;
      const result = await api(group.stripe.publishableKey, "GET", "/v1/elements/sessions", {
        client_secret: String(group.options.clientSecret),
        customer_session_client_secret: String(secret),
        type: "payment_intent",
      });
      const error = errorOf(result);
      if (error) {
        if (!destroyed) emit("loaderror", { elementType: "payment", error: error });
        return false;
      }
      const customer = /** @type {Json} */ (result.body.customer || {});
      const session = /** @type {Json} */ (customer.customer_session || {});
      const components = /** @type {Json} */ (session.components || {});
      const paymentElement = /** @type {Json} */ (components.payment_element || {});
      const features = /** @type {Json} */ (paymentElement.features || {});
      const methods = Array.isArray(customer.payment_methods) ? /** @type {Json[]} */ (customer.payment_methods) : [];
      customerForFrame = {
        secret: String(secret),
        save: features.payment_method_save === "enabled",
        saveUsage: typeof features.payment_method_save_usage === "string" ? features.payment_method_save_usage : "off_session",
        remove: features.payment_method_remove === "enabled",
        cards: methods.map((pm) => {
          const card = /** @type {Json} */ (pm.card || {});
          return { id: pm.id, brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year };
        }),
      };
      return true;
    }

    return element;
  }

  // ---------------------------------------------------------------------------------------------------------
  // The Express Checkout Element: one Google Pay button in its own frame, and the wallet's payment sheet in an
  // overlay frame that stands in for Google's. Both frames are on the js origin; this page only ever learns what
  // Stripe.js tells a merchant (redacted addresses before the shopper pays, the PaymentMethod id when confirming).

  const EXPRESS_EVENTS = [
    "ready", "click", "confirm", "cancel", "shippingaddresschange", "shippingratechange", "focus", "blur", "escape",
    "loaderror", "availablepaymentmethodschange",
  ];
  const CLICK_TIMEOUT_MS = 1000;
  // Stripe gives the shipping handlers 20 seconds before the wallet gives up on them.
  const CHANGE_TIMEOUT_MS = 20000;
  const CLICK_TIMEOUT_WARNING =
    "[Stripe.js] Timed out waiting for a call to resolve(). If you listen to the \"click\" event, then you must call event.resolve in the \"click\" handler within 1 second.";

  /**
   * @typedef {{ amount: number, currency: string, paymentMethod: string | null, closed: boolean }} WalletPayment
   * What the shopper approved in the sheet, waiting for stripe.confirmPayment() or event.paymentFailed().
   */

  /**
   * @param {ElementsGroup} group
   * @param {Json} options
   */
  function createExpressCheckoutElement(group, options) {
    let currentOptions = checkExpressOptions(options, "create");
    const elementId = "ece" + ++nextElementId + "_" + Math.random().toString(36).slice(2, 10);
    /** @type {Map<string, Set<(event: unknown) => unknown>>} */
    const listeners = new Map();
    /** @type {WeakMap<Function, (event: unknown) => unknown>} */
    const onceWrappers = new WeakMap();
    /** @type {HTMLDivElement | null} */
    let wrapper = null;
    /** @type {HTMLIFrameElement | null} */
    let iframe = null;
    let destroyed = false;

    // The sheet, while it is open.
    /** @type {HTMLDivElement | null} */
    let overlay = null;
    /** @type {HTMLIFrameElement | null} */
    let sheetFrame = null;
    let sheetId = "";
    /** @type {Json | null} */
    let sheetInit = null;
    /** @type {{ lineItems: { name: string, amount: number }[], shippingRates: { id: string, amount: number, displayName: string }[], selectedRate: string | null }} */
    let sheetState = { lineItems: [], shippingRates: [], selectedRate: null };
    /** @type {{ settled: boolean, timer: number } | null} */
    let pendingClick = null;
    /** @type {{ settled: boolean, timer: number } | null} */
    let pendingChange = null;
    /** @type {WalletPayment | null} */
    let walletPayment = null;
    /** @type {Map<string, (data: Json) => void>} */
    const sheetRequests = new Map();
    let sheetRequestCounter = 0;

    /**
     * @param {string} type
     * @param {unknown} event
     */
    function emit(type, event) {
      const set = listeners.get(type);
      if (!set) return;
      for (const handler of Array.from(set)) {
        try {
          handler(event);
        } catch (error) {
          // As with the Payment Element: a throwing handler is reported, the Element carries on.
          setTimeout(() => {
            throw error;
          });
        }
      }
    }

    /** @param {string} type */
    function listening(type) {
      const set = listeners.get(type);
      return !!set && set.size > 0;
    }

    /** @param {string} type */
    function checkEvent(type) {
      if (EXPRESS_EVENTS.indexOf(type) === -1) throw notImplemented("the Express Checkout Element event \"" + type + "\"");
    }

    /** @param {Json} message */
    function postButton(message) {
      if (!iframe || !iframe.contentWindow) return;
      iframe.contentWindow.postMessage(Object.assign({ source: "stripe-double", elementId: elementId }, message), BASES.jsOrigin);
    }

    /** @param {Json} message */
    function postSheet(message) {
      if (!sheetFrame || !sheetFrame.contentWindow) return;
      sheetFrame.contentWindow.postMessage(Object.assign({ source: "stripe-double", elementId: sheetId }, message), BASES.jsOrigin);
    }

    function money() {
      return { amount: Number(group.options.amount), currency: String(group.options.currency) };
    }

    function buttonOptions() {
      const type = /** @type {Json} */ (currentOptions.buttonType || {});
      const theme = /** @type {Json} */ (currentOptions.buttonTheme || {});
      return {
        available: availablePaymentMethods(currentOptions) !== undefined,
        buttonType: typeof type.googlePay === "string" ? type.googlePay : "buy",
        buttonTheme: typeof theme.googlePay === "string" ? theme.googlePay : "black",
        buttonHeight: typeof currentOptions.buttonHeight === "number" ? currentOptions.buttonHeight : 44,
      };
    }

    /** @param {MessageEvent} event */
    function onButtonMessage(event) {
      if (!iframe || event.source !== iframe.contentWindow || event.origin !== BASES.jsOrigin) return;
      const data = /** @type {Json} */ (event.data);
      if (!data || data.source !== "stripe-double" || data.elementId !== elementId) return;
      switch (data.type) {
        case "ready":
          emit("ready", { elementType: "expressCheckout", availablePaymentMethods: availablePaymentMethods(currentOptions) });
          break;
        case "height":
          if (typeof data.height === "number") iframe.style.height = Math.ceil(data.height) + "px";
          break;
        case "click":
          onButtonClick();
          break;
        case "focus":
        case "blur":
        case "escape":
          emit(String(data.type), { elementType: "expressCheckout" });
          break;
      }
    }

    function onButtonClick() {
      if (overlay || pendingClick) return; // one wallet session at a time
      if (!listening("click")) {
        openSheetSafely({});
        return;
      }
      const pending = { settled: false, timer: 0 };
      pendingClick = pending;
      pending.timer = window.setTimeout(() => {
        if (pending.settled) return;
        pending.settled = true;
        pendingClick = null;
        // The wallet needs the shopper's click to open; after a second it can no longer be opened.
        console.warn(CLICK_TIMEOUT_WARNING);
      }, CLICK_TIMEOUT_MS);
      emit("click", {
        elementType: "expressCheckout",
        expressPaymentType: "google_pay",
        /** @param {unknown} details */
        resolve(details) {
          if (pending.settled || destroyed) return;
          const resolved = checkClickResolve(details);
          const config = sheetConfig(currentOptions, resolved, money());
          pending.settled = true;
          window.clearTimeout(pending.timer);
          pendingClick = null;
          openSheet(config);
        },
        reject() {
          if (pending.settled) return;
          pending.settled = true;
          window.clearTimeout(pending.timer);
          pendingClick = null;
        },
      });
    }

    /**
     * Without a click handler the sheet opens straight from the Element's options; a mistake in them surfaces the
     * way Stripe.js reports it, as an error in the console, and the sheet stays closed.
     * @param {Json} resolved
     */
    function openSheetSafely(resolved) {
      let config;
      try {
        config = sheetConfig(currentOptions, resolved, money());
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
        return;
      }
      openSheet(config);
    }

    /** @param {Json} config */
    function openSheet(config) {
      sheetId = elementId + "_sheet" + ++sheetRequestCounter;
      sheetInit = config;
      sheetState = {
        lineItems: /** @type {{ name: string, amount: number }[]} */ (config.lineItems),
        shippingRates: /** @type {{ id: string, amount: number, displayName: string }[]} */ (config.shippingRates),
        selectedRate: null,
      };
      const firstRate = sheetState.shippingRates[0];
      sheetState.selectedRate = firstRate ? firstRate.id : null;
      overlay = document.createElement("div");
      overlay.setAttribute("data-stripe-double", "wallet-sheet");
      overlay.style.cssText = "position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.45); display: flex; align-items: flex-end; justify-content: center;";
      sheetFrame = document.createElement("iframe");
      sheetFrame.name = "stripe-double-wallet-sheet";
      sheetFrame.title = "Google Pay";
      sheetFrame.setAttribute("allow", "payment *");
      const params = new URLSearchParams();
      params.set("id", sheetId);
      params.set("origin", location.origin);
      params.set("key", group.stripe.publishableKey);
      sheetFrame.src = BASES.js + "double/wallet-sheet.html#" + params.toString();
      sheetFrame.style.cssText = "width: 100%; max-width: 480px; height: 92vh; border: none; border-radius: 12px 12px 0 0; background: #fff; box-shadow: 0 -8px 40px rgba(0, 0, 0, 0.3);";
      overlay.appendChild(sheetFrame);
      window.addEventListener("message", onSheetMessage);
      document.body.appendChild(overlay);
      postButton({ type: "sheet", open: true });
    }

    function closeSheet() {
      if (!overlay) return;
      window.removeEventListener("message", onSheetMessage);
      overlay.remove();
      overlay = null;
      sheetFrame = null;
      sheetInit = null;
      if (pendingChange) {
        pendingChange.settled = true;
        window.clearTimeout(pendingChange.timer);
        pendingChange = null;
      }
      if (walletPayment) walletPayment.closed = true;
      walletPayment = null;
      sheetRequests.forEach((resolve) => resolve({ error: { type: "invalid_request_error", message: "The payment sheet was closed." } }));
      sheetRequests.clear();
      postButton({ type: "sheet", open: false });
    }

    /**
     * A shipping event the merchant answers with resolve() or reject(); the sheet waits for the answer.
     * @param {"shippingaddresschange" | "shippingratechange"} type
     * @param {Json} data
     */
    function onShippingEvent(type, data) {
      const requestId = data.requestId;
      const rate = type === "shippingratechange" ? /** @type {Json} */ (data.shippingRate) : null;
      if (!listening(type)) {
        // Nobody to ask: the address or rate stands, the amounts stay as they are.
        if (rate) sheetState.selectedRate = String(rate.id);
        else sheetState.selectedRate = sheetState.shippingRates[0] ? sheetState.shippingRates[0].id : null;
        postSheet({ type: "changeResult", requestId: requestId, status: "resolved", amount: money().amount, currency: money().currency });
        return;
      }
      const pending = { settled: false, timer: 0 };
      pendingChange = pending;
      pending.timer = window.setTimeout(() => {
        if (pending.settled) return;
        pending.settled = true;
        pendingChange = null;
        console.warn("[Stripe.js] Timed out waiting for a call to resolve() or reject() in the \"" + type + "\" handler (20 seconds); the wallet treats the " + (rate ? "shipping rate" : "address") + " as refused.");
        postSheet({ type: "changeResult", requestId: requestId, status: "timeout" });
      }, CHANGE_TIMEOUT_MS);
      /** @type {Json} */
      const event = {
        elementType: "expressCheckout",
        /** @param {unknown} details */
        resolve(details) {
          if (pending.settled || !overlay) return;
          const checked = checkChangeResolve(details, type);
          const lineItems = checked.lineItems || sheetState.lineItems;
          const rates = checked.shippingRates || sheetState.shippingRates;
          // Which rate the wallet shows next: new rates after an address change start from their first; otherwise
          // the rate just chosen (or kept) stays if the list still has it.
          const wanted = rate ? String(rate.id) : checked.shippingRates ? null : sheetState.selectedRate;
          const chosen = (wanted && rates.find((r) => r.id === wanted)) || rates[0] || null;
          // Stripe.js refuses an amount below the line items plus shipping; the wallet keeps waiting meanwhile.
          checkLineItemsTotal(money().amount, lineItems, chosen);
          pending.settled = true;
          window.clearTimeout(pending.timer);
          pendingChange = null;
          sheetState = { lineItems: lineItems, shippingRates: rates, selectedRate: chosen ? chosen.id : null };
          /** @type {Json} */
          const answer = { type: "changeResult", requestId: requestId, status: "resolved", amount: money().amount, currency: money().currency };
          if (checked.lineItems) answer.lineItems = checked.lineItems;
          if (checked.shippingRates) answer.shippingRates = checked.shippingRates;
          postSheet(answer);
        },
        reject() {
          if (pending.settled || !overlay) return;
          pending.settled = true;
          window.clearTimeout(pending.timer);
          pendingChange = null;
          postSheet({ type: "changeResult", requestId: requestId, status: "rejected" });
        },
      };
      if (rate) event.shippingRate = rate;
      else {
        event.name = data.name;
        event.address = data.address;
      }
      emit(type, event);
    }

    /** @param {Json} data */
    function onSheetConfirm(data) {
      /** @type {WalletPayment} */
      const payment = { amount: Number(data.amount), currency: String(data.currency), paymentMethod: null, closed: false };
      walletPayment = payment;
      /** @type {Json} */
      const event = {
        elementType: "expressCheckout",
        expressPaymentType: "google_pay",
        billingDetails: data.billingDetails,
        /** @param {unknown} payload */
        paymentFailed(payload) {
          const failure = checkPaymentFailed(payload);
          if (payment.closed || walletPayment !== payment) return;
          walletPayment = null;
          postSheet({ type: "paymentFailed", reason: failure.reason, message: failure.message });
        },
      };
      if (data.shippingAddress) event.shippingAddress = data.shippingAddress;
      if (data.shippingRate) event.shippingRate = data.shippingRate;
      emit("confirm", event);
    }

    /** @param {MessageEvent} event */
    function onSheetMessage(event) {
      if (!sheetFrame || event.source !== sheetFrame.contentWindow || event.origin !== BASES.jsOrigin) return;
      const data = /** @type {Json} */ (event.data);
      if (!data || data.source !== "stripe-double" || data.elementId !== sheetId) return;
      switch (data.type) {
        case "ready":
          postSheet({ type: "init", config: sheetInit });
          break;
        case "shippingaddresschange":
        case "shippingratechange":
          onShippingEvent(data.type, data);
          break;
        case "confirm":
          onSheetConfirm(data);
          break;
        case "cancel":
          closeSheet();
          emit("cancel", { elementType: "expressCheckout" });
          break;
        case "response": {
          const resolve = sheetRequests.get(String(data.requestId));
          if (resolve) {
            sheetRequests.delete(String(data.requestId));
            resolve(/** @type {Json} */ (data.result || {}));
          }
          break;
        }
      }
    }

    /** @param {unknown} target */
    function resolveTarget(target) {
      if (typeof target === "string") {
        const found = document.querySelector(target);
        if (!found) throw new IntegrationError("The selector you specified (" + target + ") applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().");
        return found;
      }
      if (target instanceof HTMLElement) return target;
      throw new IntegrationError("Invalid DOM element. Make sure to call mount() with a valid DOM element or selector.");
    }

    const element = {
      /** @param {string | HTMLElement} target */
      mount(target) {
        if (destroyed) throw new IntegrationError("This Element has already been destroyed. Please create a new one.");
        if (wrapper) throw new IntegrationError("This Element is already mounted. Use `unmount` to unmount the Element before re-mounting.");
        const parent = resolveTarget(target);
        window.addEventListener("message", onButtonMessage);
        wrapper = document.createElement("div");
        wrapper.className = "__PrivateStripeElement";
        wrapper.style.cssText = "margin: 0 !important; padding: 0 !important; border: none !important; display: block !important; background: transparent !important; position: relative !important; opacity: 1 !important;";
        iframe = document.createElement("iframe");
        iframe.name = "__privateStripeFrame" + elementId;
        iframe.title = "Secure express checkout frame";
        iframe.setAttribute("frameborder", "0");
        iframe.setAttribute("allowtransparency", "true");
        iframe.setAttribute("scrolling", "no");
        iframe.setAttribute("allow", "payment *");
        iframe.style.cssText = "border: none !important; margin: 0 !important; padding: 0 !important; width: 1px !important; min-width: 100% !important; overflow: hidden !important; display: block !important; user-select: none !important; height: " + buttonOptions().buttonHeight + "px;";
        const params = new URLSearchParams();
        params.set("id", elementId);
        params.set("origin", location.origin);
        params.set("options", JSON.stringify(buttonOptions()));
        iframe.src = BASES.js + "double/express-checkout.html#" + params.toString();
        wrapper.appendChild(iframe);
        parent.appendChild(wrapper);
      },
      unmount() {
        if (!wrapper) return;
        closeSheet();
        if (pendingClick) {
          pendingClick.settled = true;
          window.clearTimeout(pendingClick.timer);
          pendingClick = null;
        }
        window.removeEventListener("message", onButtonMessage);
        wrapper.remove();
        wrapper = null;
        iframe = null;
      },
      destroy() {
        element.unmount();
        destroyed = true;
        listeners.clear();
        group._forget(element);
      },
      /** @param {Json} updates */
      update(updates) {
        const checked = checkExpressOptions(updates || {}, "update");
        currentOptions = Object.assign({}, currentOptions, checked);
        postButton({ type: "update", options: buttonOptions() });
        return element;
      },
      focus() {
        if (iframe) iframe.focus();
        postButton({ type: "focus" });
      },
      blur() {
        postButton({ type: "blur" });
      },
      clear() {
        throw notImplemented("expressCheckoutElement.clear");
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} handler
       */
      on(type, handler) {
        checkEvent(type);
        if (typeof handler !== "function") throw new IntegrationError("A handler function is required for on(\"" + type + "\").");
        let set = listeners.get(type);
        if (!set) listeners.set(type, (set = new Set()));
        set.add(handler);
        return element;
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} handler
       */
      once(type, handler) {
        checkEvent(type);
        /** @param {unknown} event */
        const wrapped = (event) => {
          element.off(type, handler);
          return handler(event);
        };
        onceWrappers.set(handler, wrapped);
        return element.on(type, wrapped);
      },
      /**
       * @param {string} type
       * @param {(event: unknown) => unknown} [handler]
       */
      off(type, handler) {
        checkEvent(type);
        const set = listeners.get(type);
        if (!set) return element;
        if (handler) {
          set.delete(handler);
          const wrapped = onceWrappers.get(handler);
          if (wrapped) set.delete(wrapped);
        } else set.clear();
        return element;
      },

      // Internal, used by the Elements group and confirmPayment.
      /** @returns {WalletPayment | null} */
      _walletPayment() {
        return walletPayment && !walletPayment.closed ? walletPayment : null;
      },
      /**
       * The sheet turns the wallet's token into a PaymentMethod (once per approval) and answers its id.
       * @param {WalletPayment} payment
       * @returns {Promise<Json>}
       */
      _createPaymentMethod(payment) {
        if (payment.paymentMethod) return Promise.resolve({ paymentMethod: payment.paymentMethod });
        return new Promise((resolve) => {
          if (payment.closed || !sheetFrame) {
            resolve({ error: { type: "invalid_request_error", message: "The payment sheet was closed." } });
            return;
          }
          const requestId = "r" + ++sheetRequestCounter;
          sheetRequests.set(requestId, (result) => {
            if (typeof result.paymentMethod === "string") payment.paymentMethod = result.paymentMethod;
            resolve(result);
          });
          postSheet({ type: "createPaymentMethod", requestId: requestId });
        });
      },
      /** The payment went through: the wallet closes, as Google Pay's sheet does. */
      _completed() {
        postSheet({ type: "complete" });
        closeSheet();
      },
      /** 3-D Secure comes next: the wallet has done its part and closes so the challenge can show. */
      _handOff() {
        closeSheet();
      },
    };

    return element;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elements group

  /** @typedef {ReturnType<typeof createPaymentElement>} PaymentElement */
  /** @typedef {ReturnType<typeof createExpressCheckoutElement>} ExpressCheckoutElement */
  /** @typedef {{ stripe: StripeInstance, options: Json, _forget: (el: PaymentElement | ExpressCheckoutElement) => void }} ElementsGroup */
  /** @typedef {{ publishableKey: string }} StripeInstance */

  const UNIMPLEMENTED_ELEMENTS_METHODS = ["on"];

  /**
   * @param {StripeInstance} stripe
   * @param {Json} options
   */
  function createElements(stripe, options) {
    /** @type {PaymentElement | null} */
    let paymentElement = null;
    /** @type {ExpressCheckoutElement | null} */
    let expressElement = null;
    let submitted = false;

    const group = {
      stripe: stripe,
      /** @type {Json} */
      options: Object.assign({}, options || {}),
      /** @param {PaymentElement | ExpressCheckoutElement} el */
      _forget(el) {
        if (paymentElement === el) paymentElement = null;
        if (expressElement === el) expressElement = null;
      },
      /**
       * @param {string} type
       * @param {Json} [elementOptions]
       */
      create(type, elementOptions) {
        if (type === "expressCheckout") {
          if (group.options.mode === undefined) {
            throw notImplemented("the Express Checkout Element on an Elements group without mode (create the group with elements({ mode: \"payment\", amount, currency }))");
          }
          if (expressElement) throw new IntegrationError("Can only create one Element of type expressCheckout.");
          expressElement = createExpressCheckoutElement(group, elementOptions || {});
          return expressElement;
        }
        if (type !== "payment") throw notImplemented("the \"" + type + "\" Element (only \"payment\" and \"expressCheckout\" are implemented)");
        if (paymentElement) throw new IntegrationError("Can only create one Element of type payment.");
        paymentElement = createPaymentElement(group, elementOptions || {});
        return paymentElement;
      },
      /** @param {string} type */
      getElement(type) {
        if (type === "expressCheckout") return expressElement;
        return type === "payment" ? paymentElement : null;
      },
      /** @param {Json} updates */
      update(updates) {
        const changes = updates || {};
        if ("clientSecret" in changes) throw new IntegrationError("clientSecret cannot be updated with elements.update(); create a new Elements group instead.");
        if (group.options.clientSecret !== undefined) {
          for (const key of ["mode", "amount", "currency", "captureMethod", "capture_method"]) {
            if (key in changes) throw new IntegrationError("elements.update(): " + key + " can only be updated on an Elements group created with mode (without a clientSecret).");
          }
        } else if (group.options.mode !== undefined) {
          checkDeferredOptions(changes, "elements.update()", false);
        }
        // appearance and locale are stored; the double's frames look the same whatever they say. A new amount is
        // what the wallet shows as its total from the next event the merchant resolves.
        Object.assign(group.options, changes);
        if (paymentElement && "appearance" in changes) paymentElement.update({});
        return Promise.resolve();
      },
      async fetchUpdates() {
        return {};
      },
      async submit() {
        // The shopper approved a wallet payment: what Stripe.js collects for it is already there.
        if (expressElement && expressElement._walletPayment()) {
          submitted = true;
          return {};
        }
        if (!paymentElement || !paymentElement._isMounted()) {
          return { error: { type: "validation_error", message: "The Payment Element is not mounted." } };
        }
        const result = await paymentElement._validate();
        if (result.error) return { error: result.error };
        submitted = true;
        return {};
      },
      _paymentElement() {
        return paymentElement;
      },
      _expressElement() {
        return expressElement;
      },
      _submitted() {
        return submitted;
      },
      _resetSubmitted() {
        submitted = false;
      },
    };
    for (const name of UNIMPLEMENTED_ELEMENTS_METHODS) {
      /** @type {Json} */ (/** @type {unknown} */ (group))[name] = function () {
        throw notImplemented("elements." + name);
      };
    }
    return group;
  }

  // ---------------------------------------------------------------------------------------------------------
  // 3-D Secure

  /**
   * Shows the challenge in an overlay frame and resolves once the challenge page reports it finished.
   * @param {string} challengeUrl
   * @returns {Promise<void>}
   */
  function runChallenge(challengeUrl) {
    return new Promise((resolve) => {
      const url = new URL(challengeUrl, location.href);
      const overlay = document.createElement("div");
      overlay.setAttribute("data-stripe-double", "3ds-overlay");
      overlay.style.cssText = "position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.4); display: flex; align-items: center; justify-content: center;";
      const frame = document.createElement("iframe");
      frame.name = "stripe-challenge-frame";
      frame.title = "3D Secure authentication";
      frame.src = url.href;
      frame.style.cssText = "width: 500px; max-width: 95vw; height: 600px; max-height: 90vh; border: none; border-radius: 8px; background: #fff; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3);";
      overlay.appendChild(frame);
      /** @param {MessageEvent} event */
      const onMessage = (event) => {
        if (event.source !== frame.contentWindow || event.origin !== url.origin) return;
        const data = /** @type {Json} */ (event.data);
        if (!data || data.type !== "stripe-double:3ds-complete") return;
        window.removeEventListener("message", onMessage);
        overlay.remove();
        resolve();
      };
      window.addEventListener("message", onMessage);
      document.body.appendChild(overlay);
    });
  }

  /** @param {Json} paymentIntent */
  function redirectStatus(paymentIntent) {
    const status = paymentIntent.status;
    if (status === "succeeded" || status === "requires_capture") return "succeeded";
    if (status === "processing") return "processing";
    return "failed";
  }

  /**
   * @param {string} returnUrl
   * @param {Json} paymentIntent
   */
  function navigateToReturnUrl(returnUrl, paymentIntent) {
    const target = new URL(returnUrl, location.href);
    target.searchParams.set("payment_intent", String(paymentIntent.id));
    target.searchParams.set("payment_intent_client_secret", String(paymentIntent.client_secret));
    target.searchParams.set("redirect_status", redirectStatus(paymentIntent));
    location.assign(target.href);
  }

  const AUTHENTICATION_FAILED =
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

  /** A redirect leaves the page: Stripe.js's promise never settles then. */
  function never() {
    return new Promise(() => {});
  }

  // ---------------------------------------------------------------------------------------------------------
  // The Stripe object

  const UNIMPLEMENTED_STRIPE_METHODS = [
    "collectBankAccountForPayment", "collectBankAccountForSetup", "collectBankAccountToken",
    "collectFinancialConnectionsAccounts", "confirmAcssDebitPayment", "confirmAcssDebitSetup",
    "confirmAffirmPayment", "confirmAfterpayClearpayPayment", "confirmAlipayPayment", "confirmAmazonPaySetup",
    "confirmAuBecsDebitPayment", "confirmAuBecsDebitSetup", "confirmBacsDebitSetup", "confirmBancontactPayment",
    "confirmBancontactSetup", "confirmBilliePayment", "confirmBlikPayment", "confirmBlikSetup",
    "confirmBoletoPayment", "confirmCardPayment", "confirmCardSetup", "confirmCashappPayment",
    "confirmCashappSetup", "confirmCustomerBalancePayment", "confirmEpsPayment", "confirmFpxPayment",
    "confirmGiropayPayment", "confirmGrabPayPayment", "confirmIdealPayment", "confirmIdealSetup",
    "confirmKlarnaPayment", "confirmKonbiniPayment", "confirmMobilepayPayment", "confirmMultibancoPayment",
    "confirmOxxoPayment", "confirmPayByBankPayment", "confirmPayNowPayment", "confirmPayPalPayment",
    "confirmPayPalSetup", "confirmPixPayment", "confirmPromptPayPayment", "confirmSepaDebitPayment",
    "confirmSepaDebitSetup", "confirmSetup", "confirmSofortPayment", "confirmSofortSetup", "confirmTwintPayment",
    "confirmUsBankAccountPayment", "confirmUsBankAccountSetup", "confirmWechatPayPayment",
    "createConfirmationToken", "createEmbeddedCheckoutPage", "createEphemeralKeyNonce", "createPaymentMethod",
    "createRadarSession", "createSource", "createToken", "handleCardAction", "handleCardSetup",
    "initCheckout", "initCheckoutElementsSdk", "initCheckoutFormSdk", "initEmbeddedCheckout",
    "initializePricing", "paymentRequest", "processOrder", "retrieveOrder", "retrieveSetupIntent",
    "retrieveSource", "verifyIdentity", "verifyMicrodepositsForPayment", "verifyMicrodepositsForSetup",
  ];

  /**
   * @param {unknown} publishableKey
   * @param {Json} [stripeOptions]
   */
  function Stripe(publishableKey, stripeOptions) {
    if (typeof publishableKey !== "string" || !publishableKey) {
      throw new IntegrationError("Invalid value for Stripe(): apiKey should be a string. You specified: " + (publishableKey === undefined ? "undefined" : typeof publishableKey) + ".");
    }
    if (/^sk_/.test(publishableKey)) {
      throw new IntegrationError("You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.");
    }
    const key = publishableKey;
    /** @type {Json[]} */
    const wrappers = [];
    /** @type {Json[]} */
    const appInfo = [];

    /**
     * Follows a PaymentIntent through whatever it still needs, the way Stripe.js does after a confirm.
     * @param {Json} paymentIntent
     * @param {{ redirect: string, returnUrl?: string }} how
     * @returns {Promise<Json>}
     */
    async function settle(paymentIntent, how) {
      let intent = paymentIntent;
      if (intent.status === "requires_action") {
        const nextAction = /** @type {Json | null} */ (intent.next_action);
        if (nextAction && nextAction.type === "redirect_to_url") {
          const redirect = /** @type {Json} */ (nextAction.redirect_to_url);
          location.assign(String(redirect.url));
          return never();
        }
        if (nextAction && nextAction.type === "use_stripe_sdk") {
          const sdk = /** @type {Json} */ (nextAction.use_stripe_sdk || {});
          const challengeUrl = typeof sdk.stripe_js === "string" ? sdk.stripe_js : null;
          if (!challengeUrl) throw notImplemented("next_action.use_stripe_sdk of type " + String(sdk.type));
          await runChallenge(challengeUrl);
          const refreshed = await api(key, "GET", "/v1/payment_intents/" + String(intent.id), { client_secret: String(intent.client_secret) });
          const error = errorOf(refreshed);
          if (error) return { error: error };
          intent = refreshed.body;
        } else {
          throw notImplemented("next_action of type " + (nextAction ? String(nextAction.type) : "null"));
        }
      }
      if (intent.status === "requires_payment_method") {
        // After a failed challenge Stripe.js answers with the PaymentIntent's last_payment_error.
        const last = /** @type {StripeError | null} */ (intent.last_payment_error);
        /** @type {StripeError} */
        const error = last
          ? Object.assign({}, last, { payment_intent: intent })
          : { type: "invalid_request_error", code: "payment_intent_authentication_failure", payment_intent: intent };
        // The API's own message for this code speaks to developers ("The provided PaymentMethod has failed
        // authentication…"); Stripe.js hands the shopper-facing one to the page.
        if (error.code === "payment_intent_authentication_failure" || !error.message) error.message = AUTHENTICATION_FAILED;
        return { error: error };
      }
      if (intent.status === "requires_action") {
        // The shopper closed nothing and yet no decision was taken: report it like Stripe.js does.
        return {
          error: {
            type: "invalid_request_error",
            code: "payment_intent_authentication_failure",
            message: AUTHENTICATION_FAILED,
            payment_intent: intent,
          },
        };
      }
      if (how.redirect !== "if_required" && how.returnUrl) {
        navigateToReturnUrl(how.returnUrl, intent);
        return never();
      }
      return { paymentIntent: intent };
    }

    /**
     * confirmPayment() after the shopper approved a payment in the Express Checkout Element's wallet: the wallet's
     * card becomes a PaymentMethod and confirms the PaymentIntent the merchant created after the sheet, for exactly
     * the amount the shopper approved.
     * @param {ReturnType<typeof createElements>} group
     * @param {ExpressCheckoutElement} walletElement
     * @param {WalletPayment} wallet
     * @param {{ intentId: string, params: Json, confirmParams: Json, redirect: string, returnUrl?: string }} how
     * @returns {Promise<Json>}
     */
    async function confirmWalletPayment(group, walletElement, wallet, how) {
      if (!group._submitted()) {
        throw new IntegrationError("elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.");
      }
      group._resetSubmitted();
      if (how.confirmParams.payment_method_data !== undefined) {
        throw notImplemented("confirmParams.payment_method_data with a wallet payment (the wallet supplies the billing details)");
      }
      const read = await api(key, "GET", "/v1/payment_intents/" + how.intentId, { client_secret: String(how.params.client_secret) });
      const readError = errorOf(read);
      if (readError) return { error: readError };
      const intent = read.body;
      const mismatch = captureMethodMismatch(group.options, intent);
      if (mismatch) return { error: mismatch };
      if (intent.amount !== wallet.amount || intent.currency !== wallet.currency) {
        // The shopper approved one amount in the wallet; charging another is refused before anything is confirmed.
        return {
          error: {
            type: "invalid_request_error",
            message:
              "The PaymentIntent's amount (" + String(intent.amount) + " " + String(intent.currency) + ") does not match the amount the customer approved in the Express Checkout Element (" +
              wallet.amount + " " + wallet.currency + "). Create the PaymentIntent for the Elements amount, and call elements.update({ amount }) before resolving the event that changed it.",
            payment_intent: intent,
          },
        };
      }
      const created = await walletElement._createPaymentMethod(wallet);
      if (created.error) return { error: created.error };
      const params = Object.assign({}, how.params, { payment_method: String(created.paymentMethod) });
      const confirmed = await api(key, "POST", "/v1/payment_intents/" + how.intentId + "/confirm", params);
      const error = errorOf(confirmed);
      // A decline leaves the wallet open and waiting: the merchant calls event.paymentFailed() to show it there.
      if (error) return { error: error };
      if (confirmed.body.status === "requires_action") walletElement._handOff();
      else walletElement._completed();
      return settle(confirmed.body, { redirect: how.redirect, returnUrl: how.returnUrl });
    }

    const stripe = {
      publishableKey: key,

      /** @param {Json} [options] */
      elements(options) {
        const opts = options || {};
        if (opts.clientSecret !== undefined && opts.mode !== undefined) {
          throw new IntegrationError("Invalid value for elements(): pass either clientSecret or mode, not both.");
        }
        if (opts.clientSecret !== undefined) intentIdFromSecret(opts.clientSecret);
        if (opts.customerSessionClientSecret !== undefined && opts.mode === undefined) {
          if (typeof opts.customerSessionClientSecret !== "string" || !/^cuss_secret_[A-Za-z0-9]+$/.test(opts.customerSessionClientSecret)) {
            throw new IntegrationError("Invalid value for elements(): customerSessionClientSecret should be a CustomerSession's client_secret (cuss_secret_…). You specified: " + describe(opts.customerSessionClientSecret) + ".");
          }
        }
        if (opts.mode !== undefined) checkDeferredOptions(opts, "elements()", true);
        return createElements(stripe, opts);
      },

      /**
       * @param {{ elements?: ReturnType<typeof createElements>, clientSecret?: string, confirmParams?: Json, redirect?: string }} options
       */
      async confirmPayment(options) {
        if (!options || typeof options !== "object") throw new IntegrationError("Invalid value for confirmPayment: expected an object.");
        const group = options.elements;
        const redirect = options.redirect === undefined ? "always" : options.redirect;
        if (redirect !== "always" && redirect !== "if_required") {
          throw new IntegrationError("Invalid value for redirect: should be one of the following strings: always, if_required. You specified: " + String(redirect) + ".");
        }
        const confirmParams = options.confirmParams || {};
        const returnUrl = typeof confirmParams.return_url === "string" ? confirmParams.return_url : undefined;
        if (redirect === "always" && !returnUrl) {
          throw new IntegrationError("stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`");
        }
        const clientSecret = options.clientSecret !== undefined ? options.clientSecret : group && group.options.clientSecret;
        if (clientSecret === undefined) {
          throw new IntegrationError("stripe.confirmPayment(): the `clientSecret` argument is required when Elements was created without one.");
        }
        const intentId = intentIdFromSecret(clientSecret);
        const known = new Set(["return_url", "payment_method_data", "payment_method", "shipping", "receipt_email", "save_payment_method", "setup_future_usage", "expand"]);
        for (const name of Object.keys(confirmParams)) {
          if (!known.has(name)) throw notImplemented("confirmParams." + name);
        }

        /** @type {Json} */
        const params = { client_secret: String(clientSecret), use_stripe_sdk: "true" };
        if (returnUrl) params.return_url = returnUrl;
        if (confirmParams.shipping) params.shipping = confirmParams.shipping;
        if (confirmParams.receipt_email) params.receipt_email = confirmParams.receipt_email;
        if (confirmParams.setup_future_usage) params.setup_future_usage = confirmParams.setup_future_usage;

        const walletElement = group ? group._expressElement() : null;
        const wallet = walletElement ? walletElement._walletPayment() : null;
        if (typeof confirmParams.payment_method === "string") {
          params.payment_method = confirmParams.payment_method;
        } else if (group && walletElement && wallet) {
          return confirmWalletPayment(group, walletElement, wallet, {
            intentId: intentId,
            params: params,
            confirmParams: confirmParams,
            redirect: redirect,
            returnUrl: returnUrl,
          });
        } else {
          if (!group) throw new IntegrationError("stripe.confirmPayment(): the `elements` argument is required unless `confirmParams.payment_method` is given.");
          const element = group._paymentElement();
          if (!element || !element._isMounted()) {
            throw new IntegrationError("stripe.confirmPayment(): the Payment Element must be mounted before confirming.");
          }
          if (group.options.clientSecret === undefined && !group._submitted()) {
            throw new IntegrationError("elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.");
          }
          group._resetSubmitted();
          if (group.options.clientSecret === undefined) {
            // A deferred group: Stripe reads the PaymentIntent and refuses a capture method other than the group's.
            const read = await api(key, "GET", "/v1/payment_intents/" + intentId, { client_secret: String(clientSecret) });
            const readError = errorOf(read);
            if (readError) return { error: readError };
            const mismatch = captureMethodMismatch(group.options, read.body);
            if (mismatch) return { error: mismatch };
          }
          const pmData = /** @type {Json} */ (confirmParams.payment_method_data || {});
          const billingDetails = /** @type {Json} */ (pmData.billing_details || {});
          const created = await element._createPaymentMethod(billingDetails);
          if (created.error) return { error: created.error };
          params.payment_method = String(created.paymentMethod);
          // The shopper ticked "save": the PaymentIntent saves the card with the CustomerSession's usage.
          if (typeof created.setupFutureUsage === "string" && params.setup_future_usage === undefined) {
            params.setup_future_usage = created.setupFutureUsage;
          }
        }

        const confirmed = await api(key, "POST", "/v1/payment_intents/" + intentId + "/confirm", params);
        const error = errorOf(confirmed);
        if (error) return { error: error };
        return settle(confirmed.body, { redirect: redirect, returnUrl: returnUrl });
      },

      /** @param {string} clientSecret */
      async retrievePaymentIntent(clientSecret) {
        const id = intentIdFromSecret(clientSecret);
        const result = await api(key, "GET", "/v1/payment_intents/" + id, { client_secret: clientSecret });
        const error = errorOf(result);
        return error ? { error: error } : { paymentIntent: result.body };
      },

      /** @param {{ clientSecret: string }} options */
      async handleNextAction(options) {
        const clientSecret = options && options.clientSecret;
        const id = intentIdFromSecret(clientSecret);
        const result = await api(key, "GET", "/v1/payment_intents/" + id, { client_secret: String(clientSecret) });
        const error = errorOf(result);
        if (error) return { error: error };
        if (result.body.status !== "requires_action") {
          return {
            error: {
              type: "invalid_request_error",
              code: "payment_intent_unexpected_state",
              message: "The PaymentIntent supplied does not require actions to be handled.",
              payment_intent: result.body,
            },
          };
        }
        return settle(result.body, { redirect: "if_required" });
      },

      /** @param {Json} info */
      registerAppInfo(info) {
        appInfo.push(info);
      },

      /** @param {Json} wrapper */
      _registerWrapper(wrapper) {
        wrappers.push(wrapper);
      },
    };

    for (const name of UNIMPLEMENTED_STRIPE_METHODS) {
      /** @type {Json} */ (stripe)[name] = function () {
        throw notImplemented("stripe." + name);
      };
    }
    void stripeOptions;
    return stripe;
  }

  // The loader compares this with its release train and warns on a mismatch.
  Stripe.version = BASES.version;
  // Marks the double (a second copy of the script leaves the first in place) and gives its unit tests the rules.
  Stripe.__stripeDouble = { rules: RULES };
  /** @type {any} */ (window).Stripe = Stripe;
})();
