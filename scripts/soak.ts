/**
 * `npm run soak`: many shoppers at once through the storefront's production build, with faults injected at
 * random, then a check that every shopper's pages tell the truth and that no money is held without an order.
 *
 *   tsx scripts/soak.ts [--checkouts 200] [--concurrency 20] [--seed N] [--deadline-s S] [--port P] [--no-build]
 *
 * Shoppers post the storefront's server actions over HTTP exactly as the browser does (scripts/soak-shopper.ts)
 * and confirm payments on the Stripe double's API the way Stripe.js does. Faults come from a seeded PRNG (the
 * seed is printed; the same seed gives the same plan) and are recorded per checkout: a lost place-order answer,
 * a double submit, two tabs on one cart, a closed tab, 3-D Secure approved or failed, declines, webhooks late,
 * duplicated or out of order (the double's /_double/webhooks/faults), the Medusa worker restarted, and a slow
 * backend (scripts/fault-proxy.ts between the storefront and Medusa).
 *
 * Needs the local stack in its production setup (`npm run backend:start -- --production`). Ports: the storefront on --port (default SOAK_PORT, else
 * E2E_FAULTS_PORT, else 3400), the fault proxy on --port+1 and its control on --port+2; loopback only. Writes
 * bench-results/soak.json. Exits non-zero on any money violation, any shopper left without a truthful page, any
 * shopper not done by the deadline, and any 5xx answer.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { formatSweep, sweepMoneyInvariant, waitForQuiet } from "@medusa-stripe-checkout/test-support/invariant";
import { type PaymentIntent, adminSdk, stack, storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import { httpOk, isPortFree, stopProcessGroup, waitUntil } from "./lib/processes";
import { LOG_DIR, ROOT } from "./lib/stack-config";
import {
  type ActionAnswer,
  CookieJar,
  Storefront,
  StripeJs,
  actionError,
  clientSecretIn,
  loadCheckoutActions,
  shippingOptionIdsIn,
} from "./soak-shopper";

// ---------------------------------------------------------------------------------------------- options

interface Options {
  checkouts: number;
  concurrency: number;
  seed: number;
  deadlineS: number;
  port: number;
  build: boolean;
}

function parseOptions(argv: string[]): Options {
  const valueOf = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const whole = (flag: string, fallback: number, max: number): number => {
    const raw = valueOf(flag);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${flag} must be a whole number from 1 to ${max}`);
    return value;
  };
  const checkouts = whole("--checkouts", 200, 5_000);
  const seedRaw = valueOf("--seed");
  const seed = seedRaw === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedRaw);
  if (!Number.isInteger(seed) || seed < 0) throw new Error("--seed must be a whole number ≥ 0");
  return {
    checkouts,
    concurrency: whole("--concurrency", 20, 200),
    seed,
    // Generous for a busy 2-core machine (about 0.2 checkouts a second there), but bounded: a hung shopper must
    // not hang the run. Shoppers not started by then are reported as not tried; those under way fail the run.
    deadlineS: whole("--deadline-s", 120 + checkouts * 6, 36_000),
    port: whole("--port", Number(process.env.SOAK_PORT ?? process.env.E2E_FAULTS_PORT ?? 3400), 65_532),
    build: !argv.includes("--no-build"),
  };
}

// ---------------------------------------------------------------------------------------------- randomness

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

function between(random: () => number, low: number, high: number): number {
  return Math.round(low + random() * (high - low));
}

// ---------------------------------------------------------------------------------------------- the plan

/** What the shopper does: the faults a shopper causes. */
const SHOPPER_FAULTS = [
  "clean",
  "lost-response-then-retry",
  "lost-response-then-reload",
  "double-submit",
  "two-tabs-both-pay",
  "two-tabs-replaced-payment",
  "closed-tab",
  "3ds-approved",
  "3ds-failed",
  "decline-9995",
  "decline-0002",
] as const;
type ShopperFault = (typeof SHOPPER_FAULTS)[number];

type WebhookFault = { kind: "webhook-delayed"; delayMs: number } | { kind: "webhook-duplicated" } | { kind: "webhook-reordered"; windowMs: number };

type Plan = {
  index: number;
  email: string;
  shopper: ShopperFault;
  /** After a decline or a failed 3-D Secure: try again with a card that pays, or give up. */
  retryAfterFailure: boolean;
  webhook: WebhookFault | null;
  lostAfterMs: number;
  startDelayMs: number;
};

const CARDS = { pays: "4242424242424242", threeDSecure: "4000002760003184", insufficientFunds: "4000000000009995", declined: "4000000000000002" } as const;

