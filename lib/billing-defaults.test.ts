import { describe, expect, it } from "vitest";
import { billingDefaultsOf } from "./billing-defaults";

describe("billingDefaultsOf", () => {
  it("maps Medusa's address onto Stripe's billing details", () => {
    expect(
      billingDefaultsOf(
        { first_name: "Erika", last_name: "Mustermann", address_1: "Heidestraße 17", city: "Köln", postal_code: "51147", country_code: "de", phone: null },
        "erika@example.com",
      ),
    ).toEqual({
      name: "Erika Mustermann",
      email: "erika@example.com",
      phone: undefined,
      address: { line1: "Heidestraße 17", line2: undefined, city: "Köln", postal_code: "51147", state: undefined, country: "DE" },
    });
  });

  it("leaves everything unset without an address", () => {
    expect(billingDefaultsOf(null, null)).toMatchObject({ name: undefined, email: undefined, address: { country: undefined } });
  });
});
