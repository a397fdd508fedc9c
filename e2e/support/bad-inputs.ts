/**
 * Hostile and malformed values for the storefront's form fields, generated from a few families so that every
 * server action meets several hundred of them: the shared source for the validation unit tests and the HTTP
 * test that posts them to the running build's server actions.
 */

const HOSTILE_STRINGS = [
  "",
  " ",
  "a".repeat(121),
  "x".repeat(5000),
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'; DROP TABLE cart; --",
  "' OR '1'='1",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "line\u0007bell",
  "{\"$gt\":\"\"}",
  "${7*7}",
  "{{7*7}}",
  "🛒".repeat(200),
  "\u202Eevil",
  "null",
  "undefined",
  "NaN",
] as const;

const BAD_QUANTITIES = [
  ...["0", "-1", "-99", "100", "1000000", "1e9", "1.5", "0x10", "1e1", "+5", "٣", "abc", "Infinity", "-Infinity", "9".repeat(400)],
  ...HOSTILE_STRINGS,
] as const;

const BAD_EMAILS = ["", "plain", "@example.com", "a@", "a@b", "a b@example.com", "a@@example.com", `${"a".repeat(250)}@example.com`, "<a@example.com>", "a@example.com\u0000"] as const;

const BAD_COUNTRIES = ["xx", "zz", "deu", "d", "12", "<de>", "de\u0000", "de; drop", "ü", ...HOSTILE_STRINGS] as const;

/** Ids that look plausible but do not exist, or are not ids at all. */
export function badIds(prefix: string): string[] {
  return [
    `${prefix}_01AAAAAAAAAAAAAAAAAAAAAAAA`,
    `${prefix}_00000000000000000000000000`,
    `${prefix}_`,
    "cart_01AAAAAAAAAAAAAAAAAAAAAAAA",
    "order_01AAAAAAAAAAAAAAAAAAAAAAAA",
    ...HOSTILE_STRINGS,
  ];
}

export type BadInputCase = {
  action: "addToCart" | "updateLineQuantity" | "chooseDelivery" | "chooseCountry" | "saveContactAndAddresses" | "applyPromotionCode" | "removePromotionCode";
  label: string;
  fields: Record<string, string>;
};

/** The same, for the account's actions. */
export type AccountBadInputCase = Omit<BadInputCase, "action"> & {
  action: "signIn" | "signUp" | "requestPasswordReset" | "setNewPassword" | "addSavedAddress" | "updateSavedAddress" | "deleteSavedAddress";
};

/** Promotion codes that are not code-shaped (well-shaped unknown codes are Medusa's to refuse, tested apart). */
const BAD_PROMOTION_CODES = [
  ...["WELCOME 10", "-WELCOME10", "WELCOME10;", "WEL\u200BCOME10", "A".repeat(65)],
  ...HOSTILE_STRINGS,
].filter((code) => code.trim().length > 64 || !/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(code.trim()));

const GOOD_ADDRESS: Record<string, string> = {
  email: "shopper@example.com",
  shipping_first_name: "Erika",
  shipping_last_name: "Mustermann",
  shipping_address_1: "Heidestraße 17",
  shipping_postal_code: "51147",
  shipping_city: "Köln",
  shipping_country_code: "de",
  billing_same: "on",
};

/** Every generated case: each bad value in each field of each action, the other fields valid. */
export function badInputCases(valid: { variantId: string; lineId: string; shippingOptionId: string }): BadInputCase[] {
  const cases: BadInputCase[] = [];
  for (const id of badIds("variant")) cases.push({ action: "addToCart", label: `variant_id=${JSON.stringify(id).slice(0, 40)}`, fields: { variant_id: id, quantity: "1" } });
  for (const q of BAD_QUANTITIES) cases.push({ action: "addToCart", label: `quantity=${JSON.stringify(q).slice(0, 40)}`, fields: { variant_id: valid.variantId, quantity: q } });
  for (const id of badIds("cali")) cases.push({ action: "updateLineQuantity", label: `line_id=${JSON.stringify(id).slice(0, 40)}`, fields: { line_id: id, quantity: "1" } });
  for (const q of BAD_QUANTITIES.filter((value) => value !== "0")) {
    cases.push({ action: "updateLineQuantity", label: `quantity=${JSON.stringify(q).slice(0, 40)}`, fields: { line_id: valid.lineId, quantity: q } });
  }
  for (const id of badIds("so")) cases.push({ action: "chooseDelivery", label: `shipping_option_id=${JSON.stringify(id).slice(0, 40)}`, fields: { shipping_option_id: id } });
  for (const country of BAD_COUNTRIES) cases.push({ action: "chooseCountry", label: `country=${JSON.stringify(country)}`, fields: { country } });
  for (const action of ["applyPromotionCode", "removePromotionCode"] as const) {
    for (const code of BAD_PROMOTION_CODES) cases.push({ action, label: `code=${JSON.stringify(code).slice(0, 40)}`, fields: { code } });
  }
  for (const email of BAD_EMAILS) cases.push({ action: "saveContactAndAddresses", label: `email=${JSON.stringify(email).slice(0, 40)}`, fields: { ...GOOD_ADDRESS, email } });
  for (const field of ["shipping_first_name", "shipping_last_name", "shipping_address_1", "shipping_postal_code", "shipping_city", "shipping_country_code"]) {
    for (const value of HOSTILE_STRINGS.filter((candidate) => isBadAddressValue(field, candidate))) {
      cases.push({ action: "saveContactAndAddresses", label: `${field}=${JSON.stringify(value).slice(0, 40)}`, fields: { ...GOOD_ADDRESS, [field]: value } });
    }
  }
  return cases;
}

