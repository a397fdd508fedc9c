// @ts-check
/*
 * The Payment Element's card form, running inside its own frame on the js origin.
 *
 * It is the only code that ever sees card data: it validates the fields, creates the PaymentMethod itself
 * with the publishable key and hands the merchant's page nothing but the PaymentMethod id, as Stripe does.
 */
(function () {
  "use strict";

  /** @typedef {Record<string, unknown>} Json */
  /** @typedef {{ type: "validation_error", code: string, message: string, param?: string }} ValidationError */

  const hash = new URLSearchParams(location.hash.slice(1));
  const elementId = hash.get("id") || "";
  const publishableKey = hash.get("key") || "";
  const parentOrigin = originOrNull(hash.get("origin"));
  /** @type {Json} */
  let options = parseJson(hash.get("options"));

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

  /** @param {string | null} text */
  function parseJson(text) {
    try {
      const value = text ? JSON.parse(text) : {};
      return value && typeof value === "object" ? value : {};
    } catch (_) {
      return {};
    }
  }

  /**
   * Where card data goes is worked out from this frame's own URL, never from anything the embedding page
   * says: a page that could choose the API base could collect card numbers.
   */
  function apiBase() {
    if (location.hostname === "js.stripe.com") return "https://api.stripe.com";
    const marker = location.pathname.indexOf("/js/");
    return location.origin + (marker >= 0 ? location.pathname.slice(0, marker) : "");
  }

  /** @param {string} id */
  function input(id) {
    return /** @type {HTMLInputElement} */ (document.getElementById(id));
  }

  const form = /** @type {HTMLFormElement} */ (document.getElementById("form"));
  const number = input("Field-numberInput");
  const expiry = input("Field-expiryInput");
  const cvc = input("Field-cvcInput");
  const country = /** @type {HTMLSelectElement} */ (document.getElementById("Field-countryInput"));
  const postalCode = input("Field-postalCodeInput");
  const postalContainer = /** @type {HTMLElement} */ (document.getElementById("Field-postalCodeContainer"));
  const savedBox = /** @type {HTMLElement} */ (document.getElementById("saved"));
  const savedList = /** @type {HTMLElement} */ (document.getElementById("saved-list"));
  const newCardChoice = input("Field-newCardInput");
  const cardFields = /** @type {HTMLElement} */ (document.getElementById("card-fields"));
  const saveContainer = /** @type {HTMLElement} */ (document.getElementById("save-container"));
  const saveCheckbox = input("Field-saveCheckbox");

  /**
   * What a CustomerSession allows (Stripe.js hands it over once the elements session is read): the customer's saved
   * cards to show, whether to offer saving a new one, whether a saved one may be removed.
   * @typedef {{ id: string, brand: string, last4: string, exp_month: number, exp_year: number }} SavedCard
   * @type {{ cards: SavedCard[], save: boolean, saveUsage: string, remove: boolean, secret: string } | null}
   */
  let customer = null;
  /** "new", or the id of the saved card the shopper chose. */
  let selected = "new";

  const COUNTRIES = [
    ["AU", "Australia"], ["AT", "Austria"], ["BE", "Belgium"], ["BR", "Brazil"], ["CA", "Canada"],
    ["DK", "Denmark"], ["FI", "Finland"], ["FR", "France"], ["DE", "Germany"], ["IN", "India"],
    ["IE", "Ireland"], ["IT", "Italy"], ["JP", "Japan"], ["MX", "Mexico"], ["NL", "Netherlands"],
    ["NZ", "New Zealand"], ["NO", "Norway"], ["PL", "Poland"], ["PT", "Portugal"], ["SG", "Singapore"],
    ["ES", "Spain"], ["SE", "Sweden"], ["CH", "Switzerland"], ["GB", "United Kingdom"], ["US", "United States"],
  ];
  for (const [code, name] of COUNTRIES) {
    const option = document.createElement("option");
    option.value = String(code);
    option.textContent = String(name);
    country.appendChild(option);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Card rules

  /** @param {string} value */
  function digits(value) {
    return value.replace(/\D/g, "");
  }

  /** @param {string} cardDigits */
  function isAmex(cardDigits) {
    return /^3[47]/.test(cardDigits);
  }

  /** @param {string} cardDigits */
  function cardLength(cardDigits) {
    if (isAmex(cardDigits)) return 15;
    if (/^3(0[0-5]|[689])/.test(cardDigits)) return 14;
    return 16;
  }

  /** @param {string} cardDigits */
  function luhn(cardDigits) {
    let sum = 0;
    for (let i = 0; i < cardDigits.length; i++) {
      let d = Number(cardDigits[cardDigits.length - 1 - i]);
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  /** @param {string} cardDigits */
  function formatNumber(cardDigits) {
    const groups = isAmex(cardDigits) ? [4, 6, 5] : cardLength(cardDigits) === 14 ? [4, 6, 4] : [4, 4, 4, 4];
    const parts = [];
    let at = 0;
    for (const size of groups) {
      if (at >= cardDigits.length) break;
      parts.push(cardDigits.slice(at, at + size));
      at += size;
    }
    return parts.join(" ");
  }

  /** @param {string} raw */
  function expiryDigits(raw) {
    let d = digits(raw);
    // A first digit above 1 can only be a one-digit month, as Stripe's field assumes.
    if (d.length === 1 && Number(d) > 1) d = "0" + d;
    return d.slice(0, 4);
  }

  /** @param {string} d */
  function formatExpiry(d) {
    return d.length > 2 ? d.slice(0, 2) + " / " + d.slice(2) : d;
  }

  /**
   * @param {string} code
   * @param {string} message
   * @param {string} param
   * @returns {ValidationError}
   */
  function validationError(code, message, param) {
    return { type: "validation_error", code: code, message: message, param: param };
  }

  /**
   * `complete` is what the change event reports; `error` is what a submit would show.
   * `early` says whether the error is worth showing while the shopper is still typing.
   * @typedef {{ empty: boolean, complete: boolean, error: ValidationError | null, early: boolean }} FieldState
   */

  /** @returns {FieldState} */
  function numberState() {
    const d = digits(number.value);
    if (!d) return { empty: true, complete: false, error: validationError("incomplete_number", "Your card number is incomplete.", "number"), early: false };
    if (d.length < cardLength(d)) return { empty: false, complete: false, error: validationError("incomplete_number", "Your card number is incomplete.", "number"), early: false };
    if (!luhn(d)) return { empty: false, complete: false, error: validationError("invalid_number", "Your card number is invalid.", "number"), early: true };
    return { empty: false, complete: true, error: null, early: false };
  }

  /** @returns {FieldState} */
  function expiryState() {
    const d = expiryDigits(expiry.value);
    const incomplete = validationError("incomplete_expiry", "Your card's expiration date is incomplete.", "expiry");
    if (!d) return { empty: true, complete: false, error: incomplete, early: false };
    const month = Number(d.slice(0, 2));
    if (d.length >= 2 && (month < 1 || month > 12)) {
      return { empty: false, complete: false, error: validationError("invalid_expiry_month", "Your card's expiration date is invalid.", "expiry"), early: true };
    }
    if (d.length < 4) return { empty: false, complete: false, error: incomplete, early: false };
    const year = 2000 + Number(d.slice(2));
    const now = new Date();
    const thisYear = now.getFullYear();
    if (year < thisYear) {
      return { empty: false, complete: false, error: validationError("invalid_expiry_year_past", "Your card's expiration year is in the past.", "expiry"), early: true };
    }
    if (year === thisYear && month < now.getMonth() + 1) {
      return { empty: false, complete: false, error: validationError("invalid_expiry_month_past", "Your card's expiration date is in the past.", "expiry"), early: true };
    }
    if (year > thisYear + 50) {
      return { empty: false, complete: false, error: validationError("invalid_expiry_year", "Your card's expiration year is invalid.", "expiry"), early: true };
    }
    return { empty: false, complete: true, error: null, early: false };
  }

  /** @returns {FieldState} */
  function cvcState() {
    const d = digits(cvc.value);
    const needed = isAmex(digits(number.value)) ? 4 : 3;
    const incomplete = validationError("incomplete_cvc", "Your card's security code is incomplete.", "cvc");
    if (!d) return { empty: true, complete: false, error: incomplete, early: false };
    if (d.length < needed) return { empty: false, complete: false, error: incomplete, early: false };
    return { empty: false, complete: true, error: null, early: false };
  }

  function needsPostalCode() {
    return country.value === "US";
  }

  /** @returns {FieldState} */
  function postalState() {
    if (!needsPostalCode()) return { empty: true, complete: true, error: null, early: false };
    const value = postalCode.value.trim();
    if (!value) return { empty: true, complete: false, error: validationError("incomplete_zip", "Your ZIP is incomplete.", "postalCode"), early: false };
    if (!/^\d{5}(-?\d{4})?$/.test(value)) {
      if (/^\d{1,4}$/.test(value)) return { empty: false, complete: false, error: validationError("incomplete_zip", "Your ZIP is incomplete.", "postalCode"), early: false };
      return { empty: false, complete: false, error: validationError("invalid_zip", "Your ZIP is invalid.", "postalCode"), early: true };
    }
    return { empty: false, complete: true, error: null, early: false };
  }

  const FIELDS = [
    { input: number, state: numberState, error: "Field-numberError" },
    { input: expiry, state: expiryState, error: "Field-expiryError" },
    { input: cvc, state: cvcState, error: "Field-cvcError" },
    { input: postalCode, state: postalState, error: "Field-postalCodeError" },
  ];

  /**
   * @param {HTMLInputElement} field
   * @param {string} errorId
   * @param {ValidationError | null} error
   */
  function showError(field, errorId, error) {
    const box = /** @type {HTMLElement} */ (document.getElementById(errorId));
    field.setAttribute("aria-invalid", error ? "true" : "false");
    box.textContent = error ? error.message : "";
    box.hidden = !error;
    reportHeight();
  }

  /**
   * @param {typeof FIELDS[number]} field
   * @param {"typing" | "blur" | "submit"} moment
   */
  function refreshError(field, moment) {
    const state = field.state();
    const show = state.error && (moment === "submit" || state.early || (moment === "blur" && !state.empty));
    showError(field.input, field.error, show ? state.error : null);
  }

  /** @returns {ValidationError | null} */
  function validateAll() {
    /** @type {ValidationError | null} */
    let first = null;
    for (const field of FIELDS) {
      refreshError(field, "submit");
      const state = field.state();
      if (!first && state.error) first = state.error;
    }
    return first;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Talking to the page

  /** @param {Json} message */
  function post(message) {
    if (!parentOrigin || window.parent === window) return;
    window.parent.postMessage(Object.assign({ source: "stripe-double", elementId: elementId }, message), parentOrigin);
  }

  let lastHeight = 0;
  function reportHeight() {
    const height = document.documentElement.scrollHeight;
    if (height !== lastHeight) {
      lastHeight = height;
      post({ type: "height", height: height });
    }
  }

  // Stripe sends change on every edit; the page only ever learns complete/empty, never the values.
  function reportChange() {
    if (selected !== "new") {
      post({ type: "change", complete: true, empty: false });
      return;
    }
    const states = FIELDS.map((f) => f.state());
    post({ type: "change", complete: states.every((s) => s.complete), empty: states.every((s) => s.empty) });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Saved cards (with a CustomerSession)

  /** @param {string} brand */
  function brandName(brand) {
    const names = /** @type {Record<string, string>} */ ({ visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", unionpay: "UnionPay", diners: "Diners Club" });
    return names[brand] || brand;
  }

  /** @param {SavedCard} card */
  function describeCard(card) {
    return brandName(card.brand) + " •••• " + card.last4;
  }

  function renderCustomer() {
    const cards = customer ? customer.cards : [];
    savedList.textContent = "";
    for (const card of cards) {
      const row = document.createElement("div");
      row.className = "saved-card";
      const label = document.createElement("label");
      label.className = "choice";
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "saved-choice";
      radio.value = card.id;
      radio.checked = selected === card.id;
      radio.addEventListener("change", () => choose(card.id));
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + describeCard(card) + ", expires " + String(card.exp_month).padStart(2, "0") + "/" + String(card.exp_year).slice(-2)));
      row.appendChild(label);
      if (customer && customer.remove) {
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "remove";
        remove.textContent = "Remove";
        remove.setAttribute("aria-label", "Remove " + describeCard(card));
        // Stripe asks before removing; the question stays inside the frame, as Stripe's does.
        remove.addEventListener("click", () => {
          const question = document.createElement("span");
          question.className = "saved-card";
          question.setAttribute("role", "group");
          question.setAttribute("aria-label", "Remove " + describeCard(card) + "?");
          const confirmButton = document.createElement("button");
          confirmButton.type = "button";
          confirmButton.className = "remove";
          confirmButton.textContent = "Remove card";
          confirmButton.addEventListener("click", () => void removeCard(card, confirmButton));
          const cancel = document.createElement("button");
          cancel.type = "button";
          cancel.className = "remove";
          cancel.textContent = "Cancel";
          cancel.addEventListener("click", () => renderCustomer());
          question.appendChild(document.createTextNode("Remove this card? "));
          question.appendChild(confirmButton);
          question.appendChild(cancel);
          remove.replaceWith(question);
          confirmButton.focus();
          reportHeight();
        });
        row.appendChild(remove);
      }
      savedList.appendChild(row);
    }
    savedBox.hidden = cards.length === 0;
    newCardChoice.checked = selected === "new";
    cardFields.hidden = selected !== "new";
    saveContainer.hidden = !(customer && customer.save) || selected !== "new";
    reportHeight();
  }

  /** @param {string} choice */
  function choose(choice) {
    selected = choice;
    renderCustomer();
    reportChange();
  }

  /**
   * The Payment Element's "Remove", once confirmed: detaches the card from the customer with the CustomerSession.
   * @param {SavedCard} card
   * @param {HTMLButtonElement} button
   */
  async function removeCard(card, button) {
    if (!customer) return;
    button.disabled = true;
    try {
      const response = await fetch(apiBase() + "/v1/elements/payment_methods/" + encodeURIComponent(card.id) + "/detach", {
        method: "POST",
        headers: { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
        body: "customer_session_client_secret=" + encodeURIComponent(customer.secret),
        credentials: "omit",
      });
      if (!response.ok) {
        button.disabled = false;
        return;
      }
    } catch (_) {
      button.disabled = false;
      return;
    }
    customer.cards = customer.cards.filter((c) => c.id !== card.id);
    if (selected === card.id) selected = customer.cards[0] ? customer.cards[0].id : "new";
    renderCustomer();
    reportChange();
  }

  /** @param {Json} data */
  function applyCustomer(data) {
    const cards = Array.isArray(data.cards) ? /** @type {SavedCard[]} */ (data.cards) : [];
    customer = {
      cards: cards,
      save: data.save === true,
      saveUsage: typeof data.saveUsage === "string" ? data.saveUsage : "off_session",
      remove: data.remove === true,
      secret: String(data.secret || ""),
    };
    // Stripe preselects the most recent saved card.
    selected = cards[0] ? cards[0].id : "new";
    renderCustomer();
    reportChange();
  }
  newCardChoice.addEventListener("change", () => choose("new"));

  function applyOptions() {
    const appearance = /** @type {Json | null} */ (options.appearance);
    const variables = appearance && /** @type {Json | null} */ (appearance.variables);
    if (variables && typeof variables === "object") {
      for (const name of ["colorPrimary", "colorBackground", "colorText", "colorDanger", "fontFamily", "borderRadius"]) {
        const value = variables[name];
        // setProperty ignores anything that is not a valid value, so a page cannot inject CSS through it.
        if (typeof value === "string") document.documentElement.style.setProperty("--" + name, value);
      }
    }
    const readOnly = options.readOnly === true;
    for (const el of [number, expiry, cvc, country, postalCode]) el.disabled = readOnly;
    if (typeof options.defaultPostalCode === "string" && !postalCode.value) postalCode.value = options.defaultPostalCode;
  }

  function syncPostalVisibility() {
    postalContainer.hidden = !needsPostalCode();
    if (!needsPostalCode()) showError(postalCode, "Field-postalCodeError", null);
    reportHeight();
  }

  /** @param {Json} billingDetails */
  async function createPaymentMethod(billingDetails) {
    if (selected !== "new") return { paymentMethod: selected };
    const invalid = validateAll();
    if (invalid) return { error: invalid };
    const d = expiryDigits(expiry.value);
    const details = Object.assign({}, billingDetails || {});
    const address = Object.assign({}, /** @type {Json} */ (details.address) || {});
    address.country = country.value;
    if (needsPostalCode()) address.postal_code = postalCode.value.trim();
    details.address = address;
    /** @type {[string, string][]} */
    const pairs = [
      ["type", "card"],
      ["card[number]", digits(number.value)],
      ["card[exp_month]", String(Number(d.slice(0, 2)))],
      ["card[exp_year]", String(2000 + Number(d.slice(2)))],
      ["card[cvc]", digits(cvc.value)],
    ];
    flatten(details, "billing_details", pairs);
    // Ticked "save": Stripe marks the card as one to show again and saves it with the payment.
    const save = !!customer && customer.save && saveCheckbox.checked;
    if (save) pairs.push(["allow_redisplay", "always"]);
    const body = pairs.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
    setBusy(true);
    try {
      const response = await fetch(apiBase() + "/v1/payment_methods", {
        method: "POST",
        headers: { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
        body: body,
        credentials: "omit",
      });
      const json = /** @type {Json} */ (await response.json());
      if (!response.ok) {
        const error = /** @type {Json | undefined} */ (json.error);
        return { error: error && typeof error === "object" ? error : { type: "api_error", message: "Unexpected response from Stripe." } };
      }
      return save && customer ? { paymentMethod: String(json.id), setupFutureUsage: customer.saveUsage } : { paymentMethod: String(json.id) };
    } catch (_) {
      return { error: { type: "api_connection_error", message: "An error occurred with our connection to Stripe. Request was retried 2 times." } };
    } finally {
      setBusy(false);
    }
  }

  /**
   * @param {unknown} value
   * @param {string} prefix
   * @param {[string, string][]} out
   */
  function flatten(value, prefix, out) {
    if (value === undefined || value === null) return;
    if (typeof value === "object") {
      for (const [key, item] of Object.entries(/** @type {Json} */ (value))) flatten(item, prefix + "[" + key + "]", out);
    } else {
      out.push([prefix, String(value)]);
    }
  }

  /** @param {boolean} busy */
  function setBusy(busy) {
    form.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function clearForm() {
    for (const field of FIELDS) {
      field.input.value = "";
      showError(field.input, field.error, null);
    }
    reportChange();
  }

  window.addEventListener("message", async (event) => {
    if (!parentOrigin || event.source !== window.parent || event.origin !== parentOrigin) return;
    const data = /** @type {Json} */ (event.data);
    if (!data || data.source !== "stripe-double" || data.elementId !== elementId) return;
    switch (data.type) {
      case "customer":
        applyCustomer(/** @type {Json} */ (data.customer) || {});
        break;
      case "validate": {
        const error = selected === "new" ? validateAll() : null;
        post({ type: "response", requestId: data.requestId, result: error ? { error: error } : {} });
        break;
      }
      case "createPaymentMethod": {
        const result = await createPaymentMethod(/** @type {Json} */ (data.billingDetails) || {});
        post({ type: "response", requestId: data.requestId, result: result });
        break;
      }
      case "update":
        options = /** @type {Json} */ (data.options) || {};
        applyOptions();
        break;
      case "focus":
        number.focus();
        break;
      case "blur":
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        break;
      case "clear":
        clearForm();
        break;
    }
  });

  // ---------------------------------------------------------------------------------------------------------
  // Field behaviour

  number.addEventListener("input", () => {
    const d = digits(number.value);
    number.value = formatNumber(d.slice(0, cardLength(d)));
    refreshError(FIELDS[0], "typing");
    if (cvc.value) refreshError(FIELDS[2], "typing");
    reportChange();
  });
  expiry.addEventListener("input", (event) => {
    const deleting = event instanceof InputEvent && event.inputType.startsWith("delete");
    const d = expiryDigits(expiry.value);
    // Keep the separator out while deleting, or backspace could never get past " / ".
    expiry.value = deleting && d.length <= 2 ? d : formatExpiry(d) + (d.length === 2 && !deleting ? " / " : "");
    refreshError(FIELDS[1], "typing");
    reportChange();
  });
  cvc.addEventListener("input", () => {
    cvc.value = digits(cvc.value).slice(0, isAmex(digits(number.value)) ? 4 : 3);
    refreshError(FIELDS[2], "typing");
    reportChange();
  });
  postalCode.addEventListener("input", () => {
    refreshError(FIELDS[3], "typing");
    reportChange();
  });
  country.addEventListener("change", () => {
    syncPostalVisibility();
    reportChange();
  });
  for (const field of FIELDS) {
    field.input.addEventListener("blur", () => refreshError(field, "blur"));
  }

  form.addEventListener("focusin", (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) post({ type: "focus" });
  });
  form.addEventListener("focusout", (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) post({ type: "blur" });
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  const requestedCountry = typeof options.defaultCountry === "string" ? options.defaultCountry.toUpperCase() : "US";
  country.value = COUNTRIES.some(([code]) => code === requestedCountry) ? requestedCountry : "US";
  applyOptions();
  syncPostalVisibility();

  if (typeof ResizeObserver === "function") new ResizeObserver(reportHeight).observe(document.body);
  post({ type: "ready" });
  reportHeight();
})();
