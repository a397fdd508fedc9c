import { describe, expect, it } from "vitest";
import { appliedCodes, codeSpellings, findAppliedCode, removableCodes } from "./promotion-codes";

const promotions = [
  { code: "WELCOME10", is_automatic: false },
  { code: "SUMMER", is_automatic: true },
  { code: null, is_automatic: false },
];

describe("a cart's promotion codes", () => {
  it("lists every code, and offers to remove only the ones the shopper applied", () => {
    expect(appliedCodes(promotions)).toEqual(["WELCOME10", "SUMMER"]);
    expect(removableCodes(promotions)).toEqual(["WELCOME10"]);
    expect(appliedCodes(undefined)).toEqual([]);
    expect(removableCodes(null)).toEqual([]);
  });

  it("recognises an applied code typed again in any case", () => {
    expect(findAppliedCode(promotions, " welcome10 ")).toBe("WELCOME10");
    expect(findAppliedCode(promotions, "SAVE5EUR")).toBeNull();
    expect(findAppliedCode([], "WELCOME10")).toBeNull();
  });
});

describe("codeSpellings", () => {
  it("tries the capitalised code first, then exactly what was typed", () => {
    expect(codeSpellings("welcome10")).toEqual(["WELCOME10", "welcome10"]);
    expect(codeSpellings("Save5Eur")).toEqual(["SAVE5EUR", "Save5Eur"]);
  });

  it("tries a capitalised code once", () => {
    expect(codeSpellings(" WELCOME10 ")).toEqual(["WELCOME10"]);
    expect(codeSpellings("2024")).toEqual(["2024"]);
  });
});
