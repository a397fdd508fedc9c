import { createRequire } from "node:module";
import path from "node:path";
import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { BACKEND_DIR } from "./stack-info";
import { adminSdk, stack, stripeApiUrl, type PaymentIntent } from "./stack";
import {
  countSweep,
  findMoneyViolations,
  formatSweep,
  paymentIntentIdOf,
  type MoneySnapshot,
  type SweepReport,
  type SweptCharge,
  type SweptOrder,
  type SweptSession,
} from "./invariant-rules";

export * from "./invariant-rules";

/**
 * The money invariant, checked where the merchant and Stripe keep the truth (Medusa's admin API and the Stripe
 * double), never through the storefront:
 *
 *   - every PaymentIntent that holds or took money (`requires_capture`, `succeeded`, `processing`) belongs to exactly
 *     one order's payment, for that payment's amount and currency;
 *   - every order's payments are held or captured in Stripe (an order never appears without money);
 *   - an order's payment collection holds at most one live PaymentIntent;
 *   - a canceled PaymentIntent holds nothing (no capturable amount, its uncaptured charge released).
 *
 * `sweepMoneyInvariant` checks it over everything on the stack, after Medusa has processed every webhook
 * (`waitForQuiet`); it runs after every suite. `checkPaymentInvariant` is the same check scoped to one test's
 * shoppers, carts and PaymentIntents, for a test that wants its own verdict while other tests run.
 */

// ─── Reading the stack ───────────────────────────────────────────────────────────────────────────

type DoubleState = { payment_intents: PaymentIntent[]; charges: SweptCharge[] };

async function doubleState(): Promise<DoubleState> {
  const response = await fetch(`${stripeApiUrl}/_double/state`);
  if (!response.ok) throw new Error(`the Stripe double's state: HTTP ${response.status}`);
  return (await response.json()) as DoubleState;
}

type WebhookQueue = { pending: number; in_flight: number; waiting_retry: number };

async function doubleWebhookQueue(): Promise<WebhookQueue> {
  const response = await fetch(`${stripeApiUrl}/_double/webhooks/queue`);
  if (!response.ok) throw new Error(`the Stripe double's webhook queue: HTTP ${response.status}`);
  return (await response.json()) as WebhookQueue;
}

/** BullMQ's lists and sorted sets of jobs not yet finished, for the queue Medusa's Redis event bus uses. */
const EVENT_QUEUE_KEYS = { wait: "list", paused: "list", active: "list", delayed: "zset", prioritized: "zset", "waiting-children": "zset" } as const;
// @medusajs/event-bus-redis names its queue "events-queue" and prefixes BullMQ's keys with its class name.
const EVENT_QUEUE_PREFIX = "RedisEventBusService:events-queue";

type RedisClient = {
  llen(key: string): Promise<number>;
  zcard(key: string): Promise<number>;
  quit(): Promise<unknown>;
};
type RedisConstructor = new (url: string, options: { lazyConnect: boolean; maxRetriesPerRequest: number }) => RedisClient;

/** Jobs of Medusa's event queue that are not finished, by BullMQ state. */
async function unfinishedEvents(redisUrl: string): Promise<Record<string, number>> {
  // The backend's own Redis client (the same one its event bus uses); the storefront does not depend on it.
  const Redis = createRequire(path.join(BACKEND_DIR, "package.json"))("ioredis") as RedisConstructor;
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
  try {
    const counts: Record<string, number> = {};
    for (const [state, kind] of Object.entries(EVENT_QUEUE_KEYS)) {
      const key = `${EVENT_QUEUE_PREFIX}:${state}`;
      counts[state] = kind === "list" ? await redis.llen(key) : await redis.zcard(key);
    }
    return counts;
  } finally {
    await redis.quit();
  }
}

const PLAIN_SETUP_MESSAGE =
  "waitForQuiet needs Medusa's production setup. In the plain setup Medusa handles webhooks on its in-process " +
  "event bus (after webhook_delay), which nothing outside that process can observe, so no test can know the " +
  "webhooks were processed rather than only accepted. Start the stack with `npm run backend:start -- --production` " +
  "(or STACK_MODE=production).";

/**
 * Resolves once the Stripe double has delivered every webhook event (or given up on it after its retries) AND
 * Medusa has processed every event it accepted: its Redis event bus has no job waiting, delayed (the webhook
 * delay), prioritized or active. BullMQ keeps a job active until its handler — which awaits every subscriber,
 * the payment webhook's workflow included — has finished, so "none active" means processed, not merely accepted.
 * A delivery waiting on its retry back-off is attempted at once, as Stripe would later.
 * Processing can call Stripe and so cause new webhooks: quiet means both sides empty twice in a row.
 */
