import { describe, expect, it } from "vitest";
import { cartHoldsContact, parseAddressBookForm, parseAddressForm } from "./address-form";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const shipping = {
  email: "ada@example.com",
  shipping_first_name: "Ada",
  shipping_last_name: "Lovelace",
  shipping_address_1: "Unter den Linden 1",
  shipping_postal_code: "10117",
  shipping_city: "Berlin",
  shipping_country_code: "DE",
};

describe("parseAddressForm", () => {
  it("builds the cart update with billing = shipping when the box is ticked", () => {
    const result = parseAddressForm(form({ ...shipping, billing_same: "on", shipping_phone: " " }), ["de", "fr"]);
    expect(result.fieldErrors).toEqual({});
    expect(result.payload).toEqual({
      email: "ada@example.com",
      shipping_address: {
        first_name: "Ada",
        last_name: "Lovelace",
        address_1: "Unter den Linden 1",
        postal_code: "10117",
        city: "Berlin",
        country_code: "de",
      },
      billing_address: {
        first_name: "Ada",
        last_name: "Lovelace",
        address_1: "Unter den Linden 1",
        postal_code: "10117",
        city: "Berlin",
        country_code: "de",
      },
    });
  });

  it("marks each missing or invalid field", () => {
    const result = parseAddressForm(form({ email: "ada@", billing_same: "on" }), ["de"]);
    expect(result.payload).toBeNull();
    expect(result.fieldErrors).toMatchObject({
      email: expect.stringContaining("valid email"),
      shipping_first_name: "Enter a first name.",
      shipping_city: "Enter a city.",
      shipping_country_code: "Choose a country.",
    });
  });

  it("refuses a shipping country outside the cart's region", () => {
    const result = parseAddressForm(form({ ...shipping, shipping_country_code: "us", billing_same: "on" }), ["de"]);
    expect(result.fieldErrors.shipping_country_code).toMatch(/do not ship/);
  });

  it("validates a separate billing address, which may be in any country", () => {
    const missing = parseAddressForm(form({ ...shipping }), ["de"]);
    expect(missing.fieldErrors).toMatchObject({ billing_first_name: "Enter a first name.", billing_country_code: "Choose a country." });
    const elsewhere = parseAddressForm(
      form({
        ...shipping,
        billing_first_name: "Charles",
        billing_last_name: "Babbage",
        billing_address_1: "1 Dorset St",
        billing_postal_code: "W1U 4EG",
        billing_city: "London",
        billing_country_code: "gb",
      }),
      ["de"],
    );
    expect(elsewhere.fieldErrors).toEqual({});
    expect(elsewhere.payload?.billing_address).toMatchObject({ first_name: "Charles", country_code: "gb" });
  });
});

describe("cartHoldsContact", () => {
  const payload = parseAddressForm(form({ ...shipping, billing_same: "on" }), ["de"]).payload;
  if (!payload) throw new Error("the example form is valid");
  // As Medusa returns a saved address: every field present, the unset ones null.
  const saved = {
    first_name: "Ada",
    last_name: "Lovelace",
    company: null,
    address_1: "Unter den Linden 1",
    address_2: null,
    postal_code: "10117",
    city: "Berlin",
    province: null,
    country_code: "de",
    phone: null,
  };

  it("is true when the cart holds the same contact and addresses, however Medusa spells an unset field", () => {
    expect(cartHoldsContact(payload, { email: "ada@example.com", shipping_address: saved, billing_address: { ...saved, company: "" } })).toBe(true);
  });

  it("is false when anything differs: the email, a field of either address, or a missing address", () => {
    expect(cartHoldsContact(payload, { email: "bob@example.com", shipping_address: saved, billing_address: saved })).toBe(false);
    expect(cartHoldsContact(payload, { email: "ada@example.com", shipping_address: { ...saved, city: "Bonn" }, billing_address: saved })).toBe(false);
    expect(cartHoldsContact(payload, { email: "ada@example.com", shipping_address: saved, billing_address: { ...saved, phone: "+49 30 1" } })).toBe(false);
    expect(cartHoldsContact(payload, { email: "ada@example.com", shipping_address: saved, billing_address: null })).toBe(false);
    expect(cartHoldsContact(payload, { email: null, shipping_address: saved, billing_address: saved })).toBe(false);
  });
});

describe("parseAddressBookForm", () => {
  const book = { first_name: "Ada", last_name: "Lovelace", address_1: "Unter den Linden 1", postal_code: "10117", city: "Berlin", country_code: "DE" };

  it("reads the account page's fields, named as Medusa names them", () => {
    expect(parseAddressBookForm(form({ ...book, phone: " " }), ["de", "fr"])).toEqual({
      fieldErrors: {},
      address: { first_name: "Ada", last_name: "Lovelace", address_1: "Unter den Linden 1", postal_code: "10117", city: "Berlin", country_code: "de" },
    });
  });

  it("says what is missing, and refuses a country the shop does not ship to", () => {
    const result = parseAddressBookForm(form({ ...book, city: "", country_code: "zz" }), ["de", "fr"]);
    expect(result.address).toBeNull();
    expect(result.fieldErrors).toEqual({ city: "Enter a city.", country_code: "We do not ship to this country." });
  });
});
