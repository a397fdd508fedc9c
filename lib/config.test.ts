import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

const complete = {
  MEDUSA_BACKEND_URL: "http://localhost:9000/",
  MEDUSA_PUBLISHABLE_KEY: "pk_01medusa",
  STRIPE_PUBLISHABLE_KEY: "pk_test_abc",
  DEFAULT_COUNTRY: "DE",
};

describe("parseConfig", () => {
  it("reads a complete environment, trimming the URL's trailing slash and lower-casing the country", () => {
    expect(parseConfig(complete)).toEqual({
      medusaBackendUrl: "http://localhost:9000",
      medusaPublishableKey: "pk_01medusa",
      stripePublishableKey: "pk_test_abc",
      defaultCountry: "de",
      stripeDoubleUrl: null,
      stripeApiUrl: "https://api.stripe.com",
      medusaTimeoutMs: 10_000,
    });
  });

  it("takes MEDUSA_TIMEOUT_MS in milliseconds and refuses one a shopper could not wait for or a typo", () => {
    expect(parseConfig({ ...complete, MEDUSA_TIMEOUT_MS: "4000" }).medusaTimeoutMs).toBe(4000);
    expect(() => parseConfig({ ...complete, MEDUSA_TIMEOUT_MS: "10s" })).toThrow(/MEDUSA_TIMEOUT_MS/);
    expect(() => parseConfig({ ...complete, MEDUSA_TIMEOUT_MS: "600000" })).toThrow(/at most 120000/);
  });

  it("asks Stripe's API unless told otherwise (the demo's double, or STRIPE_API_URL), and never anything else with a live key", () => {
    expect(parseConfig({ ...complete, STRIPE_DOUBLE_URL: "http://localhost:12111" }).stripeApiUrl).toBe("http://localhost:12111");
    expect(parseConfig({ ...complete, STRIPE_API_URL: "http://127.0.0.1:12111/" }).stripeApiUrl).toBe("http://127.0.0.1:12111");
    expect(() => parseConfig({ ...complete, STRIPE_PUBLISHABLE_KEY: "pk_live_abc", STRIPE_API_URL: "http://127.0.0.1:12111" })).toThrow(
      /STRIPE_API_URL must be https:\/\/api\.stripe\.com/,
    );
  });

  it("names every missing variable in one message", () => {
    expect(() => parseConfig({})).toThrow(ConfigError);
    try {
      parseConfig({ STRIPE_PUBLISHABLE_KEY: "pk_test_x" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("MEDUSA_BACKEND_URL is missing");
      expect(message).toContain("MEDUSA_PUBLISHABLE_KEY is missing");
      expect(message).toContain("DEFAULT_COUNTRY is missing");
      expect(message).not.toContain("STRIPE_PUBLISHABLE_KEY");
    }
  });

  it("treats an empty value as missing", () => {
    expect(() => parseConfig({ ...complete, MEDUSA_PUBLISHABLE_KEY: "" })).toThrow(/MEDUSA_PUBLISHABLE_KEY is missing/);
  });

  it("explains malformed values", () => {
    expect(() => parseConfig({ ...complete, STRIPE_PUBLISHABLE_KEY: "sk_test_secret" })).toThrow(
      /STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key/,
    );
    expect(() => parseConfig({ ...complete, DEFAULT_COUNTRY: "germany" })).toThrow(/DEFAULT_COUNTRY must be/);
    expect(() => parseConfig({ ...complete, MEDUSA_BACKEND_URL: "localhost:9000" })).toThrow(/MEDUSA_BACKEND_URL/);
  });

  it("accepts the Stripe stand-in with a test key", () => {
    expect(parseConfig({ ...complete, STRIPE_DOUBLE_URL: "http://localhost:12111" }).stripeDoubleUrl).toBe(
      "http://localhost:12111",
    );
  });

  it("refuses the Stripe stand-in together with a live key", () => {
    expect(() =>
      parseConfig({ ...complete, STRIPE_PUBLISHABLE_KEY: "pk_live_abc", STRIPE_DOUBLE_URL: "http://localhost:12111" }),
    ).toThrow(/STRIPE_DOUBLE_URL is a demo-only setting/);
  });
});
