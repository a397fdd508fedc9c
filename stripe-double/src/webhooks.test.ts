import { createHmac } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeDouble } from "./server";
import { signatureHeader, verifySignatureHeader, type WebhookQueue } from "./webhooks";

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

describe("the webhook queue (GET /_double/webhooks/queue)", () => {
  it("counts a delivery while it is in flight and while it waits to retry, and is empty once delivered", async () => {
    // Medusa's webhook route as the double sees it: an endpoint that can hang, fail, or answer 200.
    let mode: "hang" | "fail" | "ok" = "hang";
    const hanging: ServerResponse[] = [];
    const receiver = createServer((req, res) => {
      req.resume();
      if (mode === "hang") hanging.push(res);
      else res.writeHead(mode === "ok" ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const double = createStripeDouble({ webhookUrls: [endpoint], webhookRetryDelaysMs: [60_000], log: false });
    const url = await double.listen(0);
    const queue = async (): Promise<WebhookQueue> => (await fetch(`${url}/_double/webhooks/queue`)).json() as Promise<WebhookQueue>;
    try {
      expect(await queue()).toMatchObject({ pending: 0, in_flight: 0, waiting_retry: 0, deliveries: [] });
      const created = await fetch(`${url}/v1/payment_intents`, {
        method: "POST",
        headers: { Authorization: "Bearer sk_test_unit", "Content-Type": "application/x-www-form-urlencoded" },
        body: "amount=1000&currency=eur",
      });
      expect(created.status).toBe(200);

      await expect.poll(() => hanging.length).toBe(1);
      expect(await queue()).toMatchObject({ pending: 1, in_flight: 1, waiting_retry: 0, deliveries: [{ type: "payment_intent.created" }] });

      mode = "fail";
      hanging[0]?.writeHead(503).end();
      await expect.poll(async () => (await queue()).waiting_retry).toBe(1);
      expect(await queue()).toMatchObject({ pending: 1, in_flight: 0, deliveries: [{ status_code: 503, attempts: 1 }] });

      mode = "ok";
      await fetch(`${url}/_double/webhooks/flush`, { method: "POST" });
      expect(await queue()).toMatchObject({ pending: 0, in_flight: 0, waiting_retry: 0, deliveries: [] });
    } finally {
      await double.close();
      receiver.closeAllConnections();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