function makePlans(options: Options): Plan[] {
  const random = prng(options.seed);
  const run = `${options.seed}-${Date.now().toString(36)}`;
  return Array.from({ length: options.checkouts }, (_, index): Plan => {
    const shopper = random() < 0.2 ? "clean" : pick(random, SHOPPER_FAULTS.slice(1));
    const webhookRoll = random();
    const webhook: WebhookFault | null =
      webhookRoll < 0.15
        ? { kind: "webhook-delayed", delayMs: between(random, 2_000, 8_000) }
        : webhookRoll < 0.3
          ? { kind: "webhook-duplicated" }
          : webhookRoll < 0.45
            ? { kind: "webhook-reordered", windowMs: between(random, 1_000, 3_000) }
            : null;
    return {
      index,
      email: `soak-${run}-${index}@example.com`,
      shopper,
      retryAfterFailure: random() < 0.6,
      webhook,
      lostAfterMs: between(random, 30, 400),
      startDelayMs: between(random, 0, 1_500),
    };
  });
}

// ---------------------------------------------------------------------------------------------- records

type Checkout = {
  index: number;
  email: string;
  faults: string[];
  cartId: string | null;
  paymentIntents: string[];
  /** What the shopper was shown at the end of their session, in their words. */
  shopperSaw: string;
  /** Where the shopper's browser is when they stop: the page a reload opens. */
  lastPage: string | null;
  placeOrderMs: number[];
  steps: string[];
  /** Every message the storefront answered a step with, e.g. "the store is not answering". */
  messages: string[];
  error: string | null;
  done: boolean;
  startedAt: number;
  endedAt: number | null;
  truth?: Truth;
  check?: PageCheck;
};

/** The shopper stopped because the store kept answering with a message (their page still has to be truthful). */
class ShopperGaveUp extends Error {}

type Truth = { orderIds: string[]; paymentState: "none" | "processing" | "held" | "captured" | "other" };
type PageCheck = { expected: string; got: string; truthful: boolean };

// ---------------------------------------------------------------------------------------------- processes

type Service = { child: ChildProcess; logFile: string };

function startService(name: string, args: string[], env: Record<string, string>): Service {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `soak-${name}.log`);
  const out = openSync(logFile, "w");
  // Its own process group, so that stopping it also stops what it started (next start under tsx).
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  return { child, logFile };
}

async function stopService(service: Service | undefined): Promise<void> {
  if (service?.child.pid) await stopProcessGroup(service.child.pid, 5_000);
}

// ---------------------------------------------------------------------------------------------- global faults

class SlowBackend {
  private slow = false;
  private timer: NodeJS.Timeout | null = null;
  readonly windows: { at: number; ms: number; latencyMs: number }[] = [];

  constructor(
    private readonly controlUrl: string,
    private readonly random: () => number,
  ) {}

  get isSlow(): boolean {
    return this.slow;
  }

  /** Every few seconds, maybe a slow spell of a few seconds (a backend under load), decided by the seed. */
  start(runStarted: number): void {
    const tick = async () => {
      // The first tick always brings a slow spell, so that a short run has one too.
      if (!this.slow && (this.windows.length === 0 || this.random() < 0.3)) {
        const latencyMs = between(this.random, 100, 400);
        const ms = between(this.random, 2_000, 5_000);
        this.windows.push({ at: Date.now() - runStarted, ms, latencyMs });
        this.slow = true;
        await this.setLatency(latencyMs);
        this.timer = setTimeout(() => void this.setLatency(0).then(() => (this.slow = false)).then(schedule), ms);
        return;
      }
      schedule();
    };
    const schedule = () => {
      this.timer = setTimeout(() => void tick(), between(this.random, 5_000, 12_000));
    };
    schedule();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.slow = false;
    await this.setLatency(0);
  }

  private async setLatency(ms: number): Promise<void> {
    await fetch(`${this.controlUrl}/latency/${ms}`, { method: "POST" }).catch(() => undefined);
  }
}

