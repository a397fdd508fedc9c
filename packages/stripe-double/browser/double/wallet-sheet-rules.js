// @ts-check
/*
 * Pure rules of the double's Google Pay sheet (wallet-sheet.js): money formatting, what the merchant may see of
 * an address before the shopper pays, field checks, which shipping rate stays chosen. Loaded by the sheet with a
 * <script> tag and by the double's unit tests in a plain JavaScript context.
 */
(function (root) {
  "use strict";

  /** @typedef {{ line1: string, line2: string, city: string, state: string, postal_code: string, country: string }} AddressFields */
  /** @typedef {{ id: string, amount: number, displayName: string, deliveryEstimate?: unknown }} ShippingRate */

  // Stripe's zero-decimal currencies: amounts are whole units (¥4,500 is 4500).
  const ZERO_DECIMAL = ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];
  const THREE_DECIMAL = ["bhd", "jod", "kwd", "omr", "tnd"];

  /** @param {string} currency */
  function minorDigits(currency) {
    const code = currency.toLowerCase();
    if (ZERO_DECIMAL.indexOf(code) >= 0) return 0;
    if (THREE_DECIMAL.indexOf(code) >= 0) return 3;
    return 2;
  }

  /**
   * An amount in the currency's smallest unit, written for a shopper: formatMoney(2490, "eur") → "€24.90",
   * formatMoney(4500, "jpy") → "¥4,500".
   * @param {number} amount
   * @param {string} currency
   */
  function formatMoney(amount, currency) {
    const digits = minorDigits(currency);
    const value = amount / Math.pow(10, digits);
    try {
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency: currency.toUpperCase(),
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch (_) {
      return value.toFixed(digits) + " " + currency.toUpperCase();
    }
  }

  /**
   * What the merchant learns of a shipping address before the shopper pays (Stripe's shippingaddresschange
   * payload): enough to work out shipping and tax, not the street.
   * @param {AddressFields} address
   */
  function redactAddress(address) {
    return { city: address.city.trim(), state: address.state.trim(), postal_code: address.postal_code.trim(), country: address.country };
  }

  /**
   * The full address the confirm event carries (ExpressCheckoutAddress: line2 is null when empty).
   * @param {AddressFields} address
   */
  function fullAddress(address) {
    return {
      line1: address.line1.trim(),
      line2: address.line2.trim() ? address.line2.trim() : null,
      city: address.city.trim(),
      state: address.state.trim(),
      postal_code: address.postal_code.trim(),
      country: address.country,
    };
  }

  /**
   * Field problems the sheet shows before it lets the shopper pay, by field name.
   * @param {{ email: string, phone: string, name: string, address: AddressFields }} values
   * @param {{ emailRequired: boolean, phoneNumberRequired: boolean, shippingAddressRequired: boolean }} config
   * @returns {Record<string, string>}
   */
  function checkFields(values, config) {
    /** @type {Record<string, string>} */
    const problems = {};
    if (config.emailRequired) {
      if (!values.email.trim()) problems.email = "Enter an email address.";
      else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email.trim())) problems.email = "Enter a valid email address.";
    }
    if (config.phoneNumberRequired) {
      if (!values.phone.trim()) problems.phone = "Enter a phone number.";
      else if (!/^\+?[\d\s().-]{6,}$/.test(values.phone.trim())) problems.phone = "Enter a valid phone number.";
    }
    if (config.shippingAddressRequired) {
      if (!values.name.trim()) problems.name = "Enter a name.";
      if (!values.address.line1.trim()) problems.line1 = "Enter an address.";
      if (!values.address.city.trim()) problems.city = "Enter a city.";
      if (!values.address.postal_code.trim()) problems.postal_code = "Enter a postal code.";
      if (values.address.country === "US" && !values.address.state.trim()) problems.state = "Enter a state.";
      if (!values.address.country) problems.country = "Choose a country.";
    }
    return problems;
  }

  /**
   * Which rate stays chosen when the merchant answers: new rates after an address change start from their first;
   * otherwise the wanted rate stays if the list still has it.
   * @param {ShippingRate[]} rates
   * @param {string | null} wanted
   * @param {boolean} replacedAfterAddressChange
   * @returns {string | null}
   */
  function chooseRate(rates, wanted, replacedAfterAddressChange) {
    if (rates.length === 0) return null;
    const first = rates[0];
    if (replacedAfterAddressChange || !wanted) return first ? first.id : null;
    const kept = rates.find((rate) => rate.id === wanted);
    return kept ? kept.id : first ? first.id : null;
  }

  /** @type {Record<string, [string, string]>} */
  const UNITS = {
    hour: ["hour", "hours"],
    day: ["day", "days"],
    business_day: ["business day", "business days"],
    week: ["week", "weeks"],
    month: ["month", "months"],
  };

  /**
   * @param {unknown} estimate
   * @returns {string}
   */
  function describeEstimate(estimate) {
    if (typeof estimate === "string") return estimate;
    if (!estimate || typeof estimate !== "object") return "";
    const bounds = /** @type {{ minimum?: { unit: string, value: number }, maximum?: { unit: string, value: number } }} */ (estimate);
    /** @param {{ unit: string, value: number }} bound */
    const unitOf = (bound) => {
      const names = UNITS[bound.unit] || [bound.unit, bound.unit];
      return bound.value === 1 ? names[0] : names[1];
    };
    const min = bounds.minimum;
    const max = bounds.maximum;
    if (min && max) return min.unit === max.unit ? min.value + "–" + max.value + " " + unitOf(max) : min.value + " " + unitOf(min) + " – " + max.value + " " + unitOf(max);
    if (min) return "at least " + min.value + " " + unitOf(min);
    if (max) return "up to " + max.value + " " + unitOf(max);
    return "";
  }

  // The sheet's own words for event.paymentFailed({ reason }) without a message, and for refused shipping.
  /** @type {Record<string, string>} */
  const FAILURE_MESSAGES = {
    fail: "Payment failed. Try again or choose another card.",
    invalid_shipping_address: "This shipping address is invalid. Check it and try again.",
    invalid_billing_address: "This billing address is invalid. Choose another card.",
    invalid_payment_data: "This card can't be used. Choose another card.",
    address_unserviceable: "This address can't be shipped to. Choose another address.",
  };
  const ADDRESS_REFUSED = "This address can't be shipped to. Choose another address.";
  const RATE_REFUSED = "This shipping method isn't available. Choose another.";
  const NO_ANSWER = "The merchant didn't answer in time. Try again.";

  /**
   * @param {string} reason
   * @param {string | null | undefined} message
   */
  function failureMessage(reason, message) {
    if (typeof message === "string" && message.trim()) return message.trim();
    return FAILURE_MESSAGES[reason] || FAILURE_MESSAGES.fail;
  }

  /** @type {any} */ (root).StripeDoubleWalletRules = {
    minorDigits: minorDigits,
    formatMoney: formatMoney,
    redactAddress: redactAddress,
    fullAddress: fullAddress,
    checkFields: checkFields,
    chooseRate: chooseRate,
    describeEstimate: describeEstimate,
    failureMessage: failureMessage,
    ADDRESS_REFUSED: ADDRESS_REFUSED,
    RATE_REFUSED: RATE_REFUSED,
    NO_ANSWER: NO_ANSWER,
  };
})(typeof self !== "undefined" ? self : globalThis);
