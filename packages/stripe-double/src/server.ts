/**
 * The Stripe double's HTTP server: Stripe's API (`/v1/…`), the Stripe.js stand-in (`/js/…`), the 3-D Secure
 * pages (`/hooks/…`) and an inspection API for tests (`/_double/…`), on one port. See ../README.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadStream, statSync } from "node:fs";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { invalidRequest, notImplemented, parameterUnknown, StripeApiError, unrecognizedUrl, type StripeErrorBody } from "./errors";
import { decodeForm, FormDecodeError, type FormObject } from "./form";
import { readString, readStrings, validateParams, type ParamSpecs } from "./params";
import { routes, type Auth, type RouteContext, type RouteResult } from "./routes";
import { operationFor, validateAgainstStripe } from "./stripe-schema";
import { IdempotencyKeys, type IdempotentRequest } from "./idempotency";
import { renderChallengePage, renderChallengeResult, type ChallengeResult } from "./three-d-secure";
import { completeChallenge, settleProcessing, startProcessing, type PublicUrls } from "./payment-intents";
import { snapshot, type DoubleContext } from "./resources";
import { createWalletToken } from "./wallets";
import { newId, nowSeconds, randomToken, Store, type JsonObject, type PaymentIntent, type StripeEvent } from "./store";
import { DEFAULT_RETRY_DELAYS_MS, WebhookDispatcher } from "./webhooks";

export const API_VERSION = "2024-04-10";
export const DEFAULT_WEBHOOK_SECRET = "whsec_double_local_secret";

export interface StripeDoubleOptions {
  /** Endpoints that receive signed events. */
  webhookUrls?: string[];
  webhookSecret?: string;
  /** Delay before each webhook retry (ms); tests shorten it. */
  webhookRetryDelaysMs?: number[];
  /** If set, state is loaded from and saved to this JSON file. */
  stateFile?: string;
  /** Directory served under `/js/` (defaults to stripe-double/browser). */
  browserDir?: string;
  host?: string;
  /** One line per request; `false` silences it. Default: console.log. */
  log?: ((line: string) => void) | false;
  /** The clock idempotency keys expire by (milliseconds since the epoch); tests move it. Default: Date.now. */
  now?: () => number;
}


