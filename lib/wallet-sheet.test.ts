import { describe, expect, it } from "vitest";
import { allowedShippingCountries, countryRefusal, medusaAddressOf, sheetAmount, sheetLineItems, splitName } from "./wallet-sheet";

describe("sheetLineItems", () => {
  it("lists items before tax in cents, then the tax, adding up with the delivery to exactly the total (EUR)", () => {
    // Two shirts at €49.00 + €5.00 delivery, 19 % VAT on both: 98 + 5 = 103 → 122.57 with tax.
    const cart = {
      currency_code: "eur",
      total: 122.57,
      items: [{ title: "M", product_title: "Linen Shirt", quantity: 2, subtotal: 98, unit_price: 49 }],
    };
    const lines = sheetLineItems(cart, 500);
    expect(lines).toEqual([
      { name: "Linen Shirt × 2", amount: 9800 },
      { name: "Tax", amount: 1957 },
    ]);
    expect(lines.reduce((sum, line) => sum + line.amount, 0) + 500).toBe(sheetAmount(cart));
  });

  it("counts whole yen (zero-decimal) and shows a discount as a negative line", () => {
    const cart = {
      currency_code: "jpy",
      total: 5500,
      discount_subtotal: 700,
      items: [{ title: "Default", product_title: "Tote", quantity: 1, subtotal: 5200, unit_price: 5200 }],
    };
    expect(sheetLineItems(cart, 800)).toEqual([
      { name: "Tote", amount: 5200 },
      { name: "Discount", amount: -700 },
      { name: "Tax", amount: 200 },
    ]);
    expect(sheetAmount(cart)).toBe(5500);
  });

  it("leaves out a zero tax line, and floating-point noise never adds a cent", () => {
    const cart = { currency_code: "usd", total: 59.900000000000006, items: [{ title: "Cap", quantity: 1, subtotal: 53.9, unit_price: 53.9 }] };
    expect(sheetLineItems(cart, 600)).toEqual([{ name: "Cap", amount: 5390 }]);
  });
});

describe("wallet addresses", () => {
  it("the sheet's countries are upper case, each once", () => {
    expect(allowedShippingCountries(["de", "fr", null, "DE"])).toEqual(["DE", "FR"]);
  });

  it("a country outside the cart's region is refused with the reason; one inside, in any case, is not", () => {
    expect(countryRefusal(["DE", "FR"], "fr")).toBeNull();
    expect(countryRefusal(["DE", "FR"], "GB")).toBe(
      "We cannot deliver this order to GB: its prices are for DE, FR. Choose an address there, or change your country at the top of the page.",
    );
  });

  it("a wallet address becomes Medusa's, empty fields left out", () => {
    expect(medusaAddressOf({ line1: " Rue de Rivoli 1 ", line2: "", city: "Paris", state: null, postal_code: "75001", country: "FR" })).toEqual({
      address_1: "Rue de Rivoli 1",
      city: "Paris",
      postal_code: "75001",
      country_code: "fr",
    });
  });

  it("the last word of the wallet's name is the last name", () => {
    expect(splitName("Jenny Rosen")).toEqual({ first_name: "Jenny", last_name: "Rosen" });
    expect(splitName("Anna Maria  van Dijk")).toEqual({ first_name: "Anna Maria van", last_name: "Dijk" });
    expect(splitName("Cher")).toEqual({ first_name: "Cher", last_name: "" });
  });
});
