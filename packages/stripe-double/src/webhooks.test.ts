import { createHmac } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeDouble } from "./server";
import type { StripeEvent } from "./store";
import { WebhookDispatcher, paymentIntentOfEvent, signatureHeader, verifySignatureHeader, type WebhookQueue } from "./webhooks";

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

describe("webhook faults a test can ask for (late, doubled, out of order)", () => {
  type Received = { id: string; type: string; at: number };

  async function receiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        const event = JSON.parse(body) as { id: string; type: string };
        received.push({ id: event.id, type: event.type, at: Date.now() });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
  }

  let counter = 0;
  function event(type: string, object: Record<string, unknown>): StripeEvent {
    counter += 1;
    return {
      id: `evt_${counter}`,
      object: "event",
      api_version: "2024-04-10",
      created: Math.floor(Date.now() / 1000),
      data: { object: object as StripeEvent["data"]["object"] },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
  }
  const intent = (id: string) => ({ id, object: "payment_intent" });
  const charge = (paymentIntent: string) => ({ id: "ch_1", object: "charge", payment_intent: paymentIntent });

  async function withDispatcher(run: (dispatcher: WebhookDispatcher, received: Received[]) => Promise<void>) {
    const hook = await receiver();
    const dispatcher = new WebhookDispatcher({ endpoints: [hook.url], secret: SECRET, retryDelaysMs: [], timeoutMs: 2_000, log: () => {} });
    try {
      await run(dispatcher, hook.received);
    } finally {
      dispatcher.close();
      await hook.close();
    }
  }

  it("finds the PaymentIntent of payment_intent.*, charge.* and refund.* events", () => {
    expect(paymentIntentOfEvent(event("payment_intent.succeeded", intent("pi_a")))).toBe("pi_a");
    expect(paymentIntentOfEvent(event("charge.succeeded", charge("pi_b")))).toBe("pi_b");
    expect(paymentIntentOfEvent(event("customer.created", { id: "cus_1", object: "customer" }))).toBeNull();
  });

  it("delays only the PaymentIntent it is set for; flush delivers the late ones at once", async () => {
    await withDispatcher(async (dispatcher, received) => {
      dispatcher.setFault("pi_late", { delay_ms: 60_000, duplicate: false, reorder_window_ms: 0 });
      dispatcher.enqueue(event("payment_intent.amount_capturable_updated", intent("pi_late")));
      dispatcher.enqueue(event("payment_intent.amount_capturable_updated", intent("pi_other")));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received.map((entry) => entry.type)).toEqual(["payment_intent.amount_capturable_updated"]);
      expect(dispatcher.deliveries.find((delivery) => delivery.fault === "delayed")?.attempts).toBe(0);
      await dispatcher.flush();
      expect(received).toHaveLength(2);
      expect(dispatcher.deliveries.every((delivery) => delivery.delivered)).toBe(true);
    });
  });

  it("delivers a duplicated event twice with the same id", async () => {
    await withDispatcher(async (dispatcher, received) => {
      dispatcher.setFault("pi_dup", { delay_ms: 0, duplicate: true, reorder_window_ms: 0 });
      dispatcher.enqueue(event("payment_intent.succeeded", intent("pi_dup")));
      await dispatcher.flush();
      expect(received).toHaveLength(2);
      expect(received[0]?.id).toBe(received[1]?.id);
      expect(dispatcher.deliveries.map((delivery) => delivery.fault)).toEqual(["duplicated", "duplicated"]);
    });
  });

  it("holds a PaymentIntent's events for the reorder window, then delivers them newest first", async () => {
    await withDispatcher(async (dispatcher, received) => {
      dispatcher.setFault("pi_ooo", { delay_ms: 0, duplicate: false, reorder_window_ms: 300 });
      dispatcher.enqueue(event("payment_intent.requires_action", intent("pi_ooo")));
      dispatcher.enqueue(event("payment_intent.amount_capturable_updated", intent("pi_ooo")));
      dispatcher.enqueue(event("charge.succeeded", charge("pi_ooo")));
      expect(received).toHaveLength(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(received.map((entry) => entry.type)).toEqual([
        "charge.succeeded",
        "payment_intent.amount_capturable_updated",
        "payment_intent.requires_action",
      ]);
      expect(dispatcher.deliveries.every((delivery) => delivery.fault === "reordered" && delivery.delivered)).toBe(true);
    });
  });

  it("flush releases a reorder window early, still newest first", async () => {
    await withDispatcher(async (dispatcher, received) => {
      dispatcher.setFault("pi_ooo2", { delay_ms: 0, duplicate: true, reorder_window_ms: 60_000 });
      dispatcher.enqueue(event("payment_intent.payment_failed", intent("pi_ooo2")));
      dispatcher.enqueue(event("payment_intent.amount_capturable_updated", intent("pi_ooo2")));
      await dispatcher.flush();
      expect(received.map((entry) => entry.type)).toEqual([
        "payment_intent.amount_capturable_updated",
        "payment_intent.amount_capturable_updated",
        "payment_intent.payment_failed",
        "payment_intent.payment_failed",
      ]);
    });
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
