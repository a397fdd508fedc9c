import { describe, expect, it } from "vitest";
import {
  checkoutChoices,
  describeAddress,
  findInAddressBook,
  sameAddress,
  toAddressBookPayload,
  toCheckoutFormValues,
  toFormValues,
} from "./saved-addresses";

const berlin = {
  id: "cuaddr_01BERLIN0000000000000000",
  first_name: "Ada",
  last_name: "Lovelace",
  company: null,
  address_1: "Unter den Linden 1",
  address_2: null,
  postal_code: "10117",
  city: "Berlin",
  province: null,
  country_code: "de",
  phone: "",
};
const paris = { ...berlin, id: "cuaddr_01PARIS00000000000000000", address_1: "1 Rue de Rivoli", postal_code: "75001", city: "Paris", country_code: "fr" };
const boston = { ...berlin, id: "cuaddr_01BOSTON0000000000000000", address_1: "1 Main St", postal_code: "02108", city: "Boston", country_code: "us" };

describe("sameAddress / findInAddressBook", () => {
  it("treats null, absent and empty fields alike, and ignores spaces and the country code's case", () => {
    const typed = {
      first_name: " Ada ",
      last_name: "Lovelace",
      address_1: "Unter  den Linden 1",
      postal_code: "10117",
      city: "Berlin",
      country_code: "DE",
    };
    expect(sameAddress(typed, berlin)).toBe(true);
    expect(findInAddressBook(typed, [paris, berlin])?.id).toBe(berlin.id);
  });

  it("any field that differs makes another address", () => {
    expect(sameAddress({ ...berlin, address_2: "3rd floor" }, berlin)).toBe(false);
    expect(sameAddress({ ...berlin, phone: "+49 30 1234" }, berlin)).toBe(false);
    expect(sameAddress({ ...berlin, last_name: "Byron" }, berlin)).toBe(false);
    expect(findInAddressBook({ ...berlin, city: "Potsdam" }, [berlin, paris])).toBeUndefined();
    expect(findInAddressBook(berlin, [])).toBeUndefined();
  });
});

describe("toFormValues / toCheckoutFormValues", () => {
  it("fills every field of the checkout's shipping form, empty where the address has nothing", () => {
    expect(toCheckoutFormValues(berlin, "shipping")).toEqual({
      shipping_first_name: "Ada",
      shipping_last_name: "Lovelace",
      shipping_company: "",
      shipping_address_1: "Unter den Linden 1",
      shipping_address_2: "",
      shipping_postal_code: "10117",
      shipping_city: "Berlin",
      shipping_province: "",
      shipping_country_code: "de",
      shipping_phone: "",
    });
  });

  it("names fields as the form does, and writes the country code as the country list's options do", () => {
    expect(toFormValues({ city: "Paris", country_code: "FR" }, (field) => field)).toMatchObject({ city: "Paris", country_code: "fr", first_name: "" });
  });
});

describe("describeAddress", () => {
  it("gives one line with what tells addresses apart", () => {
    expect(describeAddress(berlin)).toBe("Ada Lovelace, Unter den Linden 1, 10117 Berlin, DE");
    expect(describeAddress({ ...berlin, company: "Analytical Engines Ltd", address_2: "Hof 2" })).toBe(
      "Ada Lovelace, Analytical Engines Ltd, Unter den Linden 1, Hof 2, 10117 Berlin, DE",
    );
  });
});

describe("toAddressBookPayload", () => {
  it("sends every address field, trimmed, unset ones empty, and nothing else", () => {
    const payload = toAddressBookPayload({ ...berlin, first_name: " Ada ", country_code: "DE" });
    expect(payload).toEqual({
      first_name: "Ada",
      last_name: "Lovelace",
      company: "",
      address_1: "Unter den Linden 1",
      address_2: "",
      postal_code: "10117",
      city: "Berlin",
      province: "",
      country_code: "de",
      phone: "",
    });
    expect(payload).not.toHaveProperty("id");
  });
});

describe("checkoutChoices", () => {
  it("offers only the saved addresses the cart's region ships to", () => {
    const { choices } = checkoutChoices([berlin, paris, boston], ["de", "fr"], null);
    expect(choices.map((choice) => choice.id)).toEqual([berlin.id, paris.id]);
    expect(choices[1]).toMatchObject({ label: "Ada Lovelace, 1 Rue de Rivoli, 75001 Paris, FR" });
    expect(choices[1]?.values.shipping_city).toBe("Paris");
  });

  it("chooses the saved address the cart already ships to, and none when the cart's address is not in the book", () => {
    expect(checkoutChoices([berlin, paris], ["de", "fr"], { ...paris, country_code: "FR" }).selectedId).toBe(paris.id);
    expect(checkoutChoices([berlin, paris], ["de", "fr"], { ...paris, city: "Lyon" }).selectedId).toBeNull();
  });

  it("while the cart has no address, starts from the default shipping address, else the first one", () => {
    expect(checkoutChoices([berlin, { ...paris, is_default_shipping: true }], ["de", "fr"], null).selectedId).toBe(paris.id);
    expect(checkoutChoices([berlin, paris], ["de", "fr"], { country_code: "de" }).selectedId).toBe(berlin.id);
    // The default is in a country the cart cannot ship to: the first one it can.
    expect(checkoutChoices([{ ...boston, is_default_shipping: true }, paris], ["de", "fr"], null).selectedId).toBe(paris.id);
    expect(checkoutChoices([boston], ["de", "fr"], null)).toEqual({ choices: [], selectedId: null });
  });
});
