import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors";
import { parseQuery } from "./search";
import type { PaymentIntent } from "./store";

const pi = (fields: Partial<PaymentIntent>): PaymentIntent =>
  ({ amount: 1000, currency: "usd", customer: null, status: "requires_capture", metadata: {}, ...fields }) as PaymentIntent;

describe("payment intent search queries", () => {
  it("match metadata, status, currency, customer and amount comparisons", () => {
    expect(parseQuery("metadata['session_id']:'payses_1'")(pi({ metadata: { session_id: "payses_1" } }))).toBe(true);
    expect(parseQuery('metadata["session_id"]:"payses_1"')(pi({ metadata: { session_id: "payses_2" } }))).toBe(false);
    expect(parseQuery("status:'requires_capture' AND currency:'usd'")(pi({}))).toBe(true);
    expect(parseQuery("status:'succeeded' OR amount>999")(pi({}))).toBe(true);
    expect(parseQuery("-status:'requires_capture'")(pi({}))).toBe(false);
    expect(parseQuery("amount<=1000 AND amount>=1000")(pi({}))).toBe(true);
  });

  it("refuse fields and syntax the double does not implement, never ignoring them", () => {
    const refused = (query: string): string => {
      try {
        parseQuery(query);
      } catch (error) {
        if (error instanceof StripeApiError) return error.body.message;
      }
      throw new Error(`accepted: ${query}`);
    };
    expect(refused("description:'x'")).toMatch(/`description` is an unsupported search field/);
    expect(refused("status:'a' AND currency:'usd' OR amount>1")).toMatch(/unable to parse/);
    expect(refused("pi_123")).toMatch(/unable to parse/);
    expect(refused("")).toMatch(/unable to parse/);
  });
});
