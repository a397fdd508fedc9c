import { createHmac } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignatureHeader } from "./webhooks";

const SECRET = "whsec_unit_test";
const PAYLOAD = JSON.stringify({ id: "evt_1", object: "event", type: "payment_intent.succeeded", data: { object: {} } }, null, 2);

describe("webhook signatures", () => {
  it("has Stripe's format: t=<seconds>,v1=<hex HMAC-SHA256 of `t.body`>", () => {
    const header = signatureHeader(PAYLOAD, SECRET, 1_700_000_000);
    const expected = createHmac("sha256", SECRET).update(`1700000000.${PAYLOAD}`).digest("hex");
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  it("is accepted by the stripe SDK's constructEvent", () => {
    const header = signatureHeader(PAYLOAD, SECRET, Math.floor(Date.now() / 1000));
    const event = new Stripe("sk_test_unit").webhooks.constructEvent(PAYLOAD, header, SECRET);
    expect(event.id).toBe("evt_1");
  });

  it("fails verification for a tampered body, another secret, or an old timestamp", () => {
    const now = 1_700_000_000;
    const header = signatureHeader(PAYLOAD, SECRET, now);
    expect(verifySignatureHeader(PAYLOAD, header, SECRET, 300, now)).toBe(true);
    expect(verifySignatureHeader(PAYLOAD.replace("evt_1", "evt_2"), header, SECRET, 300, now)).toBe(false);
    expect(verifySignatureHeader(PAYLOAD, header, "whsec_other", 300, now)).toBe(false);
    expect(verifySignatureHeader(PAYLOAD, header, SECRET, 300, now + 301)).toBe(false);
  });
});
