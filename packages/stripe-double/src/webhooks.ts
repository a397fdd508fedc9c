/**
 * Webhook signing and delivery, as Stripe does it: the body is the event JSON, the `Stripe-Signature`
 * header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the endpoint's `whsec_…`
 * secret. Failed deliveries (network error or non-2xx) are retried with back-off; every attempt is recorded.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { StripeEvent, WebhookDelivery } from "./store";

export function computeSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
}

export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}

/** Verification as Stripe's libraries do it; used by the double's own tests. */
export function verifySignatureHeader(
  payload: string,
  header: string,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = header.split(",").map((part) => part.split("=", 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isFinite(timestamp)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(payload, secret, timestamp));
  return parts
    .filter(([key]) => key === "v1")
    .some(([, value]) => {
      const given = Buffer.from(value ?? "");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

export interface WebhookOptions {
  endpoints: string[];
  secret: string;
  /** Delay before each retry; the number of entries is the number of retries. */
  retryDelaysMs: number[];
  timeoutMs: number;
  log: (line: string) => void;
}

export interface WebhookQueue {
  /** Deliveries not yet made: in flight (or next in their endpoint's chain) plus those waiting to retry. */
  pending: number;
  in_flight: number;
  waiting_retry: number;
  deliveries: WebhookDelivery[];
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * What Stripe does not promise and a test may ask for, per PaymentIntent (its own events and its charges' and
 * refunds'): Stripe delivers late, more than once, and in no guaranteed order. Not Stripe's API: set through
 * `POST /_double/webhooks/faults`.
 *
 *   delay_ms          — each event waits this long before its first attempt
 *   duplicate         — each event is delivered twice (the same event id and body, signed again)
 *   reorder_window_ms — events are held for this long after the first one, then delivered newest first
 */
export type WebhookFaultKind = "delayed" | "duplicated" | "reordered";

export interface WebhookFault {
  delay_ms: number;
  duplicate: boolean;
  reorder_window_ms: number;
}

/** The PaymentIntent an event is about, for the events that have one. */
export function paymentIntentOfEvent(event: StripeEvent): string | null {
  const object = event.data.object as { id?: unknown; object?: unknown; payment_intent?: unknown };
  if (object.object === "payment_intent" && typeof object.id === "string") return object.id;
  return typeof object.payment_intent === "string" ? object.payment_intent : null;
}

interface QueuedDelivery {
  record: WebhookDelivery;
  body: string;
  timer: NodeJS.Timeout | null;
  inFlight: Promise<void> | null;
  /** Copies of this delivery (a duplicated event), attempted once right after its first attempt. */
  followers?: QueuedDelivery[];
}

interface HeldBatch {
  deliveries: QueuedDelivery[];
  timer: NodeJS.Timeout;
}

export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly queue = new Set<QueuedDelivery>();
  /** Each endpoint gets its first attempts in event order, as a chain. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly faults = new Map<string, WebhookFault>();
  private readonly held = new Map<string, HeldBatch>();
  private closed = false;

  constructor(private readonly options: WebhookOptions) {}

  get endpoints(): readonly string[] {
    return this.options.endpoints;
  }

  addEndpoint(url: string): void {
    if (!this.options.endpoints.includes(url)) this.options.endpoints.push(url);
  }

  setFault(paymentIntentId: string, fault: WebhookFault): void {
    this.faults.set(paymentIntentId, fault);
  }

  get faultRules(): Record<string, WebhookFault> {
    return Object.fromEntries(this.faults);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  enqueue(event: StripeEvent): void {
    if (this.closed) return;
    // Stripe pretty-prints webhook bodies; the signature covers these exact bytes.
    const body = JSON.stringify(event, null, 2);
    const paymentIntentId = paymentIntentOfEvent(event);
    const fault = paymentIntentId ? this.faults.get(paymentIntentId) : undefined;
    if (paymentIntentId && fault) {
      this.enqueueWithFault(event, body, paymentIntentId, fault);
      return;
    }
    for (const endpoint of this.options.endpoints) {
      const record: WebhookDelivery = {
        event_id: event.id,
        type: event.type,
        endpoint,
        status_code: null,
        error: null,
        attempts: 0,
        delivered: false,
        next_attempt_at: Date.now(),
      };
      this.deliveries.push(record);
      const queued: QueuedDelivery = { record, body, timer: null, inFlight: null };
      this.queue.add(queued);
      const previous = this.chains.get(endpoint) ?? Promise.resolve();
      const attempt = previous.then(() => this.attempt(queued));
      this.chains.set(endpoint, attempt);
      queued.inFlight = attempt;
    }
  }

  /**
   * Faulty deliveries leave the endpoint's in-order chain: a late event must not hold up everyone else's.
   * Per endpoint, one delivery and, with `duplicate`, its copy, attempted right after the first attempt.
   */
  private enqueueWithFault(event: StripeEvent, body: string, paymentIntentId: string, fault: WebhookFault): void {
    const kind: WebhookFaultKind = fault.reorder_window_ms > 0 ? "reordered" : fault.delay_ms > 0 ? "delayed" : "duplicated";
    const firsts = this.options.endpoints.map((endpoint) => {
      const make = (faultKind: WebhookFaultKind): QueuedDelivery => {
        const record: WebhookDelivery = {
          event_id: event.id,
          type: event.type,
          endpoint,
          status_code: null,
          error: null,
          attempts: 0,
          delivered: false,
          next_attempt_at: null,
          fault: faultKind,
        };
        this.deliveries.push(record);
        const queued: QueuedDelivery = { record, body, timer: null, inFlight: null };
        this.queue.add(queued);
        return queued;
      };
      const first = make(kind);
      if (fault.duplicate) first.followers = [make("duplicated")];
      return first;
    });
    if (fault.reorder_window_ms > 0) {
      let batch = this.held.get(paymentIntentId);
      if (!batch) {
        const timer = setTimeout(() => void this.releaseHeld(paymentIntentId), fault.reorder_window_ms);
        timer.unref();
        batch = { deliveries: [], timer };
        this.held.set(paymentIntentId, batch);
      }
      batch.deliveries.push(...firsts);
      return;
    }
    for (const first of firsts) {
      if (fault.delay_ms <= 0) {
        first.inFlight = this.attempt(first);
        continue;
      }
      // Waiting like a retry on back-off: flush() attempts it at once.
      first.record.next_attempt_at = Date.now() + fault.delay_ms;
      first.timer = setTimeout(() => {
        first.timer = null;
        first.inFlight = this.attempt(first);
      }, fault.delay_ms);
      first.timer.unref();
    }
  }

  /** The reorder window closed (or a flush): the held events go out newest first, one after another. */
  private releaseHeld(paymentIntentId: string): Promise<void> {
    const batch = this.held.get(paymentIntentId);
    if (!batch) return Promise.resolve();
    this.held.delete(paymentIntentId);
    clearTimeout(batch.timer);
    let chain = Promise.resolve();
    for (const queued of [...batch.deliveries].reverse()) {
      chain = chain.then(() => this.attempt(queued));
      queued.inFlight = chain;
    }
    return chain;
  }

  /**
   * What is still to be delivered: attempts under way, and failed deliveries waiting for a retry. A delivery that
   * succeeded or ran out of retries has left the queue.
   */
  queued(): WebhookQueue {
    const deliveries = [...this.queue].map((queued) => queued.record);
    return {
      pending: deliveries.length,
      in_flight: [...this.queue].filter((queued) => queued.timer === null).length,
      waiting_retry: [...this.queue].filter((queued) => queued.timer !== null).length,
      deliveries,
    };
  }

  /** Resolves once every queued delivery has been attempted (retries waiting on back-off are attempted now). */
  async flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const paymentIntentId of [...this.held.keys()]) pending.push(this.releaseHeld(paymentIntentId));
    for (const queued of this.queue) {
      if (queued.inFlight) pending.push(queued.inFlight);
      else if (queued.timer) {
        clearTimeout(queued.timer);
        queued.timer = null;
        queued.inFlight = this.attempt(queued);
        pending.push(queued.inFlight);
      }
    }
    await Promise.all(pending);
  }

  close(): void {
    this.closed = true;
    for (const batch of this.held.values()) clearTimeout(batch.timer);
    this.held.clear();
    for (const queued of this.queue) if (queued.timer) clearTimeout(queued.timer);
    this.queue.clear();
  }

  private async attempt(queued: QueuedDelivery): Promise<void> {
    if (this.closed) return;
    const { record } = queued;
    record.attempts += 1;
    record.next_attempt_at = null;
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      record.status_code = await this.post(record.endpoint, queued.body, signatureHeader(queued.body, this.options.secret, timestamp));
      record.error = null;
    } catch (error) {
      record.status_code = null;
      record.error = error instanceof Error ? error.message : String(error);
    }
    queued.inFlight = null;
    record.delivered = record.status_code !== null && record.status_code >= 200 && record.status_code < 300;
    this.options.log(
      `webhook ${record.type} ${record.event_id} → ${record.endpoint} ${record.status_code ?? record.error ?? "?"} (attempt ${record.attempts})${record.fault ? ` [${record.fault}]` : ""}`,
    );
    if (record.attempts === 1) for (const follower of queued.followers ?? []) await this.attempt(follower);
    if (record.delivered || this.closed) {
      this.queue.delete(queued);
      return;
    }
    const delay = this.options.retryDelaysMs[record.attempts - 1];
    if (delay === undefined) {
      this.queue.delete(queued);
      return;
    }
    record.next_attempt_at = Date.now() + delay;
    queued.timer = setTimeout(() => {
      queued.timer = null;
      queued.inFlight = this.attempt(queued);
    }, delay);
    queued.timer.unref();
  }

  private post(endpoint: string, body: string, signature: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const url = new URL(endpoint);
      const send = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Length": Buffer.byteLength(body),
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "Cache-Control": "no-cache",
            Accept: "*/*; q=0.5, application/xml",
            "Stripe-Signature": signature,
          },
          timeout: this.options.timeoutMs,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });
  }
}