/** Restarts Medusa's worker (the process that handles webhooks in the production setup) while shoppers pay. */
async function restartWorker(): Promise<string> {
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/stack.ts", "restart", "worker"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("error", () => resolve(1));
    child.once("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  return code === 0 ? `restarted in ${Math.round((Date.now() - started) / 100) / 10} s` : `restart FAILED (exit ${code})`;
}

// ---------------------------------------------------------------------------------------------- one shopper

type Context = {
  baseUrl: string;
  actions: ReturnType<typeof loadCheckoutActions>;
  stripe: StripeJs;
  variantIds: string[];
  slow: SlowBackend;
  inFlight: Set<Checkout>;
  /** While Medusa's worker is being restarted. */
  workerRestarting: boolean;
  statuses: { what: string; status: number; checkout: number }[];
  timeoutMs: number;
};

async function setWebhookFault(paymentIntentId: string, fault: WebhookFault): Promise<void> {
  const params = new URLSearchParams({ payment_intent: paymentIntentId });
  if (fault.kind === "webhook-delayed") params.set("delay_ms", String(fault.delayMs));
  if (fault.kind === "webhook-duplicated") params.set("duplicate", "true");
  if (fault.kind === "webhook-reordered") params.set("reorder_window_ms", String(fault.windowMs));
  const response = await fetch(`${stack.stripe.doubleUrl}/_double/webhooks/faults`, { method: "POST", body: params });
  if (!response.ok) throw new Error(`setting a webhook fault: HTTP ${response.status} ${await response.text()}`);
}

/** One shopper's checkout as planned; `jar` is their browser's cookies (both tabs share it). */
async function shop(plan: Plan, context: Context, checkout: Checkout, jar: CookieJar): Promise<void> {
  const storefront = new Storefront(
    context.baseUrl,
    context.actions,
    jar,
    (what, status) => context.statuses.push({ what, status, checkout: checkout.index }),
    context.timeoutMs,
  );
  const note = (step: string) => {
    checkout.steps.push(`${Date.now() - checkout.startedAt}ms ${step}${context.slow.isSlow ? " (backend slow)" : ""}`);
    // The fault that matters is a slow backend while the order is being placed.
    if (step.startsWith("place order") && context.slow.isSlow && !checkout.faults.includes("slow-backend")) checkout.faults.push("slow-backend");
    if (context.workerRestarting && !checkout.faults.includes("worker-restart")) checkout.faults.push("worker-restart");
  };
  /**
   * A step's button, pressed until the storefront answers that it is done (the page re-renders in the same answer):
   * an answer in words ("the store is not answering…") gets up to two more presses a moment later, as a shopper
   * would; then the shopper gives up.
   */
  const step = async (name: string, press: () => Promise<ActionAnswer | null>): Promise<ActionAnswer> => {
    for (let attempt = 1; ; attempt++) {
      note(attempt === 1 ? name : `${name} (press ${attempt})`);
      const answer = await press();
      if (answer?.status === 200 && /"ok":true/.test(answer.body)) return answer;
      const message = actionError(answer);
      if (!message) throw new Error(`${name}: expected an answer, got HTTP ${answer?.status} without a message`);
      checkout.messages.push(`${name}: ${message}`);
      if (attempt === 3) throw new ShopperGaveUp(`${name}: ${message}`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
  };

  await new Promise((resolve) => setTimeout(resolve, plan.startDelayMs));
  const variantId = pick(prng(plan.index + 1), context.variantIds);
  await step("add to cart", () => storefront.addToCart(variantId));
  checkout.cartId = jar.get("cart_id") ?? null;
  checkout.lastPage = "/cart";

  // The checkout is one page: giving the address picks the cheapest delivery, a shopper may pick another, and the
  // card form prepares its payment session as soon as it is on screen.
  const addressed = await step("contact and address", () => storefront.saveContactAndAddresses(plan.email));
  checkout.lastPage = "/checkout";
  const options = shippingOptionIdsIn(addressed.body);
  const option = options[plan.index % Math.max(options.length, 1)];
  if (!option) throw new Error("the checkout offered no shipping option");
  await step("delivery", () => storefront.chooseDelivery(option));
  const prepared = await step("card form prepares its payment", () => storefront.prepareCardPayment());
  const firstSecret = clientSecretIn(prepared.body);
  if (!firstSecret) throw new Error("the card form got no payment session (no client secret)");
  let clientSecret: string = firstSecret;
  const remember = (secret: string) => {
    const id = secret.split("_secret_")[0] ?? secret;
    if (!checkout.paymentIntents.includes(id)) checkout.paymentIntents.push(id);
  };
  remember(clientSecret);
  if (plan.webhook) await setWebhookFault(clientSecret.split("_secret_")[0] ?? "", plan.webhook);

  /** The pay button: check the amount, confirm with Stripe, answer 3-D Secure. True when the money is secured. */
  const pay = async (card: string, approve3ds = true): Promise<boolean> => {
    note("check amount");
    const check = await storefront.checkPaymentAmount(clientSecret.split("_secret_")[0] ?? "");
    if (!check || check.status !== 200 || /"ok":false/.test(check.body)) {
      checkout.shopperSaw = `amount check failed: ${actionError(check) ?? check?.status}`;
      return false;
    }
    if (/"status":"changed"/.test(check.body)) {
      const fresh = clientSecretIn(check.body);
      if (!fresh) throw new Error("the amount changed but no new client secret came back");
      clientSecret = fresh;
      remember(fresh);
      if (plan.webhook) await setWebhookFault(fresh.split("_secret_")[0] ?? "", plan.webhook);
    }
    const secret = clientSecret;
    note(`confirm ${card.slice(-4)}`);
    const paymentMethod = await context.stripe.createPaymentMethod(card);
    let confirmed = await context.stripe.confirm(secret, paymentMethod, `${context.baseUrl}/checkout/return`);
    const challenge = confirmed.paymentIntent?.next_action?.use_stripe_sdk?.stripe_js;
    if (!confirmed.error && confirmed.paymentIntent?.status === "requires_action" && challenge) {
      note(approve3ds ? "3-D Secure: approve" : "3-D Secure: fail");
      await context.stripe.answerChallenge(challenge, secret, approve3ds);
      confirmed = await context.stripe.retrieve(secret);
    }
    const status = confirmed.paymentIntent?.status ?? "";
    if (confirmed.error || !["requires_capture", "succeeded", "processing"].includes(status)) {
      checkout.shopperSaw = `payment refused: ${confirmed.error?.decline_code ?? confirmed.error?.code ?? status}`;
      return false;
    }
    return true;
  };

  const placeOrder = async (tab = ""): Promise<ActionAnswer | null> => {
    note(`place order${tab}`);
    const answer = await storefront.placeOrder();
    if (answer?.redirect?.startsWith("/order/")) {
      checkout.placeOrderMs.push(answer.ms);
      checkout.lastPage = answer.redirect;
      checkout.shopperSaw = "order confirmation";
    } else {
      checkout.shopperSaw = `place order: ${actionError(answer) ?? `HTTP ${answer?.status}`}`;
    }
    return answer;
  };

  switch (plan.shopper) {
    case "clean":
      if (await pay(CARDS.pays)) await placeOrder();
      return;
    case "3ds-approved":
      if (await pay(CARDS.threeDSecure, true)) await placeOrder();
      return;
    case "3ds-failed":
    case "decline-9995":
    case "decline-0002": {
      const card = plan.shopper === "3ds-failed" ? CARDS.threeDSecure : plan.shopper === "decline-9995" ? CARDS.insufficientFunds : CARDS.declined;
      if (await pay(card, false)) throw new Error(`${plan.shopper}: the payment went through`);
      if (!plan.retryAfterFailure) {
        checkout.faults.push("gave up after refusal");
        return;
      }
      checkout.faults.push("retried with 4242");
      if (await pay(CARDS.pays)) await placeOrder();
      return;
    }
    case "closed-tab":
      if (await pay(CARDS.pays)) {
        checkout.shopperSaw = "paid, closed the tab";
        checkout.lastPage = "/checkout";
      }
      return;
    case "double-submit":
      if (await pay(CARDS.pays)) await Promise.all([placeOrder(" (click 1)"), placeOrder(" (click 2)")]);
      return;
    case "lost-response-then-retry":
    case "lost-response-then-reload": {
      if (!(await pay(CARDS.pays))) return;
      note(`place order, answer lost after ${plan.lostAfterMs} ms`);
      await storefront.placeOrder({ dropAnswerAfterMs: plan.lostAfterMs });
      checkout.shopperSaw = "could not reach the store";
      checkout.lastPage = "/checkout";
      if (plan.shopper === "lost-response-then-retry") {
        await placeOrder(" (retry)");
      } else {
        note("reload");
        const page = await storefront.open("/checkout");
        checkout.lastPage = new URL(page.url).pathname + new URL(page.url).search;
        checkout.shopperSaw = `reloaded: ${checkout.lastPage}`;
      }
      return;
    }
    case "two-tabs-both-pay": {
      // Both tabs show the same card form; each confirms and places the order.
      const tabs = await Promise.all([pay(CARDS.pays), pay(CARDS.pays)]);
      if (tabs.some(Boolean)) await Promise.all([placeOrder(" (tab 1)"), placeOrder(" (tab 2)")]);
      return;
    }
    case "two-tabs-replaced-payment": {
      // Tab 2 changes delivery, so its card form prepares a new payment; tab 1 still holds the old card form.
      const stale = clientSecret;
      const other = options.find((candidate) => candidate !== option);
      if (!other) throw new Error("two-tabs-replaced-payment needs two shipping options");
      await step("tab 2: another delivery", () => storefront.chooseDelivery(other));
      const again = await step("tab 2: card form prepares again", () => storefront.prepareCardPayment());
      const fresh = clientSecretIn(again.body);
      if (fresh) {
        remember(fresh);
        if (plan.webhook) await setWebhookFault(fresh.split("_secret_")[0] ?? "", plan.webhook);
      }
      clientSecret = stale;
      note("tab 1: pays on its old form");
      if (await pay(CARDS.pays)) {
        await placeOrder(" (tab 1)");
        return;
      }
      note("tab 1: reload");
      const page = await storefront.open("/checkout");
      const current = clientSecretIn(page.body);
      if (!current) {
        checkout.shopperSaw = `after reload: ${new URL(page.url).pathname}`;
        return;
      }
      clientSecret = current;
      remember(current);
      if (await pay(CARDS.pays)) await placeOrder(" (tab 1, after reload)");
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------- truth and pages

const ORDER_FIELDS = "id,email,created_at,total,currency_code,cart.id,*payment_collections,*payment_collections.payments";

async function listOrdersSince(admin: Medusa, since: Date): Promise<HttpTypes.AdminOrder[]> {
  const orders: HttpTypes.AdminOrder[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await admin.admin.order.list({ fields: ORDER_FIELDS, limit: 100, offset, created_at: { $gte: since.toISOString() } });
    orders.push(...page.orders);
    if (page.orders.length < 100) return orders;
  }
}

async function doublePaymentIntents(): Promise<PaymentIntent[]> {
  const response = await fetch(`${stack.stripe.doubleUrl}/_double/state`);
  if (!response.ok) throw new Error(`the Stripe double's state: HTTP ${response.status}`);
  return ((await response.json()) as { payment_intents: PaymentIntent[] }).payment_intents;
}

function cartIdOf(order: HttpTypes.AdminOrder): string | undefined {
  return (order as HttpTypes.AdminOrder & { cart?: { id?: string } }).cart?.id;
}

/** What Medusa and Stripe say about one shopper's cart. */
function truthOf(checkout: Checkout, orders: HttpTypes.AdminOrder[], intents: Map<string, PaymentIntent>): Truth {
  const orderIds = orders.filter((order) => checkout.cartId && cartIdOf(order) === checkout.cartId).map((order) => order.id);
  const statuses = checkout.paymentIntents.map((id) => intents.get(id)?.status ?? "missing");
  const paymentState = statuses.includes("processing")
    ? "processing"
    : statuses.includes("requires_capture")
      ? "held"
      : statuses.includes("succeeded")
        ? "captured"
        : statuses.every((status) => ["requires_payment_method", "requires_confirmation", "requires_action", "canceled"].includes(status))
          ? "none"
          : "other";
  return { orderIds, paymentState };
}

/**
 * The page the shopper would open now, read with their cookies, against the truth: an order → its confirmation;
 * a payment still processing → "we are confirming your payment"; not paid → the checkout page.
 */
async function checkPage(checkout: Checkout, context: Context, jarOf: Map<number, CookieJar>): Promise<PageCheck> {
  const truth = checkout.truth ?? { orderIds: [], paymentState: "none" };
  const jar = jarOf.get(checkout.index) ?? new CookieJar();
  const storefront = new Storefront(
    context.baseUrl,
    context.actions,
    jar,
    (what, status) => context.statuses.push({ what: `check: ${what}`, status, checkout: checkout.index }),
    context.timeoutMs,
  );
  const orderId = truth.orderIds[0];
  const expected = !checkout.cartId
    ? "/cart"
    : orderId
    ? `/order/${orderId}/confirmed`
    : truth.paymentState === "processing" || truth.paymentState === "held" || truth.paymentState === "captured"
      ? 'a page with data-payment-state="confirming"'
      : "/checkout";
  // Without its cart cookie the browser is on the page the storefront last sent it to (the confirmation).
  const opened = await storefront.open(jar.get("cart_id") ? "/checkout" : (checkout.lastPage ?? "/checkout"));
  const where = new URL(opened.url);
  const got = `${opened.status} ${where.pathname}${where.search}`;
  const truthful =
    opened.status === 200 &&
    (orderId
      ? where.pathname === expected
      : expected === "/checkout" || expected === "/cart"
        ? where.pathname === expected
        : opened.body.includes('data-payment-state="confirming"'));
  return { expected, got, truthful };
}

// ---------------------------------------------------------------------------------------------- report

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

function outcomeOf(checkout: Checkout): string {
  if (!checkout.done) return checkout.error ? "shopper failed" : "not done by the deadline";
  const orders = checkout.truth?.orderIds.length ?? 0;
  const money = orders === 0 ? (checkout.truth?.paymentState === "none" ? "no order, nothing held" : `no order, payment ${checkout.truth?.paymentState}`) : orders === 1 ? "one order" : `${orders} orders`;
  const gaveUp = checkout.shopperSaw.startsWith("gave up") ? " (shopper gave up: store not moving on)" : "";
  return `${money}${gaveUp}; page ${checkout.check?.truthful ? "truthful" : "NOT truthful"}`;
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const since = new Date(started - 2_000);
  process.stdout.write(
    `soak: seed ${options.seed}, ${options.checkouts} checkouts, ${options.concurrency} at once, deadline ${options.deadlineS} s\n` +
      `      rerun: npm run soak -- --seed ${options.seed} --checkouts ${options.checkouts} --concurrency ${options.concurrency}\n`,
  );
  const proxyPort = options.port + 1;
  const controlPort = options.port + 2;
  for (const port of [options.port, proxyPort, controlPort]) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} is in use: pass another --port (it uses --port, +1 and +2)`);
  }
  if (!(await httpOk(`${stack.stripe.doubleUrl}/_double/health`).catch(() => false))) throw new Error("the Stripe double is not running: npm run backend:start -- --production");
  if (stack.mode !== "production") {
    // Only there does the sweep know webhooks were processed, not just accepted; and only there is a worker to restart.
    throw new Error("the soak runs on Medusa's production setup: npm run backend:stop && npm run backend:start -- --production");
  }

  let proxy: Service | undefined;
  let storefront: Service | undefined;
  const hardStop = setTimeout(() => {
    process.stderr.write(`soak: hard deadline of ${options.deadlineS + 300} s passed; stopping\n`);
    void Promise.all([stopService(storefront), stopService(proxy)]).finally(() => process.exit(2));
  }, (options.deadlineS + 300) * 1_000);
  hardStop.unref();

  try {
    proxy = startService("proxy", ["scripts/fault-proxy.ts", "--port", String(proxyPort), "--control", String(controlPort)], {});
    await waitUntil(() => httpOk(`http://127.0.0.1:${controlPort}/`), { timeoutMs: 30_000, pid: proxy.child.pid, logFile: proxy.logFile, what: "fault proxy" });
    storefront = startService("storefront", ["scripts/storefront.ts", "--port", String(options.port), ...(options.build ? [] : ["--no-build"])], {
      STOREFRONT_MEDUSA_URL: `http://127.0.0.1:${proxyPort}`,
      // Twenty shoppers at once on a small machine make Medusa slower than the 10 s production default allows for
      // some steps; the soak is about money and truthful pages under faults, so it waits longer (the answers in
      // words it still gets are counted).
      MEDUSA_TIMEOUT_MS: process.env.SOAK_MEDUSA_TIMEOUT_MS ?? "30000",
    });
    const baseUrl = `http://localhost:${options.port}`;
    await waitUntil(() => httpOk(`${baseUrl}/api/health`), { timeoutMs: options.build ? 600_000 : 60_000, pid: storefront.child.pid, logFile: storefront.logFile, what: "storefront" });

    const store = storeSdk();
    // Only the seeded shop's products: tests make products of their own with a few items in stock, or none.
    const { products } = await store.store.product.list({
      id: stack.products.map((product) => product.id),
      region_id: stack.regions.eu.id,
      fields: "id,*variants",
      limit: stack.products.length,
    });
    const variantIds = products.flatMap((product) => (product.variants ?? []).map((variant) => variant.id));
    if (variantIds.length === 0) throw new Error("the shop has no variants to buy");

    const random = prng(options.seed ^ 0x5eed);
    const slow = new SlowBackend(`http://127.0.0.1:${controlPort}`, random);
    const context: Context = {
      baseUrl,
      actions: loadCheckoutActions(),
      stripe: new StripeJs(stack.stripe.doubleUrl, stack.stripe.publishableKey),
      variantIds,
      slow,
      inFlight: new Set(),
      workerRestarting: false,
      statuses: [],
      timeoutMs: 60_000,
    };
    const plans = makePlans(options);
    const checkouts: Checkout[] = plans.map((plan) => ({
      index: plan.index,
      email: plan.email,
      faults: [plan.shopper, ...(plan.webhook ? [plan.webhook.kind] : [])],
      cartId: null,
      paymentIntents: [],
      shopperSaw: "",
      lastPage: null,
      placeOrderMs: [],
      steps: [],
      messages: [],
      error: null,
      done: false,
      startedAt: 0,
      endedAt: null,
    }));
    const jars = new Map<number, CookieJar>();

    // The worker restart happens once, somewhere in the first two thirds of the run.
    const restartAfter = Math.floor(random() * Math.max(1, (options.checkouts * 2) / 3));
    const globalFaults: { kind: string; atMs: number; outcome: string; checkoutsInFlight: number[] }[] = [];
    let finished = 0;
    let restarting: Promise<void> = Promise.resolve();

    slow.start(started);
    const deadline = started + options.deadlineS * 1_000;
    let next = 0;
    const worker = async () => {
      while (next < plans.length && Date.now() < deadline) {
        const plan = plans[next++];
        const checkout = plan ? checkouts[plan.index] : undefined;
        if (!plan || !checkout) break;
        checkout.startedAt = Date.now();
        context.inFlight.add(checkout);
        const jar = new CookieJar();
        jars.set(plan.index, jar);
        try {
          await Promise.race([
            shop(plan, context, checkout, jar),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("not done by the deadline")), Math.max(0, deadline - Date.now())).unref()),
          ]);
          checkout.done = true;
        } catch (error) {
          if (error instanceof ShopperGaveUp) {
            checkout.shopperSaw = `gave up: ${error.message}`;
            checkout.done = true;
          } else {
            checkout.error = error instanceof Error ? error.message : String(error);
            checkout.done = checkout.error !== "not done by the deadline";
          }
        }
        checkout.endedAt = Date.now();
        context.inFlight.delete(checkout);
        finished += 1;
        if (finished === restartAfter) {
          const fault = { kind: "worker-restart", atMs: Date.now() - started, outcome: "under way", checkoutsInFlight: [...context.inFlight].map((entry) => entry.index) };
          globalFaults.push(fault);
          for (const entry of context.inFlight) entry.faults.push("worker-restart");
          context.workerRestarting = true;
          restarting = restartWorker().then((outcome) => {
            fault.outcome = outcome;
            context.workerRestarting = false;
          });
        }
        if (finished % 10 === 0 || finished === plans.length) process.stdout.write(`  ${finished}/${plans.length} checkouts done (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await restarting;
    await slow.stop();
    const shoppingMs = Date.now() - started;

    process.stdout.write("settling: waiting until the double has delivered every webhook and Medusa has processed them…\n");
    await waitForQuiet();
    const admin = await adminSdk();
    const orders = await listOrdersSince(admin, since);
    const intents = new Map((await doublePaymentIntents()).map((intent) => [intent.id, intent]));
    for (const checkout of checkouts) checkout.truth = truthOf(checkout, orders, intents);
    process.stdout.write("checking the page each shopper would open…\n");
    for (const checkout of checkouts) {
      if (!checkout.startedAt) continue;
      checkout.check = await checkPage(checkout, context, jars).catch((error: unknown) => ({
        expected: "a page",
        got: `error: ${error instanceof Error ? error.message : String(error)}`,
        truthful: false,
      }));
    }

    process.stdout.write("sweeping every PaymentIntent in the double and every order in Medusa…\n");
    const sweep = await sweepMoneyInvariant();
    const runIntents = [...new Set(checkouts.flatMap((checkout) => checkout.paymentIntents))].map((id) => intents.get(id));
    const cartsWithSeveralOrders = checkouts.filter((checkout) => (checkout.truth?.orderIds.length ?? 0) > 1);
    const violations = [
      ...sweep.violations,
      // The sweep sees money; one cart turned into two orders each with its own payment is a duplicate it cannot see.
      ...cartsWithSeveralOrders.map((checkout) => `cart ${checkout.cartId} became ${checkout.truth?.orderIds.length} orders: ${checkout.truth?.orderIds.join(", ")}`),
    ];

    // ------------------------------------------------------------------ figures
    const tried = checkouts.filter((checkout) => checkout.startedAt > 0);
    const notDone = checkouts.filter((checkout) => !checkout.done);
    const untruthful = tried.filter((checkout) => !checkout.check?.truthful);
    const serverErrors = context.statuses.filter((entry) => entry.status >= 500);
    const placeMs = checkouts.flatMap((checkout) => checkout.placeOrderMs);
    const messages = new Map<string, number>();
    for (const message of tried.flatMap((checkout) => checkout.messages)) messages.set(message, (messages.get(message) ?? 0) + 1);
    const byFault = new Map<string, Map<string, number>>();
    for (const checkout of tried) {
      const outcome = outcomeOf(checkout);
      for (const fault of checkout.faults) {
        const outcomes = byFault.get(fault) ?? new Map<string, number>();
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        byFault.set(fault, outcomes);
      }
    }
    const faultSummary = Object.fromEntries(
      [...byFault].sort(([a], [b]) => a.localeCompare(b)).map(([fault, outcomes]) => [fault, Object.fromEntries(outcomes)]),
    );
    const figures = {
      checkoutsTried: tried.length,
      orders: new Set(checkouts.flatMap((checkout) => checkout.truth?.orderIds ?? [])).size,
      paymentsHeld: runIntents.filter((intent) => intent?.status === "requires_capture" || intent?.status === "succeeded").length,
      duplicated:
        cartsWithSeveralOrders.reduce((sum, checkout) => sum + (checkout.truth?.orderIds.length ?? 1) - 1, 0) +
        sweep.violations.filter((violation) => / belongs to \d+ orders| holds \d+ live PaymentIntents/.test(violation)).length,
      orphaned: sweep.violations.filter((violation) => violation.includes("(orphaned payment)")).length,
      violations: violations.length,
      shoppersWithoutTruthfulPage: untruthful.length,
      shoppersNotDone: notDone.length,
      serverErrors: serverErrors.length,
      messagesToShoppers: Object.fromEntries(messages),
      placeOrderP50Ms: percentile(placeMs, 50),
      placeOrderP95Ms: percentile(placeMs, 95),
      shoppingSeconds: Math.round(shoppingMs / 1000),
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };

    const lines: string[] = [
      "",
      `soak: seed ${options.seed}`,
      formatSweep(sweep),
      `checkouts tried ${figures.checkoutsTried} of ${options.checkouts}, orders ${figures.orders}, payments held ${figures.paymentsHeld}, duplicated ${figures.duplicated}, orphaned ${figures.orphaned}`,
      `shoppers without a truthful page ${figures.shoppersWithoutTruthfulPage}, not done ${figures.shoppersNotDone}, 5xx answers ${figures.serverErrors}`,
      `placing an order: p50 ${figures.placeOrderP50Ms ?? "–"} ms, p95 ${figures.placeOrderP95Ms ?? "–"} ms (${placeMs.length} placed by the shopper); shopping ${figures.shoppingSeconds} s, total ${figures.totalSeconds} s`,
      `answers in words to shoppers' steps: ${[...messages].map(([message, count]) => `${count} × "${message}"`).join("; ") || "none"}`,
      `slow backend: ${slow.windows.length} slow spells (${slow.windows.map((window) => `+${window.latencyMs} ms for ${window.ms / 1000} s`).join(", ") || "none"})`,
      ...globalFaults.map((fault) => `${fault.kind} at ${Math.round(fault.atMs / 1000)} s: ${fault.outcome} (${fault.checkoutsInFlight.length} checkouts in flight)`),
      "what each fault did (checkouts: outcome):",
      ...Object.entries(faultSummary).map(
        ([fault, outcomes]) => `  ${fault.padEnd(28)} ${Object.entries(outcomes).map(([outcome, count]) => `${count} × ${outcome}`).join("; ")}`,
      ),
    ];
    for (const violation of violations.slice(0, 20)) lines.push(`VIOLATION ${violation}`);
    for (const checkout of untruthful.slice(0, 20)) {
      lines.push(`UNTRUTHFUL #${checkout.index} [${checkout.faults.join(", ")}] expected ${checkout.check?.expected}, got ${checkout.check?.got} (cart ${checkout.cartId})`);
    }
    for (const checkout of notDone.slice(0, 20)) lines.push(`STUCK #${checkout.index} [${checkout.faults.join(", ")}] ${checkout.error ?? ""}`);
    for (const checkout of tried.filter((entry) => entry.done && entry.error).slice(0, 20)) {
      lines.push(`SHOPPER ERROR #${checkout.index} [${checkout.faults.join(", ")}] ${checkout.error}`);
    }
    for (const entry of serverErrors.slice(0, 20)) lines.push(`5xx #${entry.checkout} ${entry.what} → ${entry.status}`);
    process.stdout.write(`${lines.join("\n")}\n`);

    const resultsDir = path.join(ROOT, "bench-results");
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(
      path.join(resultsDir, "soak.json"),
      `${JSON.stringify({ options, figures, faults: faultSummary, globalFaults, slowSpells: slow.windows, sweep, violations, checkouts }, null, 2)}\n`,
    );
    process.stdout.write(`results: bench-results/soak.json\n`);
    const failed = violations.length > 0 || untruthful.length > 0 || notDone.length > 0 || serverErrors.length > 0 || tried.some((entry) => entry.error);
    process.exitCode = failed ? 1 : 0;
  } finally {
    clearTimeout(hardStop);
    await stopService(storefront);
    await stopService(proxy);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