/** Which hostile strings an address field must refuse: empty, over-long, control characters; a country not ours. */
function isBadAddressValue(field: string, value: string): boolean {
  if (field === "shipping_country_code") return value.trim().toLowerCase() !== "de";
  return value.trim() === "" || value.trim().length > 120 || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value);
}

const GOOD_PASSWORD = "correct horse battery";
const BAD_PASSWORDS = ["", "short", "x".repeat(129)] as const;

/** Shaped like Medusa's signed reset token or not at all; none of them was signed by Medusa. */
const BAD_RESET_TOKENS = ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "a.b", "a.b.c.d", "a..b", ...HOSTILE_STRINGS] as const;

const GOOD_BOOK_ADDRESS: Record<string, string> = {
  first_name: "Erika",
  last_name: "Mustermann",
  address_1: "Heidestraße 17",
  postal_code: "51147",
  city: "Köln",
  country_code: "de",
};

/**
 * The account's actions (signing in and up, resetting a password, the address book), each bad value in one field with
 * the others valid. The address book's cases are for a signed-in customer; `addressId` is one of their own.
 */
export function accountBadInputCases(valid: { addressId: string }): AccountBadInputCase[] {
  const cases: AccountBadInputCase[] = [];
  const label = (field: string, value: string) => `${field}=${JSON.stringify(value).slice(0, 40)}`;
  for (const email of BAD_EMAILS) {
    cases.push({ action: "signIn", label: label("email", email), fields: { email, password: GOOD_PASSWORD } });
    cases.push({ action: "signUp", label: label("email", email), fields: { first_name: "Ada", last_name: "Lovelace", email, password: GOOD_PASSWORD } });
    cases.push({ action: "requestPasswordReset", label: label("email", email), fields: { email } });
  }
  for (const password of BAD_PASSWORDS.filter((value) => value !== "short")) {
    cases.push({ action: "signIn", label: label("password", password), fields: { email: "ada@example.com", password } });
  }
  for (const password of BAD_PASSWORDS) {
    cases.push({ action: "signUp", label: label("password", password), fields: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", password } });
    cases.push({ action: "setNewPassword", label: label("password", password), fields: { token: BAD_RESET_TOKENS[0], password } });
  }
  for (const field of ["first_name", "last_name"]) {
    for (const value of HOSTILE_STRINGS.filter((candidate) => isBadAddressValue(field, candidate))) {
      cases.push({ action: "signUp", label: label(field, value), fields: { first_name: "Ada", last_name: "Lovelace", email: "ada@example.com", password: GOOD_PASSWORD, [field]: value } });
    }
  }
  for (const token of BAD_RESET_TOKENS) cases.push({ action: "setNewPassword", label: label("token", token), fields: { token, password: GOOD_PASSWORD } });
  for (const field of Object.keys(GOOD_BOOK_ADDRESS)) {
    for (const value of HOSTILE_STRINGS.filter((candidate) => isBadAddressValue(field === "country_code" ? "shipping_country_code" : field, candidate))) {
      cases.push({ action: "addSavedAddress", label: label(field, value), fields: { ...GOOD_BOOK_ADDRESS, [field]: value } });
      cases.push({ action: "updateSavedAddress", label: label(field, value), fields: { ...GOOD_BOOK_ADDRESS, address_id: valid.addressId, [field]: value } });
    }
  }
  for (const id of badIds("cuaddr")) {
    cases.push({ action: "updateSavedAddress", label: label("address_id", id), fields: { ...GOOD_BOOK_ADDRESS, city: "Bonn", address_id: id } });
    cases.push({ action: "deleteSavedAddress", label: label("address_id", id), fields: { address_id: id } });
  }
  return cases;
}
