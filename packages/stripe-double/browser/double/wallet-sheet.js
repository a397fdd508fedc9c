// @ts-check
/*
 * The double's Google Pay sheet, in an overlay frame on the js origin: it stands in for Google's payment sheet
 * and for Google's servers. The shopper sees a test profile (contact, shipping address, saved cards) and can edit
 * it; the merchant's page hears about it only through Stripe.js's Express Checkout events, in Stripe's order:
 * the address (redacted) when the sheet opens and whenever the shopper changes it, the shipping rate when the
 * shopper picks another, and the full details once the shopper pays. The sheet waits for the merchant's answer
 * to each before it lets the shopper go on.
 *
 * When the shopper pays, the sheet asks for a card token the way Google's servers ask Stripe for one, keeps it,
 * and later turns it into a PaymentMethod when Stripe.js confirms. Card numbers never reach the merchant's page.
 */
(function () {
  "use strict";

  /** @typedef {Record<string, unknown>} Json */
  /** @typedef {{ id: string, amount: number, displayName: string, deliveryEstimate?: unknown }} ShippingRate */
  /** @typedef {{ name: string, amount: number }} LineItem */

  const rules = /** @type {any} */ (window).StripeDoubleWalletRules;
  const hash = new URLSearchParams(location.hash.slice(1));
  const sheetId = hash.get("id") || "";
  const publishableKey = hash.get("key") || "";
  const parentOrigin = originOrNull(hash.get("origin"));

  /** @param {string | null} value */
  function originOrNull(value) {
    if (!value) return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
    } catch (_) {
      return null;
    }
  }

  /** Where card data goes follows this frame's own URL, never anything the page says. */
  function apiBase() {
    if (location.hostname === "js.stripe.com") return "https://api.stripe.com";
    const marker = location.pathname.indexOf("/js/");
    return location.origin + (marker >= 0 ? location.pathname.slice(0, marker) : "");
  }

  // The test profile the wallet holds. Every field can be changed in the sheet.
  const EXPIRY_YEAR = new Date().getFullYear() + 3;
  const PROFILE = {
    name: "Jenny Rosen",
    email: "jenny.rosen@example.com",
    phone: "+1 415 555 0132",
    address: { line1: "510 Townsend St", line2: "", city: "San Francisco", state: "CA", postal_code: "94103", country: "US" },
  };
  const CARDS = [
    { id: "visa", label: "Visa •••• 4242", number: "4242424242424242", hint: "" },
    { id: "visa_declined", label: "Visa •••• 9995", number: "4000000000009995", hint: "Stripe test card: declined for insufficient funds" },
  ];

  const COUNTRIES = [
    ["AU", "Australia"], ["AT", "Austria"], ["BE", "Belgium"], ["BR", "Brazil"], ["CA", "Canada"],
    ["DK", "Denmark"], ["FI", "Finland"], ["FR", "France"], ["DE", "Germany"], ["IN", "India"],
    ["IE", "Ireland"], ["IT", "Italy"], ["JP", "Japan"], ["MX", "Mexico"], ["NL", "Netherlands"],
    ["NZ", "New Zealand"], ["NO", "Norway"], ["PL", "Poland"], ["PT", "Portugal"], ["SG", "Singapore"],
    ["ES", "Spain"], ["SE", "Sweden"], ["CH", "Switzerland"], ["GB", "United Kingdom"], ["US", "United States"],
  ];

  /** @param {string} id */
  function byId(id) {
    return /** @type {HTMLElement} */ (document.getElementById(id));
  }
  /** @param {string} id */
  function inputById(id) {
    return /** @type {HTMLInputElement} */ (document.getElementById(id));
  }

  const form = /** @type {HTMLFormElement} */ (byId("form"));
  const email = inputById("email");
  const phone = inputById("phone");
  const nameInput = inputById("name");
  const line1 = inputById("line1");
  const line2 = inputById("line2");
  const city = inputById("city");
  const state = inputById("state");
  const postalCode = inputById("postal_code");
  const country = /** @type {HTMLSelectElement} */ (document.getElementById("country"));
  const payButton = /** @type {HTMLButtonElement} */ (byId("pay"));
  const cancelButton = /** @type {HTMLButtonElement} */ (byId("cancel"));
  const statusLine = byId("status");

  /** @type {Json | null} */
  let config = null;
  let amount = 0;
  let currency = "usd";
  /** @type {LineItem[]} */
  let lineItems = [];
  /** @type {ShippingRate[]} */
  let shippingRates = [];
  /** @type {string | null} */
  let selectedRate = null;
  /** @type {{ kind: "address" | "rate", requestId: string, previousRate: string | null } | null} */
  let pending = null;
  /** The address (redacted, with the name) the merchant last accepted or refused, as JSON. */
  let reportedAddress = "";
  let addressRefused = false;
  let processing = false;
  let completed = false;
  /** @type {string | null} */
  let token = null;
  let requestCounter = 0;

  /** @param {Json} message */
  function post(message) {
    if (!parentOrigin || window.parent === window) return;
    window.parent.postMessage(Object.assign({ source: "stripe-double", elementId: sheetId }, message), parentOrigin);
  }

  function addressFields() {
    return {
      line1: line1.value,
      line2: line2.value,
      city: city.value,
      state: state.value,
      postal_code: postalCode.value,
      country: country.value,
    };
  }

  function currentRate() {
    return shippingRates.find((rate) => rate.id === selectedRate) || null;
  }

  /** @param {boolean} value */
  function setProcessing(value) {
    processing = value;
    refresh();
  }

  /**
   * @param {string} id
   * @param {string | null} message
   */
  function showError(id, message) {
    const box = byId(id);
    box.textContent = message || "";
    box.hidden = !message;
  }

  /** Enables what the shopper may do now and shows why they are waiting, if they are. */
  function refresh() {
    const shipping = config !== null && config.shippingAddressRequired === true;
    const waiting = pending !== null;
    const blocked = completed || processing || waiting || (shipping && (addressRefused || !currentRate()));
    payButton.disabled = config === null || blocked;
    cancelButton.disabled = processing || completed;
    form.setAttribute("aria-busy", waiting || processing ? "true" : "false");
    for (const radio of Array.from(document.querySelectorAll("#rate-options input"))) {
      /** @type {HTMLInputElement} */ (radio).disabled = waiting || processing || completed;
    }
    for (const radio of Array.from(document.querySelectorAll("#card-options input"))) {
      /** @type {HTMLInputElement} */ (radio).disabled = processing || completed;
    }
    if (completed) statusLine.textContent = "Payment complete.";
    else if (processing) statusLine.textContent = "Processing…";
    else if (pending && pending.kind === "address") statusLine.textContent = "Checking the shipping address…";
    else if (pending) statusLine.textContent = "Updating the shipping method…";
    else statusLine.textContent = "";
  }

  function renderSummary() {
    const list = byId("line-items");
    list.textContent = "";
    /**
     * @param {string} label
     * @param {number} value
     */
    const row = (label, value) => {
      const item = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = label;
      const price = document.createElement("span");
      price.textContent = rules.formatMoney(value, currency);
      item.append(name, price);
      list.appendChild(item);
    };
    for (const item of lineItems) row(item.name, item.amount);
    const rate = config && config.shippingAddressRequired === true ? currentRate() : null;
    if (rate) row("Shipping: " + rate.displayName, rate.amount);
    byId("total").textContent = rules.formatMoney(amount, currency);
    payButton.textContent = "Pay " + rules.formatMoney(amount, currency);
  }

  function renderRates() {
    const box = byId("rate-options");
    box.textContent = "";
    for (const rate of shippingRates) {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "shipping-rate";
      radio.value = rate.id;
      radio.checked = rate.id === selectedRate;
      radio.addEventListener("change", () => {
        if (radio.checked) chooseRate(rate.id);
      });
      const text = document.createElement("span");
      text.textContent = rate.displayName + " — " + rules.formatMoney(rate.amount, currency);
      const estimate = rules.describeEstimate(rate.deliveryEstimate);
      if (estimate) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.textContent = estimate;
        text.appendChild(hint);
      }
      label.append(radio, text);
      box.appendChild(label);
    }
    refresh();
  }

  function renderCards() {
    const box = byId("card-options");
    box.textContent = "";
    CARDS.forEach((card, index) => {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "card";
      radio.value = card.id;
      radio.checked = index === 0;
      const text = document.createElement("span");
      text.textContent = card.label;
      if (card.hint) {
        const hint = document.createElement("span");
        hint.className = "hint";
        hint.id = "card-hint-" + card.id;
        hint.textContent = card.hint;
        radio.setAttribute("aria-describedby", hint.id);
        text.appendChild(hint);
      }
      label.append(radio, text);
      box.appendChild(label);
    });
  }

  function chosenCard() {
    const checked = /** @type {HTMLInputElement | null} */ (document.querySelector("#card-options input:checked"));
    return CARDS.find((card) => checked && card.id === checked.value) || CARDS[0];
  }

  function billingAddress() {
    return PROFILE.address;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Events to the merchant (through the page's Stripe.js)

  function addressReport() {
    return { name: nameInput.value.trim(), address: rules.redactAddress(addressFields()) };
  }

  /** Tells the merchant about the address if it changed since they last answered, and waits for the answer. */
  function reportAddressIfChanged() {
    if (!config || config.shippingAddressRequired !== true || pending || processing || completed) return false;
    const report = addressReport();
    const key = JSON.stringify(report);
    if (key === reportedAddress) return false;
    reportedAddress = key;
    showError("address-error", null);
    pending = { kind: "address", requestId: "a" + ++requestCounter, previousRate: selectedRate };
    refresh();
    post({ type: "shippingaddresschange", requestId: pending.requestId, name: report.name, address: report.address });
    return true;
  }

  /** @param {string} id */
  function chooseRate(id) {
    if (pending || processing || id === selectedRate) return;
    const rate = shippingRates.find((entry) => entry.id === id);
    if (!rate) return;
    const previous = selectedRate;
    selectedRate = id;
    showError("rate-error", null);
    pending = { kind: "rate", requestId: "r" + ++requestCounter, previousRate: previous };
    renderSummary();
    refresh();
    post({ type: "shippingratechange", requestId: pending.requestId, shippingRate: rate });
  }

  /** @param {Json} data */
  function onChangeResult(data) {
    if (!pending || data.requestId !== pending.requestId) return;
    const answered = pending;
    pending = null;
    if (data.status === "resolved") {
      amount = Number(data.amount);
      currency = String(data.currency);
      if (Array.isArray(data.lineItems)) lineItems = /** @type {LineItem[]} */ (data.lineItems);
      const newRates = Array.isArray(data.shippingRates);
      if (newRates) shippingRates = /** @type {ShippingRate[]} */ (data.shippingRates);
      selectedRate = rules.chooseRate(shippingRates, selectedRate, answered.kind === "address" && newRates);
      if (answered.kind === "address") addressRefused = false;
      renderRates();
      renderSummary();
    } else if (answered.kind === "address") {
      addressRefused = true;
      showError("address-error", data.status === "timeout" ? rules.NO_ANSWER : rules.ADDRESS_REFUSED);
    } else {
      // A refused rate: the previous one stays chosen.
      selectedRate = answered.previousRate;
      renderRates();
      renderSummary();
      showError("rate-error", data.status === "timeout" ? rules.NO_ANSWER : rules.RATE_REFUSED);
    }
    refresh();
    // The shopper may have changed the address again while the merchant was answering.
    reportAddressIfChanged();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Paying

  const FIELD_INPUTS = /** @type {Record<string, HTMLInputElement | HTMLSelectElement>} */ ({
    email: email, phone: phone, name: nameInput, line1: line1, city: city, state: state, postal_code: postalCode, country: country,
  });

  function checkFields() {
    if (!config) return false;
    const problems = rules.checkFields(
      { email: email.value, phone: phone.value, name: nameInput.value, address: addressFields() },
      { emailRequired: config.emailRequired === true, phoneNumberRequired: config.phoneNumberRequired === true, shippingAddressRequired: config.shippingAddressRequired === true },
    );
    /** @type {HTMLElement | null} */
    let first = null;
    for (const [field, input] of Object.entries(FIELD_INPUTS)) {
      const problem = problems[field] || null;
      input.setAttribute("aria-invalid", problem ? "true" : "false");
      showError(field + "-error", problem);
      if (problem && !first) first = input;
    }
    if (first) first.focus();
    return !first;
  }

  /**
   * The card token Google's servers would get from Stripe for the chosen card (see the double's wallets.ts).
   * @returns {Promise<{ token?: string, error?: Json }>}
   */
  async function tokenize() {
    const card = chosenCard();
    const billing = billingAddress();
    const body = new URLSearchParams({
      wallet: "google_pay",
      "card[number]": card.number,
      "card[exp_month]": "12",
      "card[exp_year]": String(EXPIRY_YEAR),
      "card[name]": PROFILE.name,
      "card[address_line1]": billing.line1,
      "card[address_city]": billing.city,
      "card[address_state]": billing.state,
      "card[address_zip]": billing.postal_code,
      "card[address_country]": billing.country,
    });
    try {
      const response = await fetch(apiBase() + "/_double/wallets/tokens", {
        method: "POST",
        headers: { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString(),
        credentials: "omit",
      });
      const json = /** @type {Json} */ (await response.json());
      if (!response.ok) return { error: /** @type {Json} */ (json.error) || { type: "api_error", message: "Unexpected response." } };
      return { token: String(json.id) };
    } catch (_) {
      return { error: { type: "api_connection_error", message: "An error occurred with our connection to Stripe. Request was retried 2 times." } };
    }
  }

  function billingDetails() {
    if (!config) return {};
    const billing = billingAddress();
    /** @type {Json} */
    const details = {
      name: PROFILE.name,
      // Without billingAddressRequired the wallet shares only the card's country and postal code.
      address: config.billingAddressRequired === true
        ? rules.fullAddress(billing)
        : { line1: "", line2: null, city: "", state: "", postal_code: billing.postal_code, country: billing.country },
    };
    if (config.emailRequired === true) details.email = email.value.trim();
    if (config.phoneNumberRequired === true) details.phone = phone.value.trim();
    return details;
  }

  async function pay() {
    if (!config || payButton.disabled) return;
    showError("payment-error", null);
    if (!checkFields()) return;
    // An edit the merchant has not seen yet goes to them first; the shopper pays once they answered.
    if (reportAddressIfChanged()) return;
    setProcessing(true);
    const result = await tokenize();
    if (!result.token) {
      setProcessing(false);
      showError("payment-error", String((result.error && result.error.message) || "Payment failed."));
      return;
    }
    token = result.token;
    /** @type {Json} */
    const confirm = { type: "confirm", billingDetails: billingDetails(), amount: amount, currency: currency };
    if (config.shippingAddressRequired === true) {
      confirm.shippingAddress = { name: nameInput.value.trim(), address: rules.fullAddress(addressFields()) };
      confirm.shippingRate = currentRate();
    }
    post(confirm);
  }

  /**
   * Stripe.js confirms: the token becomes a PaymentMethod (billing details as the wallet shared them).
   * @param {string} requestId
   */
  async function createPaymentMethod(requestId) {
    if (!token) {
      post({ type: "response", requestId: requestId, result: { error: { type: "invalid_request_error", message: "The wallet has no approved payment." } } });
      return;
    }
    const pairs = new URLSearchParams({ type: "card", "card[token]": token });
    const details = billingDetails();
    for (const [key, value] of Object.entries(details)) {
      if (key === "address" && value && typeof value === "object") {
        for (const [part, text] of Object.entries(/** @type {Json} */ (value))) {
          if (typeof text === "string" && text) pairs.set("billing_details[address][" + part + "]", text);
        }
      } else if (typeof value === "string" && value) pairs.set("billing_details[" + key + "]", value);
    }
    try {
      const response = await fetch(apiBase() + "/v1/payment_methods", {
        method: "POST",
        headers: { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
        body: pairs.toString(),
        credentials: "omit",
      });
      const json = /** @type {Json} */ (await response.json());
      const result = response.ok ? { paymentMethod: String(json.id) } : { error: json.error || { type: "api_error", message: "Unexpected response from Stripe." } };
      post({ type: "response", requestId: requestId, result: result });
    } catch (_) {
      post({ type: "response", requestId: requestId, result: { error: { type: "api_connection_error", message: "An error occurred with our connection to Stripe. Request was retried 2 times." } } });
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Set-up and wiring

  /** @param {Json} received */
  function init(received) {
    config = received;
    amount = Number(config.amount);
    currency = String(config.currency);
    lineItems = /** @type {LineItem[]} */ (config.lineItems || []);
    shippingRates = /** @type {ShippingRate[]} */ (config.shippingRates || []);
    selectedRate = rules.chooseRate(shippingRates, null, true);

    const merchant = typeof config.businessName === "string" && config.businessName ? config.businessName : null;
    byId("merchant").textContent = merchant ? "Pay " + merchant : "";

    const wantsEmail = config.emailRequired === true;
    const wantsPhone = config.phoneNumberRequired === true;
    const wantsShipping = config.shippingAddressRequired === true;
    byId("contact").hidden = !wantsEmail && !wantsPhone;
    byId("email-field").hidden = !wantsEmail;
    byId("phone-field").hidden = !wantsPhone;
    email.value = PROFILE.email;
    phone.value = PROFILE.phone;

    const allowed = Array.isArray(config.allowedShippingCountries) ? /** @type {string[]} */ (config.allowedShippingCountries) : null;
    country.textContent = "";
    for (const [code, label] of COUNTRIES) {
      if (allowed && allowed.indexOf(String(code)) < 0) continue;
      const option = document.createElement("option");
      option.value = String(code);
      option.textContent = String(label);
      country.appendChild(option);
    }
    byId("shipping").hidden = !wantsShipping;
    byId("rates").hidden = !wantsShipping;
    nameInput.value = PROFILE.name;
    line1.value = PROFILE.address.line1;
    line2.value = PROFILE.address.line2;
    city.value = PROFILE.address.city;
    state.value = PROFILE.address.state;
    postalCode.value = PROFILE.address.postal_code;
    const profileAllowed = !allowed || allowed.indexOf(PROFILE.address.country) >= 0;
    country.value = profileAllowed ? PROFILE.address.country : country.options[0] ? country.options[0].value : "";
    if (!profileAllowed) {
      // The saved address is in a country the merchant does not ship to: the shopper enters another one.
      for (const input of [line1, city, state, postalCode]) input.value = "";
    }

    const billing = byId("billing");
    billing.hidden = config.billingAddressRequired !== true;
    const b = billingAddress();
    billing.textContent = "Billing address: " + [b.line1, b.city, b.state + " " + b.postal_code, b.country].join(", ");

    renderCards();
    renderRates();
    renderSummary();
    refresh();
    // Google Pay reports the address it opens with, as soon as it opens.
    reportAddressIfChanged();
    (/** @type {HTMLElement} */ (document.querySelector("h1"))).focus();
  }

  for (const input of [nameInput, city, state, postalCode, country]) {
    input.addEventListener("change", () => reportAddressIfChanged());
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void pay();
  });
  // The page removes this frame when it hears "cancel". Asking only once the click or the whole key press (its keyup
  // too) has been handled lets the browser finish delivering that input first: Chromium never acknowledges input to a
  // frame removed meanwhile.
  function cancelAfterThisEvent() {
    if (processing || completed) return;
    window.setTimeout(() => post({ type: "cancel" }), 0);
  }
  cancelButton.addEventListener("click", cancelAfterThisEvent);
  document.addEventListener("keyup", (event) => {
    if (event.key === "Escape") cancelAfterThisEvent();
  });
  (/** @type {HTMLElement} */ (document.querySelector("h1"))).tabIndex = -1;

  window.addEventListener("message", (event) => {
    if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
    const data = /** @type {Json} */ (event.data);
    if (!data || data.source !== "stripe-double" || data.elementId !== sheetId) return;
    switch (data.type) {
      case "init":
        if (!config && data.config && typeof data.config === "object") init(/** @type {Json} */ (data.config));
        break;
      case "changeResult":
        onChangeResult(data);
        break;
      case "createPaymentMethod":
        void createPaymentMethod(String(data.requestId));
        break;
      case "paymentFailed":
        token = null;
        setProcessing(false);
        showError("payment-error", rules.failureMessage(String(data.reason), /** @type {string | null} */ (data.message)));
        break;
      case "complete":
        completed = true;
        refresh();
        break;
    }
  });

  refresh();
  post({ type: "ready" });
})();
