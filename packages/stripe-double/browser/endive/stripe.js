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
        verification = group.options.clientSecret ? verifyClientSecret() : Promise.resolve(true);
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

    return element;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elements group

  /** @typedef {ReturnType<typeof createPaymentElement>} PaymentElement */
  /** @typedef {{ stripe: StripeInstance, options: Json, _forget: (el: PaymentElement) => void }} ElementsGroup */
  /** @typedef {{ publishableKey: string }} StripeInstance */

  const UNIMPLEMENTED_ELEMENTS_METHODS = ["on"];

  /**
   * @param {StripeInstance} stripe
   * @param {Json} options
   */
  function createElements(stripe, options) {
    /** @type {PaymentElement | null} */
    let paymentElement = null;
    let submitted = false;

    const group = {
      stripe: stripe,
      /** @type {Json} */
      options: Object.assign({}, options || {}),
      /** @param {PaymentElement} el */
      _forget(el) {
        if (paymentElement === el) paymentElement = null;
      },
      /**
       * @param {string} type
       * @param {Json} [elementOptions]
       */
      create(type, elementOptions) {
        if (type !== "payment") throw notImplemented("the \"" + type + "\" Element (only \"payment\" is implemented)");
        if (paymentElement) throw new IntegrationError("Can only create one Element of type payment.");
        paymentElement = createPaymentElement(group, elementOptions || {});
        return paymentElement;
      },
      /** @param {string} type */
      getElement(type) {
        return type === "payment" ? paymentElement : null;
      },
      /** @param {Json} updates */
      update(updates) {
        if (updates && "clientSecret" in updates) throw new IntegrationError("clientSecret cannot be updated with elements.update(); create a new Elements group instead.");
        // appearance, locale, amount, currency…: stored; the double's form looks the same whatever they say.
        Object.assign(group.options, updates || {});
        if (paymentElement && updates && "appearance" in updates) paymentElement.update({});
      },
      async fetchUpdates() {
        return {};
      },
      async submit() {
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

    const stripe = {
      publishableKey: key,

      /** @param {Json} [options] */
      elements(options) {
        const opts = options || {};
        if (opts.clientSecret !== undefined) intentIdFromSecret(opts.clientSecret);
        if (opts.mode !== undefined && opts.mode !== "payment") {
          throw notImplemented("elements({ mode: \"" + String(opts.mode) + "\" }) (only \"payment\")");
        }
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

        if (typeof confirmParams.payment_method === "string") {
          params.payment_method = confirmParams.payment_method;
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
          const pmData = /** @type {Json} */ (confirmParams.payment_method_data || {});
          const billingDetails = /** @type {Json} */ (pmData.billing_details || {});
          const created = await element._createPaymentMethod(billingDetails);
          if (created.error) return { error: created.error };
          params.payment_method = String(created.paymentMethod);
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
  Stripe.__stripeDouble = true;
  /** @type {any} */ (window).Stripe = Stripe;
})();
