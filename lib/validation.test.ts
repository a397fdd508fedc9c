import { describe, expect, it } from "vitest";
import { badInputCases } from "../e2e/support/bad-inputs";
import { parseAddressForm } from "./address-form";
import {
  addToCartSchema,
  chooseCountrySchema,
  chooseDeliverySchema,
  newPasswordAfterResetSchema,
  parseForm,
  passwordResetRequestSchema,
  promotionCodeFormSchema,
  signInSchema,
  signUpSchema,
  updateLineSchema,
} from "./validation";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const VALID = { variantId: "variant_01M84EKB4N9P8B0B5TA9PZF6Z6", lineId: "cali_01M84JJGGQYDFYGW95C23HXX5G", shippingOptionId: "so_01M84EK93WWWDFXK9ZJ9MJ5EK7" };

describe("server action input", () => {
  it("accepts what the storefront's own forms send", () => {
    expect(parseForm(addToCartSchema, form({ variant_id: VALID.variantId }))).toEqual({ ok: true, data: { variant_id: VALID.variantId, quantity: 1 } });
    expect(parseForm(updateLineSchema, form({ line_id: VALID.lineId, quantity: "0" }))).toMatchObject({ ok: true, data: { quantity: 0 } });
    expect(parseForm(chooseDeliverySchema, form({ shipping_option_id: VALID.shippingOptionId }))).toMatchObject({ ok: true });
    expect(parseForm(chooseCountrySchema, form({ country: "DE" }))).toEqual({ ok: true, data: { country: "de" } });
  });

  it("names the field and says what to do", () => {
    expect(parseForm(addToCartSchema, form({ variant_id: VALID.variantId, quantity: "-1" }))).toEqual({
      ok: false,
      error: "Please choose a quantity between 1 and 99.",
      fieldErrors: { quantity: "Please choose a quantity between 1 and 99." },
    });
    expect(parseForm(addToCartSchema, form({}))).toMatchObject({ ok: false, fieldErrors: { variant_id: "Please choose a size first." } });
  });

  it("refuses a file posted where text belongs", () => {
    const data = new FormData();
    data.set("country", new Blob(["de"]), "de.txt");
    expect(parseForm(chooseCountrySchema, data)).toMatchObject({ ok: false });
  });

  // Well-formed ids that do not exist and well-formed country codes we do not ship to are refused by the action
  // after asking Medusa (tested over HTTP); an empty add-to-cart quantity means 1. Here: everything malformed.
  const generated = badInputCases(VALID).filter(
    (c) => !/_01AAAA|_0000|country="(xx|zz)"|^quantity=""$/.test(c.label) || (c.action !== "addToCart" && c.label === 'quantity=""'),
  );
  it(`refuses each of ${generated.length} generated bad inputs with a message`, () => {
    const accepted: string[] = [];
    for (const badCase of generated) {
      const data = form(badCase.fields);
      const result =
        badCase.action === "saveContactAndAddresses"
          ? parseAddressForm(data, ["de", "fr"]).payload === null
          : !parseForm(
              {
                addToCart: addToCartSchema,
                updateLineQuantity: updateLineSchema,
                chooseDelivery: chooseDeliverySchema,
                chooseCountry: chooseCountrySchema,
                applyPromotionCode: promotionCodeFormSchema,
                removePromotionCode: promotionCodeFormSchema,
              }[badCase.action],
              data,
            ).ok;
      if (!result) accepted.push(`${badCase.action} ${badCase.label}`);
    }
    expect(accepted).toEqual([]);
  });
});