export interface StripeDouble {
  /** Starts listening (port 0 = any free port) and resolves with the base URL, e.g. `http://127.0.0.1:12111`. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
  readonly url: string;
  readonly store: Store;
  readonly webhooks: WebhookDispatcher;
  readonly webhookSecret: string;
  /** Resolves when every queued webhook delivery has been attempted. */
  flushWebhooks(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Credentials": "true",
  "Access-Control-Allow-Methods": "GET, HEAD, PUT, PATCH, POST, DELETE",
  "Access-Control-Expose-Headers":
    "Request-Id, Stripe-Manage-Version, Stripe-Should-Retry, X-Stripe-External-Auth-Required, X-Stripe-Privileged-Session-Required",
  "Access-Control-Max-Age": "300",
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Parameters Stripe.js adds to its requests for telemetry; Stripe accepts them from publishable keys. */
const STRIPE_JS_TELEMETRY_PARAMS = [
  "payment_user_agent", "time_on_page", "guid", "muid", "sid", "referrer", "pasted_fields",
  "client_attribution_metadata", "_stripe_version", "_stripe_account",
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidRequest("Request body too large.", { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolveBody(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function maskKey(key: string): string {
  const prefix = /^(sk|pk|rk)_(test|live)_/.exec(key)?.[0] ?? key.slice(0, 3);
  return `${prefix}${"*".repeat(Math.max(4, Math.min(key.length - prefix.length - 4, 20)))}${key.slice(-4)}`;
}

/** Finds the API key the way Stripe does: Bearer auth, basic auth (key as user), or Stripe.js's `key` param. */
function authenticate(req: IncomingMessage, params: FormObject): Auth {
  let key: string | undefined;
  const header = req.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(" ", 2);
    if (scheme?.toLowerCase() === "bearer") key = value?.trim();
    else if (scheme?.toLowerCase() === "basic" && value) key = Buffer.from(value, "base64").toString("utf8").split(":")[0];
  }
  const keyParam = readString(params, "key");
  if (keyParam !== undefined) {
    delete params["key"];
    if (!key && keyParam.startsWith("pk_")) key = keyParam;
  }
  if (!key) {
    throw invalidRequest(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      { status: 401 },
    );
  }
  if (/^(sk|pk|rk)_live_/.test(key)) {
    throw new StripeApiError(401, {
      type: "authentication_error",
      message: `The Stripe double accepts only test mode keys (sk_test_…, pk_test_…); the live key ${maskKey(key)} is refused.`,
    });
  }
  if (/^(sk|rk)_test_\S+$/.test(key)) return { kind: "secret", key };
  if (/^pk_test_\S+$/.test(key)) return { kind: "publishable", key };
  throw invalidRequest(`Invalid API Key provided: ${maskKey(key)}`, { status: 401, code: "api_key_invalid" });
}

function defaultBrowserDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "browser");
}

export function createStripeDouble(options: StripeDoubleOptions = {}): StripeDouble {
  const log = options.log === false ? () => undefined : (options.log ?? ((line: string) => console.log(line)));
  const store = new Store(options.stateFile);
  const idempotency = new IdempotencyKeys(store, options.now);
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const webhooks = new WebhookDispatcher({
    endpoints: [...(options.webhookUrls ?? [])],
    secret: webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    timeoutMs: 10_000,
    log,
  });
  const browserDir = resolve(options.browserDir ?? defaultBrowserDir());
  let currentRequest: { id: string | null; idempotencyKey: string | null } = { id: null, idempotencyKey: null };

  const model: DoubleContext = {
    store,
    emit(type: string, object: object, previousAttributes?: JsonObject) {
      const event: StripeEvent = {
        id: newId("evt"),
        object: "event",
        api_version: API_VERSION,
        created: nowSeconds(),
        data: previousAttributes
          ? { object: snapshot(object) as JsonObject, previous_attributes: previousAttributes }
          : { object: snapshot(object) as JsonObject },
        livemode: false,
        pending_webhooks: webhooks.endpoints.length,
        request: { id: currentRequest.id, idempotency_key: currentRequest.idempotencyKey },
        type,
      };
      store.state.events[event.id] = event;
      webhooks.enqueue(event);
    },
  };

  /** Public URLs follow the README rule: Stripe's real host when proxied (x-forwarded-host), else our own. */
  function publicUrls(req: IncomingMessage): PublicUrls {
    if (req.headers["x-forwarded-host"]) return { hooksBase: "https://hooks.stripe.com" };
    return { hooksBase: `http://${req.headers.host ?? "127.0.0.1"}/hooks` };
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
    res.writeHead(status, { "Content-Length": String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  }

  function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    // Stripe pretty-prints its JSON responses.
    send(res, status, JSON.stringify(value, null, 2), {
      "Content-Type": "application/json",
      "Cache-Control": "no-cache, no-store",
      ...CORS_HEADERS,
      ...headers,
    });
  }

  function errorBody(error: StripeApiError, requestId: string): { error: StripeErrorBody } {
    return {
      error: { ...error.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}?t=${nowSeconds()}` },
    };
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<number> {
    const method = req.method ?? "GET";
    const baseHeaders: Record<string, string> = {
      "Request-Id": requestId,
      "Stripe-Version": (req.headers["stripe-version"] as string | undefined) ?? API_VERSION,
    };
    const idempotencyKey = method === "POST" ? ((req.headers["idempotency-key"] as string | undefined) ?? null) : null;
    if (idempotencyKey) {
      baseHeaders["Idempotency-Key"] = idempotencyKey;
      // Stripe names the request whose result a key holds; on the first use that is the request itself.
      baseHeaders["Original-Request"] = requestId;
    }
    try {
      const body = await readBody(req);
      const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (body.trim() !== "" && contentType !== "application/x-www-form-urlencoded") {
        throw invalidRequest(
          "Invalid request (check that your POST content type is application/x-www-form-urlencoded). If you have any questions, we can help at https://support.stripe.com/.",
        );
      }
      let params: FormObject;
      try {
        params = { ...decodeForm(url.search.slice(1)), ...decodeForm(body) };
      } catch (error) {
        if (error instanceof FormDecodeError) throw invalidRequest(error.message, { param: error.param });
        throw error;
      }
      const match = matchRoute(method, url.pathname);
      if (!match) throw unrecognizedUrl(method, url.pathname);
      const auth = authenticate(req, params);
      if (match.route.access === "secret" && auth.kind !== "secret") {
        throw invalidRequest(
          "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
          // Stripe answered 401 for this in the past and answers 403 (the SDK's StripePermissionError) now.
          { status: 403, code: "secret_key_required" },
        );
      }
      if (auth.kind === "publishable") for (const name of STRIPE_JS_TELEMETRY_PARAMS) delete params[name];
      // Stripe's schema first (its errors, its wording), then what the double itself implements.
      const operation = operationFor(method, url.pathname);
      if (operation) validateAgainstStripe(params, operation);
      const specs: ParamSpecs = { expand: "strings", ...match.route.params };
      validateParams(params, specs, [], operation ? notImplemented : parameterUnknown);

      const idempotent: IdempotentRequest | null = idempotencyKey
        ? { apiKey: auth.key, key: idempotencyKey, method, path: url.pathname, params }
        : null;
      if (idempotent) {
        const replay = idempotency.replay(idempotent);
        if (replay) {
          send(res, replay.status, replay.body, {
            "Content-Type": "application/json",
            "Cache-Control": "no-cache, no-store",
            ...CORS_HEADERS,
            ...baseHeaders,
            "Idempotent-Replayed": "true",
            "Original-Request": replay.request_id,
          });
          return replay.status;
        }
      }

      currentRequest = { id: requestId, idempotencyKey };
      const context: RouteContext = {
        model,
        auth,
        params,
        pathParams: match.pathParams,
        urls: publicUrls(req),
        expand: readStrings(params, "expand") ?? [],
        url: url.pathname,
        apiVersion: baseHeaders["Stripe-Version"] ?? API_VERSION,
      };
      let result: RouteResult;
      try {
        result = match.route.handle(context);
      } catch (error) {
        if (error instanceof StripeApiError && error.replayable) {
          const payload = JSON.stringify(errorBody(error, requestId), null, 2);
          if (idempotent) idempotency.save(idempotent, error.status, payload, requestId);
        }
        if (method !== "GET") store.save();
        throw error;
      } finally {
        currentRequest = { id: null, idempotencyKey: null };
      }
      const payload = JSON.stringify(result, null, 2);
      if (idempotent) idempotency.save(idempotent, 200, payload, requestId);
      if (method !== "GET") store.save();
      send(res, 200, payload, { "Content-Type": "application/json", "Cache-Control": "no-cache, no-store", ...CORS_HEADERS, ...baseHeaders });
      return 200;
    } catch (error) {
      if (error instanceof StripeApiError) {
        sendJson(res, error.status, errorBody(error, requestId), baseHeaders);
        return error.status;
      }
      log(`stripe-double: internal error on ${method} ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendJson(
        res,
        500,
        errorBody(new StripeApiError(500, { type: "api_error", message: "The Stripe double failed to handle this request; see its log." }), requestId),
        // An internal failure may have half-applied a change; the SDK must not retry it blindly.
        { ...baseHeaders, "Stripe-Should-Retry": "false" },
      );
      return 500;
    }
  }

  function matchRoute(method: string, path: string) {
    for (const route of routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      try {
        return { route, pathParams: found.slice(1).map((part) => decodeURIComponent(part)) };
      } catch {
        return undefined; // malformed escapes in an id: no such URL
      }
    }
    return undefined;
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): number {
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice("/js/".length));
    } catch {
      send(res, 400, "Bad request\n", { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      return 400;
    }
    let file = resolve(browserDir, relative);
    const inside = file === browserDir || file.startsWith(browserDir + sep);
    if (relative.includes("\0") || !inside || relative.split(/[\\/]/).some((part) => part.startsWith("."))) {
      send(res, 404, "Not found\n", { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      return 404;
    }
    try {
      let stats = statSync(file);
      if (stats.isDirectory()) {
        // https://js.stripe.com/v3/ is a directory URL: serve its index.
        const index = ["index.js", "index.html"].map((name) => join(file, name)).find((candidate) => {
          try {
            return statSync(candidate).isFile();
          } catch {
            return false;
          }
        });
        if (!index) throw new Error("no index");
        file = index;
        stats = statSync(file);
      }
      const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": String(stats.size) });
      if (req.method === "HEAD") {
        res.end();
      } else {
        createReadStream(file).pipe(res);
      }
      return 200;
    } catch {
      send(res, 404, "Not found\n", { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      return 404;
    }
  }

  function redirectStatus(paymentIntent: PaymentIntent): string {
    if (paymentIntent.status === "succeeded" || paymentIntent.status === "requires_capture") return "succeeded";
    if (paymentIntent.status === "processing") return "processing";
    return "failed";
  }

  async function handleChallenge(req: IncomingMessage, res: ServerResponse, url: URL, paymentIntentId: string): Promise<number> {
    const html = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
    if (req.method === "GET") {
      const clientSecret = url.searchParams.get("client_secret") ?? "";
      const paymentIntent = store.state.payment_intents[paymentIntentId];
      if (!paymentIntent || paymentIntent.client_secret !== clientSecret) {
        send(res, 404, renderChallengeResult({ kind: "error", message: "This authentication link is not valid." }), html);
        return 404;
      }
      send(res, 200, renderChallengePage(paymentIntent, url.searchParams.get("return_url")), html);
      return 200;
    }
    if (req.method !== "POST") {
      send(res, 405, "Method not allowed\n", { "Content-Type": "text/plain", Allow: "GET, POST" });
      return 405;
    }
    const body = await readBody(req);
    const contentType = (req.headers["content-type"] ?? "").toLowerCase();
    const wantsJson = contentType.includes("application/json") || (req.headers.accept ?? "").includes("application/json");
    let fieldsIn: Record<string, unknown> = {};
    try {
      fieldsIn = contentType.includes("application/json") ? (JSON.parse(body || "{}") as Record<string, unknown>) : decodeForm(body);
    } catch {
      fieldsIn = {};
    }
    const field = (name: string): string | undefined => {
      const value = fieldsIn[name] ?? url.searchParams.get(name) ?? undefined;
      return typeof value === "string" ? value : undefined;
    };
    const clientSecret = field("client_secret") ?? "";
    const result = field("result");
    const returnUrl = field("return_url") || null;
    const fail = (status: number, message: string): number => {
      if (wantsJson) sendJson(res, status, { error: { type: "invalid_request_error", message } });
      else send(res, status, renderChallengeResult({ kind: "error", message }), html);
      return status;
    };
    if (result !== "approve" && result !== "fail") return fail(400, "`result` must be approve or fail.");
    const paymentIntent = store.state.payment_intents[paymentIntentId];
    if (!paymentIntent || paymentIntent.client_secret !== clientSecret) return fail(404, "This authentication link is not valid.");
    // A second click (or a reload) after the challenge was answered changes nothing and reports the outcome again.
    if (paymentIntent.status === "requires_action" && store.state.challenges[paymentIntent.id]) {
      currentRequest = { id: null, idempotencyKey: null };
      try {
        completeChallenge(model, paymentIntent.id, clientSecret, result === "approve");
      } catch (error) {
        if (error instanceof StripeApiError) return fail(error.status, error.body.message);
        throw error;
      }
      store.save();
    }
    const outcome: ChallengeResult = {
      kind: "done",
      paymentIntentId: paymentIntent.id,
      status: paymentIntent.status,
      approved: redirectStatus(paymentIntent) === "succeeded",
    };
    if (returnUrl) {
      let target: URL;
      try {
        target = new URL(returnUrl);
      } catch {
        return fail(400, "return_url is not a valid URL.");
      }
      target.searchParams.set("payment_intent", paymentIntent.id);
      target.searchParams.set("payment_intent_client_secret", paymentIntent.client_secret);
      target.searchParams.set("redirect_status", redirectStatus(paymentIntent));
      if (wantsJson) {
        sendJson(res, 200, { payment_intent: paymentIntent.id, status: paymentIntent.status, redirect_url: target.href });
        return 200;
      }
      send(res, 303, "", { Location: target.href, "Cache-Control": "no-store" });
      return 303;
    }
    if (wantsJson) {
      sendJson(res, 200, { payment_intent: paymentIntent.id, status: paymentIntent.status, redirect_status: redirectStatus(paymentIntent) });
      return 200;
    }
    send(res, 200, renderChallengeResult(outcome), html);
    return 200;
  }

  async function handleInspection(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const route = `${req.method ?? "GET"} ${url.pathname}`;
    const state = store.state;
    switch (route) {
      case "GET /_double/health":
        sendJson(res, 200, { ok: true });
        return 200;
      case "GET /_double/state":
        sendJson(res, 200, {
          payment_intents: Object.values(state.payment_intents),
          payment_methods: Object.values(state.payment_methods),
          charges: Object.values(state.charges),
          refunds: Object.values(state.refunds),
          customers: Object.values(state.customers),
          setup_intents: Object.values(state.setup_intents),
          tokens: Object.values(state.tokens),
          events: Object.values(state.events),
        });
        return 200;
      case "GET /_double/webhooks":
        sendJson(res, 200, { endpoints: webhooks.endpoints, deliveries: webhooks.deliveries });
        return 200;
      case "GET /_double/webhooks/queue":
        sendJson(res, 200, webhooks.queued());
        return 200;
      case "POST /_double/webhooks/flush":
        await webhooks.flush();
        sendJson(res, 200, { ok: true, deliveries: webhooks.deliveries });
        return 200;
      case "POST /_double/webhooks/endpoints": {
        const body = decodeForm(await readBody(req));
        const endpoint = readString(body, "url") ?? url.searchParams.get("url");
        if (!endpoint || !/^https?:\/\//.test(endpoint)) {
          sendJson(res, 400, { error: { type: "invalid_request_error", message: "url (http or https) is required" } });
          return 400;
        }
        webhooks.addEndpoint(endpoint);
        sendJson(res, 200, { endpoints: webhooks.endpoints });
        return 200;
      }
      case "POST /_double/payment_intents/processing":
      case "POST /_double/payment_intents/settle": {
        // Test controls for asynchronous payments: hold a PaymentIntent in `processing`, then settle it.
        const body = decodeForm(await readBody(req));
        const id = readString(body, "payment_intent") ?? "";
        currentRequest = { id: null, idempotencyKey: null };
        try {
          const paymentIntent = route.endsWith("/processing")
            ? startProcessing(model, id, readString(body, "payment_method") ?? "pm_card_visa")
            : settleProcessing(model, id, readString(body, "outcome") === "failed" ? "failed" : "succeeded");
          store.save();
          sendJson(res, 200, paymentIntent);
          return 200;
        } catch (error) {
          if (!(error instanceof StripeApiError)) throw error;
          sendJson(res, error.status, { error: error.body });
          return error.status;
        }
        }
      case "GET /_double/webhooks/faults":
        sendJson(res, 200, { faults: webhooks.faultRules });
        return 200;
      case "POST /_double/webhooks/faults": {
        const body = decodeForm(await readBody(req));
        const paymentIntent = readString(body, "payment_intent");
        const number = (name: string) => {
          const raw = readString(body, name);
          const value = raw === undefined ? 0 : Number(raw);
          return Number.isInteger(value) && value >= 0 && value <= 600_000 ? value : null;
        };
        const delayMs = number("delay_ms");
        const reorderWindowMs = number("reorder_window_ms");
        const duplicate = readString(body, "duplicate");
        if (!paymentIntent?.startsWith("pi_") || delayMs === null || reorderWindowMs === null || !["true", "false", undefined].includes(duplicate)) {
          sendJson(res, 400, {
            error: {
              type: "invalid_request_error",
              message: "payment_intent (pi_…) is required; delay_ms and reorder_window_ms are 0–600000; duplicate is true or false",
            },
          });
          return 400;
        }
        webhooks.setFault(paymentIntent, { delay_ms: delayMs, duplicate: duplicate === "true", reorder_window_ms: reorderWindowMs });
        sendJson(res, 200, { faults: webhooks.faultRules });
        return 200;
      }
      case "POST /_double/wallets/tokens": {
        // Google's side of a Google Pay payment (see wallets.ts): the double's wallet sheet calls it from
        // js.stripe.com with the merchant's publishable key, so it answers CORS like the API does.
        const body = decodeForm(await readBody(req));
        currentRequest = { id: null, idempotencyKey: null };
        try {
          const auth = authenticate(req, body);
          if (auth.kind !== "publishable") {
            throw invalidRequest("A wallet tokenizes cards with the merchant's publishable key (pk_test_…).", { status: 401 });
          }
          const token = createWalletToken(model, body, req.socket.remoteAddress ?? null);
          store.save();
          sendJson(res, 200, token);
          return 200;
        } catch (error) {
          if (!(error instanceof StripeApiError)) throw error;
          sendJson(res, error.status, { error: error.body });
          return error.status;
        }
      }
      case "POST /_double/reset":
        store.reset();
        webhooks.clearFaults();
        sendJson(res, 200, { ok: true });
        return 200;
      default:
        sendJson(res, 404, { error: { type: "invalid_request_error", message: `Unknown inspection route ${route}` } });
        return 404;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = `req_${randomToken(14)}`;
    const url = new URL(req.url ?? "/", "http://double.invalid");
    const method = req.method ?? "GET";
    let status = 500;
    try {
      if (method === "OPTIONS") {
        const requested = req.headers["access-control-request-headers"];
        res.writeHead(200, {
          ...CORS_HEADERS,
          "Access-Control-Allow-Headers": typeof requested === "string" && requested ? requested : "Authorization, Content-Type, Stripe-Version, Idempotency-Key",
          "Content-Length": "0",
        });
        res.end();
        status = 200;
      } else if (url.pathname.startsWith("/js/") && (method === "GET" || method === "HEAD")) {
        status = serveStatic(req, res, url);
      } else if (url.pathname.startsWith("/hooks/3ds/")) {
        const id = decodeURIComponent(url.pathname.slice("/hooks/3ds/".length).replace(/\/+$/, ""));
        status = await handleChallenge(req, res, url, id);
      } else if (url.pathname.startsWith("/_double/")) {
        status = await handleInspection(req, res, url);
      } else {
        status = await handleApi(req, res, url, requestId);
      }
    } catch (error) {
      log(`stripe-double: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { type: "api_error", message: "Internal error in the Stripe double." } });
      status = 500;
    }
    log(`${method} ${url.pathname} ${status} ${Date.now() - started}ms ${requestId}`);
  }

  let server: Server | undefined;
  let baseUrl = "";

  return {
    store,
    webhooks,
    webhookSecret,
    get url() {
      return baseUrl;
    },
    listen(port = 0) {
      return new Promise<string>((resolveListen, reject) => {
        const created = createServer((req, res) => void handle(req, res));
        created.once("error", reject);
        created.listen(port, options.host ?? "127.0.0.1", () => {
          created.off("error", reject);
          server = created;
          const address = created.address() as AddressInfo;
          baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;
          resolveListen(baseUrl);
        });
      });
    },
    close() {
      webhooks.close();
      return new Promise<void>((resolveClose) => {
        if (!server) {
          resolveClose();
          return;
        }
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
    },
    flushWebhooks: () => webhooks.flush(),
  };
}