export async function waitForQuiet(timeoutMs = 120_000): Promise<void> {
  const { mode, redisUrl } = stack;
  if (mode !== "production" || !redisUrl) throw new Error(PLAIN_SETUP_MESSAGE);
  const deadline = Date.now() + timeoutMs;
  let quietInARow = 0;
  let last = "";
  while (quietInARow < 2) {
    const webhooks = await doubleWebhookQueue();
    if (webhooks.waiting_retry > 0) await fetch(`${stripeApiUrl}/_double/webhooks/flush`, { method: "POST" });
    const events = await unfinishedEvents(redisUrl);
    const unfinished = Object.values(events).reduce((sum, n) => sum + n, 0);
    quietInARow = webhooks.pending === 0 && unfinished === 0 ? quietInARow + 1 : 0;
    last = `double: ${webhooks.pending} webhook deliveries pending (${webhooks.waiting_retry} waiting to retry); Medusa's event queue: ${JSON.stringify(events)}`;
    if (quietInARow >= 2) return;
    if (Date.now() > deadline) {
      throw new Error(`The stack did not settle within ${timeoutMs / 1000} s: ${last}. Is Medusa's worker running (npm run backend:status)?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ORDER_FIELDS =
  "id,email,status,total,currency_code,*payment_collections,*payment_collections.payments,*payment_collections.payment_sessions";

async function allOrders(admin: Medusa): Promise<HttpTypes.AdminOrder[]> {
  const orders: HttpTypes.AdminOrder[] = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await admin.admin.order.list({ fields: ORDER_FIELDS, limit, offset, order: "created_at" });
    orders.push(...page.orders);
    if (page.orders.length < limit || orders.length >= page.count) return orders;
  }
}

const HOW_TO_FIX =
  "The sweep covers everything on the stack, older runs included: a violation from earlier runs on a developer's stack " +
  "is cleared with `npm run backend:reset`; on a fresh stack it is a bug (money held without an order, or an order " +
  "without money).";

/**
 * Waits until the stack is quiet, then checks the invariant over EVERY PaymentIntent in the double and EVERY order
 * in Medusa. Throws nothing for violations: they are in the report (`assertSweepClean` throws).
 */
export async function sweepMoneyInvariant(): Promise<SweepReport> {
  await waitForQuiet();
  const admin = await adminSdk();
  // Orders first: an order placed between the two reads would then show as an orphaned PaymentIntent, never hide one.
  const orders = (await allOrders(admin)) as unknown as SweptOrder[];
  const state = await doubleState();
  const snapshot: MoneySnapshot = { orders, paymentIntents: state.payment_intents, charges: state.charges };
  return { counts: countSweep(snapshot), violations: findMoneyViolations(snapshot) };
}

/** Runs the sweep, prints its counts, and fails with every violation and how to fix a dirty stack. */
export async function assertSweepClean(log: (line: string) => void = console.log): Promise<SweepReport> {
  const report = await sweepMoneyInvariant();
  log(formatSweep(report));
  if (report.violations.length > 0) throw new Error(`${formatSweep(report)}\n${HOW_TO_FIX}`);
  return report;
}

// ─── One test's own scope ────────────────────────────────────────────────────────────────────────

export type InvariantScope = {
  emails: string[];
  cartIds?: string[];
  paymentIntentIds?: string[];
};

export type InvariantReport = {
  orders: HttpTypes.AdminOrder[];
  paymentIntents: PaymentIntent[];
  violations: string[];
};

async function ordersByEmail(admin: Medusa, email: string): Promise<HttpTypes.AdminOrder[]> {
  const { orders } = await admin.admin.order.list({ q: email, fields: ORDER_FIELDS, limit: 50 });
  return orders.filter((order) => order.email === email);
}

async function cartSessions(store: Medusa, cartId: string): Promise<SweptSession[]> {
  try {
    const { cart } = await store.store.cart.retrieve(cartId, { fields: "id,*payment_collection.payment_sessions" });
    return (cart.payment_collection?.payment_sessions ?? []) as SweptSession[];
  } catch {
    // A cart id that never existed (the invalid-cookie cases) has no sessions.
    return [];
  }
}

/** The invariant over what one test made: its shoppers' orders, its carts' sessions, the PaymentIntents it saw. */
export async function checkPaymentInvariant(admin: Medusa, store: Medusa, scope: InvariantScope): Promise<InvariantReport> {
  const orders = (await Promise.all(scope.emails.map((email) => ordersByEmail(admin, email)))).flat();
  const swept = orders as unknown as SweptOrder[];
  const sessions: SweptSession[] = [
    ...swept.flatMap((order) => (order.payment_collections ?? []).flatMap((c) => c.payment_sessions ?? [])),
    ...swept.flatMap((order) => (order.payment_collections ?? []).flatMap((c) => (c.payments ?? []) as SweptSession[])),
    ...(await Promise.all((scope.cartIds ?? []).map((cartId) => cartSessions(store, cartId)))).flat(),
  ];
  const sessionIds = new Set(sessions.map((session) => session.id));
  const intentIds = new Set([...(scope.paymentIntentIds ?? []), ...sessions.flatMap((s) => paymentIntentIdOf(s) ?? [])]);

  // Medusa tags each PaymentIntent with its session id; a session Medusa has since deleted is still found
  // through the ids the test saw.
  const state = await doubleState();
  const paymentIntents = state.payment_intents.filter(
    (intent) => intentIds.has(intent.id) || sessionIds.has(intent.metadata?.session_id ?? ""),
  );
  const scopedIds = new Set(paymentIntents.map((intent) => intent.id));
  const charges = state.charges.filter((charge) => scopedIds.has(charge.payment_intent ?? ""));
  return { orders, paymentIntents, violations: findMoneyViolations({ orders: swept, paymentIntents, charges }) };
}

/** PaymentIntent ids in any text (URLs of the browser's requests to Stripe, client secrets). */
export function paymentIntentIdsIn(text: string): string[] {
  return [...text.matchAll(/\b(pi_[A-Za-z0-9]+?)(?:_secret_|\b)/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}