describe("promotion code input", () => {
  it("accepts a code as typed, trimmed, its case kept", () => {
    expect(parseForm(promotionCodeFormSchema, form({ code: " welcome10 " }))).toEqual({ ok: true, data: { code: "welcome10" } });
    expect(parseForm(promotionCodeFormSchema, form({ code: "SUMMER-2026_v.2" }))).toMatchObject({ ok: true });
  });

  it("asks for a code when there is none", () => {
    expect(parseForm(promotionCodeFormSchema, form({}))).toMatchObject({ ok: false, error: "Enter a promotion code." });
    expect(parseForm(promotionCodeFormSchema, form({ code: "   " }))).toMatchObject({ ok: false, error: "Enter a promotion code." });
  });

  it.each(["<script>alert(1)</script>", "WELCOME 10", "' OR '1'='1", "%00", "\u0000", "-LEADING", "${7*7}", "x".repeat(65)])(
    "refuses %j with a sentence, before asking Medusa",
    (code) => {
      const parsed = parseForm(promotionCodeFormSchema, form({ code }));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.fieldErrors.code).toMatch(/^(A promotion code has only|That code is too long)/);
    },
  );
});

describe("account input", () => {
  it("takes an email in any case as the same account, and keeps the password exactly as typed", () => {
    const parsed = parseForm(signInSchema, form({ email: "  Ann@Example.COM ", password: " secret pass " }));
    expect(parsed).toEqual({ ok: true, data: { email: "ann@example.com", password: " secret pass " } });
  });

  it("asks for what is missing at sign-in, field by field", () => {
    const parsed = parseForm(signInSchema, form({ email: "", password: "" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({ email: "Enter your email address.", password: "Enter your password." });
  });

  it("asks for a password of at least 8 characters at sign-up, and at most 128", () => {
    const base = { first_name: "Ann", last_name: "Lee", email: "ann@example.com" };
    const short = parseForm(signUpSchema, form({ ...base, password: "1234567" }));
    expect(short.ok ? null : short.fieldErrors.password).toBe("Choose a password of at least 8 characters.");
    const long = parseForm(signUpSchema, form({ ...base, password: "x".repeat(129) }));
    expect(long.ok ? null : long.fieldErrors.password).toBe("A password can be at most 128 characters.");
    expect(parseForm(signUpSchema, form({ ...base, password: "12345678" })).ok).toBe(true);
  });

  it("refuses names with control characters and a file sent as a password", () => {
    const data = form({ first_name: "Ann\u0000", last_name: "Lee", email: "ann@example.com" });
    data.set("password", new Blob(["x"]));
    const parsed = parseForm(signUpSchema, data);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["first_name", "password"]);
  });
});

describe("password reset input", () => {
  const token = "eyJhbGciOiJIUzI1NiJ9.eyJlbnRpdHlfaWQiOiJhbm5AZXhhbXBsZS5jb20ifQ.c2lnbmF0dXJl";

  it("asks for a reset by the account's email, in any case", () => {
    expect(parseForm(passwordResetRequestSchema, form({ email: " Ann@Example.com" }))).toEqual({ ok: true, data: { email: "ann@example.com" } });
    expect(parseForm(passwordResetRequestSchema, form({ email: "ann" })).ok).toBe(false);
  });

  it("takes a token shaped like Medusa's and a new password of at least 8 characters", () => {
    expect(parseForm(newPasswordAfterResetSchema, form({ token, password: "12345678" }))).toEqual({ ok: true, data: { token, password: "12345678" } });
    const short = parseForm(newPasswordAfterResetSchema, form({ token, password: "1234567" }));
    expect(short.ok ? null : short.fieldErrors).toEqual({ password: "Choose a password of at least 8 characters." });
  });

  it("refuses a missing or mangled token before asking Medusa", () => {
    for (const bad of ["", "not-a-token", "a.b", `${token}/../x`, `${"a".repeat(3000)}.${"b".repeat(1100)}.c`]) {
      const parsed = parseForm(newPasswordAfterResetSchema, form({ token: bad, password: "12345678" }));
      expect(parsed.ok ? null : Object.keys(parsed.fieldErrors), bad.slice(0, 20)).toEqual(["token"]);
    }
  });
});
