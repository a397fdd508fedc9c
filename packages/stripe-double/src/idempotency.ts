/**
 * Stripe's idempotent requests (https://docs.stripe.com/api/idempotent_requests): a key's first result is
 * replayed for the same endpoint and parameters, refused for others; keys belong to the API key that used them
 * (another account's key with the same value is a new request) and are forgotten after 24 hours.
 */
import { createHash } from "node:crypto";
import { StripeApiError } from "./errors";
import type { FormObject } from "./form";
import type { IdempotencyRecord, Store } from "./store";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Canonical JSON (sorted keys) so that the same parameters in another order are still "the same request". */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The stored scope is a hash of the API key, so the state file holds no key. */
function scopeOf(apiKey: string, key: string): string {
  return `${createHash("sha256").update(apiKey).digest("hex").slice(0, 16)}:${key}`;
}

export interface IdempotentRequest {
  apiKey: string;
  key: string;
  method: string;
  path: string;
  params: FormObject;
}

export class IdempotencyKeys {
  /** `now` is in milliseconds since the epoch; tests pass their own clock. */
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  private expired(record: IdempotencyRecord, now = this.nowSeconds()): boolean {
    return record.created + IDEMPOTENCY_TTL_SECONDS <= now;
  }

  /** The stored result to replay, `undefined` for a new (or expired) key; throws for a key reused differently. */
  replay(request: IdempotentRequest): IdempotencyRecord | undefined {
    const scope = scopeOf(request.apiKey, request.key);
    const record = this.store.state.idempotency[scope];
    if (!record) return undefined;
    if (this.expired(record)) {
      delete this.store.state.idempotency[scope];
      return undefined;
    }
    if (record.method !== request.method || record.path !== request.path) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${record.method} ${record.path}' vs '${request.method} ${request.path}'). Try using a key other than '${request.key}' if you meant to execute a different request.`,
      });
    }
    if (record.fingerprint !== canonical(request.params)) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${request.key}' if you meant to execute a different request.`,
      });
    }
    return record;
  }

  save(request: IdempotentRequest, status: number, body: string, requestId: string): void {
    const now = this.nowSeconds();
    for (const [scope, record] of Object.entries(this.store.state.idempotency)) {
      if (this.expired(record, now)) delete this.store.state.idempotency[scope];
    }
    this.store.state.idempotency[scopeOf(request.apiKey, request.key)] = {
      method: request.method,
      path: request.path,
      fingerprint: canonical(request.params),
      status,
      body,
      request_id: requestId,
      created: now,
    };
  }
}
