import { describe, expect, it } from "vitest";
import { StripeApiError } from "./errors";
import { IDEMPOTENCY_TTL_SECONDS, IdempotencyKeys, type IdempotentRequest } from "./idempotency";
import { Store } from "./store";

const request = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  apiKey: "sk_test_a", key: "key-1", method: "POST", path: "/v1/payment_intents", params: { amount: "1000" }, ...overrides,
});

describe("idempotency keys", () => {
  it("replay for the same API key, endpoint and parameters, and refuse other parameters", () => {
    const keys = new IdempotencyKeys(new Store(), () => 1_000_000);
    keys.save(request(), 200, "{}", "req_1");
    expect(keys.replay(request({ params: { amount: "1000" } }))?.request_id).toBe("req_1");
    expect(() => keys.replay(request({ params: { amount: "2000" } }))).toThrow(StripeApiError);
    expect(() => keys.replay(request({ path: "/v1/refunds" }))).toThrow(/same endpoint/);
  });

  it("are scoped per API key: another key's identical value is a new request", () => {
    const store = new Store();
    const keys = new IdempotencyKeys(store, () => 1_000_000);
    keys.save(request(), 200, "{}", "req_1");
    expect(keys.replay(request({ apiKey: "sk_test_b", params: { amount: "2000" } }))).toBeUndefined();
    expect(JSON.stringify(store.state.idempotency)).not.toContain("sk_test_a");
  });

  it("expire after 24 hours", () => {
    let now = 1_000_000_000;
    const store = new Store();
    const keys = new IdempotencyKeys(store, () => now);
    keys.save(request(), 200, "{}", "req_1");
    now += (IDEMPOTENCY_TTL_SECONDS - 1) * 1000;
    expect(keys.replay(request())?.request_id).toBe("req_1");
    now += 1000;
    expect(keys.replay(request({ params: { amount: "5000" } }))).toBeUndefined();
    expect(Object.keys(store.state.idempotency)).toHaveLength(0);
  });
});
