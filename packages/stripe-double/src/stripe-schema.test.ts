import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors";
import { decodeForm } from "./form";
import { mergeMetadata } from "./params";
import { operationFor, SCHEMA_API_VERSION, validateAgainstStripe } from "./stripe-schema";

function errorOf(run: () => unknown): StripeApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof StripeApiError) return error;
    throw error;
  }
  throw new Error("expected a Stripe error");
}

const validate = (operation: string, body: string) => () => validateAgainstStripe(decodeForm(body), operation);
const CREATE = "PaymentIntentCreateParams";
/** This package's folder and the installed `stripe` SDK's, wherever the tests are run from. */
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const STRIPE_SDK_DIR = installedPackage("stripe");

/** The folder of an installed package, found as Node finds it: in node_modules here or in a folder above. */
function installedPackage(name: string): string {
  for (let dir = PACKAGE_DIR; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed: run npm install`);
  }
}

describe("Stripe's parameter schemas", () => {
  it("describe the API version the pinned stripe SDK sends", () => {
    const sdk = readFileSync(join(STRIPE_SDK_DIR, "esm/apiVersion.js"), "utf8");
    expect(sdk).toContain(`'${SCHEMA_API_VERSION}'`);
    expect(SCHEMA_API_VERSION).toBe("2024-04-10");
  });

  it("are what the extract script produces from the installed SDK", () => {
    const regenerated = execFileSync(process.execPath, ["--import", "tsx", "scripts/extract-stripe-schema.ts", STRIPE_SDK_DIR], {
      cwd: PACKAGE_DIR,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(regenerated).toBe(readFileSync(join(PACKAGE_DIR, "src/stripe-schema.json"), "utf8"));
  }, 120_000);

  it("map each implemented endpoint, with search before an id", () => {
    expect(operationFor("POST", "/v1/payment_intents")).toBe(CREATE);
    expect(operationFor("GET", "/v1/payment_intents/search")).toBe("PaymentIntentSearchParams");
    expect(operationFor("GET", "/v1/payment_intents/pi_123")).toBe("PaymentIntentRetrieveParams");
    expect(operationFor("POST", "/v1/payment_intents/pi_123/confirm")).toBe("PaymentIntentConfirmParams");
    expect(operationFor("GET", "/v1/payouts")).toBeUndefined();
  });

  it("accept what Medusa's provider sends", () => {
    expect(() =>
      validateAgainstStripe(
        decodeForm("amount=1000&currency=usd&metadata[session_id]=payses_1&capture_method=manual&automatic_payment_methods[enabled]=true&expand[0]=payment_method"),
        CREATE,
      ),
    ).not.toThrow();
  });

  it("refuse unknown nested parameters with the bracketed path", () => {
    const error = errorOf(validate(CREATE, "amount=1&currency=usd&payment_method_options[card][colour]=red"));
    expect(error.status).toBe(400);
    expect(error.body).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_unknown",
      param: "payment_method_options[card][colour]",
      message: "Received unknown parameter: payment_method_options[card][colour]",
    });
  });

  it("refuse wrong types and enum values as Stripe words them", () => {
    expect(errorOf(validate(CREATE, "amount=ten&currency=usd")).body).toMatchObject({
      code: "parameter_invalid_integer", param: "amount", message: "Invalid integer: ten",
    });
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&confirm=1")).body).toMatchObject({ param: "confirm", message: "Invalid boolean: 1" });
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&capture_method=later")).body).toMatchObject({
      param: "capture_method", message: "Invalid capture_method: must be one of automatic, automatic_async, or manual",
    });
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&payment_method_options[card][capture_method]=automatic")).body).toMatchObject({
      param: "payment_method_options[card][capture_method]", message: "Invalid capture_method: must be one of manual",
    });
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&description[a]=b")).body).toMatchObject({ param: "description", message: 'Invalid string: {"a":"b"}' });
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&shipping=x")).body).toMatchObject({ param: "shipping", message: "Invalid hash" });
  });

  it("accept both forms of off_session (a boolean or one_off/recurring) and nothing else", () => {
    expect(validate(CREATE, "amount=1&currency=usd&off_session=true")).not.toThrow();
    expect(validate(CREATE, "amount=1&currency=usd&off_session=recurring")).not.toThrow();
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&off_session=sometimes")).body.param).toBe("off_session");
  });

  it("refuse strings over Stripe's length limits, quoting the value as Stripe does", () => {
    const long = `${"a".repeat(10)}${"b".repeat(10)}cde`;
    expect(errorOf(validate(CREATE, `amount=1&currency=usd&statement_descriptor_suffix=${long}`)).body).toMatchObject({
      param: "statement_descriptor_suffix",
      message: "Invalid string: aaaaaaaaaa...bbbbbbbcde; must be at most 22 characters",
    });
    expect(validate(CREATE, `amount=1&currency=usd&statement_descriptor_suffix=${long.slice(1, 23)}`)).not.toThrow();
    expect(errorOf(validate(CREATE, `amount=1&currency=usd&description=${"d".repeat(5001)}`)).body.message).toMatch(/must be at most 5000 characters$/);
    expect(validate(CREATE, `amount=1&currency=usd&description=${"d".repeat(5000)}`)).not.toThrow();
  });

  it("enforce metadata's limits: 50 keys, 40-character keys without brackets, 500-character values", () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `metadata[k${i}]=v`).join("&");
    expect(validate(CREATE, `amount=1&currency=usd&${keys(50)}`)).not.toThrow();
    expect(errorOf(validate(CREATE, `amount=1&currency=usd&${keys(51)}`)).body).toMatchObject({
      param: "metadata",
      message: "Metadata can have up to 50 keys, but you've set 51. Email us at support+metadata@stripe.com for more information.",
    });
    expect(errorOf(validate(CREATE, `amount=1&currency=usd&metadata[${"k".repeat(41)}]=v`)).body.message).toBe(
      "Metadata keys can have up to 40 characters, but you passed in a key that is 41 characters.",
    );
    expect(errorOf(validate(CREATE, `amount=1&currency=usd&metadata[k]=${"v".repeat(501)}`)).body.message).toBe(
      "Metadata values can have up to 500 characters, but you passed in a value that is 501 characters.",
    );
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&metadata[a%5Bb%5D]=v")).body.message).toMatch(/square brackets/);
    expect(errorOf(validate(CREATE, "amount=1&currency=usd&metadata[a][b]=v")).body.message).toBe('Invalid value type: {"b":"v"} must be a string');
  });

  it("count metadata after an update is merged into what the object holds", () => {
    const held = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    expect(errorOf(() => mergeMetadata(held, decodeForm("metadata[extra]=v"))).body.message).toMatch(/up to 50 keys, but you've set 51/);
    expect(Object.keys(mergeMetadata(held, decodeForm("metadata[k0]=&metadata[extra]=v")))).toHaveLength(50);
  });

  it("name a missing required parameter", () => {
    expect(errorOf(validate(CREATE, "currency=usd")).body).toMatchObject({ code: "parameter_missing", param: "amount", message: "Missing required param: amount." });
  });

  it("let an empty string unset an optional hash or enum", () => {
    expect(validate("PaymentIntentUpdateParams", "metadata=&setup_future_usage=&shipping=")).not.toThrow();
  });
});
