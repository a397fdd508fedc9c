import { describe, expect, it } from "vitest";
import { currencyDecimals, formatMoney, isSameAmount, toMinorUnits } from "./money";

describe("formatMoney", () => {
  it("formats major units with the currency's own decimals", () => {
    expect(formatMoney(15, "eur")).toBe("€15.00");
    expect(formatMoney(9.99, "usd")).toBe("$9.99");
    expect(formatMoney(2500, "jpy")).toBe("¥2,500");
    expect(formatMoney(1234.5, "EUR")).toBe("€1,234.50");
  });

  it("shows zero as money, and an unknown amount as a dash", () => {
    expect(formatMoney(0, "eur")).toBe("€0.00");
    expect(formatMoney(undefined, "eur")).toBe("—");
    expect(formatMoney(null, "jpy")).toBe("—");
  });
});

describe("currencyDecimals", () => {
  it("knows zero-, two- and three-decimal currencies", () => {
    expect(currencyDecimals("jpy")).toBe(0);
    expect(currencyDecimals("eur")).toBe(2);
    expect(currencyDecimals("kwd")).toBe(3);
  });
});

describe("toMinorUnits", () => {
  it("converts to what Stripe charges", () => {
    expect(toMinorUnits(15, "eur")).toBe(1500);
    expect(toMinorUnits(15.5, "usd")).toBe(1550);
    expect(toMinorUnits(2500, "jpy")).toBe(2500);
    expect(toMinorUnits(59.900000000000006, "eur")).toBe(5990);
  });
});

describe("isSameAmount", () => {
  it("ignores floating-point noise but not real differences", () => {
    expect(isSameAmount(59.9, 59.900000000000006, "eur")).toBe(true);
    expect(isSameAmount(59.9, 59.91, "eur")).toBe(false);
    expect(isSameAmount(2500, 2501, "jpy")).toBe(false);
  });
});
