/**
 * One shopper's browser, without a browser, for `npm run soak`: a cookie jar, the storefront's pages and server
 * actions posted over HTTP exactly as React posts them, and Stripe.js's calls to Stripe's API (here the double).
 *
 * The checkout's server actions are listed in one place, `CHECKOUT_ACTIONS`, with the arguments each takes:
 * when their shapes change in lib/, this is the file to follow.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { callActionBody, formActionBody, type ServerAction, serverActionHeaders, serverActionsIn } from "@medusa-stripe-checkout/test-support/server-actions";
import { ROOT } from "./lib/stack-config";

// ------------------------------------------------------------------------------------------ server actions

/**
 * The actions the soak calls, by exported name (found in whichever lib/ module exports them), and how the browser
 * calls each: a `useActionState` form, or a plain call with arguments.
 */
const CHECKOUT_ACTIONS = {
  addToCart: { form: true },
  saveContactAndAddresses: { form: true },
  chooseDelivery: { form: true },
  prepareCardPayment: { form: false },
  checkPaymentAmount: { form: false },
  placeOrder: { form: false },
} as const;

export type ActionName = keyof typeof CHECKOUT_ACTIONS;
export type ActionIds = Record<ActionName, ServerAction>;

/** The ids of the checkout's actions in the production build in .next (they change with every build). */
export function loadCheckoutActions(): ActionIds {
  const found = new Map<string, ServerAction>();
  const modules = readdirSync(path.join(ROOT, "lib")).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));
  for (const file of modules) {
    for (const [name, action] of serverActionsIn(`lib/${file}`)) found.set(name, action);
  }
  const ids = {} as ActionIds;
  for (const name of Object.keys(CHECKOUT_ACTIONS) as ActionName[]) {
    const action = found.get(name);
    if (!action) throw new Error(`server action ${name} is not in the build (.next): rebuild, or update scripts/soak-shopper.ts`);
    ids[name] = action;
  }
  return ids;
}

/** The address every soak shopper gives (Germany, the storefront's default country). */
export function addressFields(email: string): Record<string, string> {
  return {
    email,
    shipping_first_name: "Erika",
    shipping_last_name: "Mustermann",
    shipping_address_1: "Heidestraße 17",
    shipping_postal_code: "51147",
    shipping_city: "Köln",
    shipping_country_code: "de",
    billing_same: "on",
  };
}

// ------------------------------------------------------------------------------------------ HTTP

export type Answer = { status: number; body: string; ms: number; url: string };
/** What a server action answered: its payload, and where it sent the browser (`x-action-redirect`), if anywhere. */
export type ActionAnswer = Answer & { redirect: string | null };

/** Every answer the storefront gives, for counting 5xx. */
export type AnswerListener = (what: string, status: number) => void;

/** Cookies as a browser keeps them for one site (name → value; deletions honoured). Shared by a shopper's tabs. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = "", raw = ""] = attribute.trim().split("=");
        return (key.toLowerCase() === "max-age" && Number(raw) <= 0) || (key.toLowerCase() === "expires" && Date.parse(raw) < Date.now());
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export class Storefront {
  constructor(
    private readonly baseUrl: string,
    private readonly actions: ActionIds,
    readonly jar: CookieJar,
    private readonly listen: AnswerListener,
    private readonly timeoutMs: number,
  ) {}

  /** A page load: GET, following redirects as the browser does (cookies set on the way are kept). */
  async open(path: string): Promise<Answer> {
    const started = Date.now();
    let url = new URL(path, this.baseUrl).toString();
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(url, {
        headers: { Cookie: this.jar.header(), Accept: "text/html" },
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      this.jar.store(response);
      this.listen(`GET ${new URL(url).pathname}`, response.status);
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        url = new URL(location, url).toString();
        continue;
      }
      return { status: response.status, body: await response.text(), ms: Date.now() - started, url };
    }
    throw new Error(`more than 10 redirects from ${path}`);
  }

  /**
   * Posts a server action as React does. `dropAnswerAfterMs`: the request is sent and reaches the server, but
   * the browser loses the answer (network gone, laptop lid closed) — resolves null, the action still runs.
   */
  async action(
    name: ActionName,
    input: Record<string, string> | readonly string[],
    options: { dropAnswerAfterMs?: number } = {},
  ): Promise<ActionAnswer | null> {
    const action = this.actions[name];
    const started = Date.now();
    const body = CHECKOUT_ACTIONS[name].form ? formActionBody(isArgs(input) ? {} : input) : callActionBody(isArgs(input) ? input : []);
    const headers: Record<string, string> = { ...serverActionHeaders(action, this.baseUrl), Cookie: this.jar.header() };
    if (!CHECKOUT_ACTIONS[name].form) headers["Content-Type"] = "text/plain;charset=UTF-8";
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.dropAnswerAfterMs ?? this.timeoutMs);
    try {
      const response = await fetch(new URL(action.page, this.baseUrl), { method: "POST", headers, body, redirect: "manual", signal: controller.signal });
      if (options.dropAnswerAfterMs !== undefined) {
        // The answer came before the connection dropped: the browser still never reads it.
        await response.body?.cancel();
        return null;
      }
      this.jar.store(response);
      const text = await response.text();
      this.listen(`action ${name}`, response.status);
      const redirect = response.headers.get("x-action-redirect");
      return { status: response.status, body: text, ms: Date.now() - started, url: action.page, redirect: redirect ? redirect.split(";")[0] ?? redirect : null };
    } catch (error) {
      if (options.dropAnswerAfterMs !== undefined && controller.signal.aborted) return null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  addToCart(variantId: string): Promise<ActionAnswer | null> {
    return this.action("addToCart", { variant_id: variantId, quantity: "1" });
  }

  saveContactAndAddresses(email: string): Promise<ActionAnswer | null> {
    return this.action("saveContactAndAddresses", addressFields(email));
  }

  chooseDelivery(shippingOptionId: string): Promise<ActionAnswer | null> {
    return this.action("chooseDelivery", { shipping_option_id: shippingOptionId });
  }

  /** What the card form does as soon as delivery is chosen: the Stripe session it mounts on. */
  prepareCardPayment(): Promise<ActionAnswer | null> {
    return this.action("prepareCardPayment", []);
  }

  /** Right before confirming: the card form asks whether its PaymentIntent is still the one for the cart's total. */
  checkPaymentAmount(paymentIntentId: string): Promise<ActionAnswer | null> {
    return this.action("checkPaymentAmount", [paymentIntentId]);
  }

  placeOrder(options: { dropAnswerAfterMs?: number } = {}): Promise<ActionAnswer | null> {
    return this.action("placeOrder", [], options);
  }
}

function isArgs(input: Record<string, string> | readonly string[]): input is readonly string[] {
  return Array.isArray(input);
}

/** The message a server action answered with (`{ error }`), if any. */
export function actionError(answer: ActionAnswer | null): string | null {
  // `"$undefined"` is React's encoding of a field left unset.
  const match = answer ? /"(?:error|message)":"((?:[^"\\$]|\\.)(?:[^"\\]|\\.)*)"/.exec(answer.body) : null;
  return match?.[1] ?? null;
}

/** The delivery choices on the delivery step, as the page offers them. */
export function shippingOptionIdsIn(page: string): string[] {
  return [...new Set([...page.matchAll(/\b(so_[0-9A-Z]{26})\b/g)].map((match) => match[1] ?? ""))];
}

/** The client secret the review step hands to the card form (in the page's flight data). */
export function clientSecretIn(page: string): string | null {
  return /\b(pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+)/.exec(page)?.[1] ?? null;
}

// ------------------------------------------------------------------------------------------ Stripe.js

export type PaymentIntentView = { id: string; status: string; amount: number; next_action?: { use_stripe_sdk?: { stripe_js?: string } } | null };
export type StripeAnswer = { status: number; paymentIntent: PaymentIntentView | null; error: { code?: string; decline_code?: string; message?: string } | null };

/** What Stripe.js does in the shopper's browser: the publishable key and the client secret, never more. */
export class StripeJs {
  constructor(
    private readonly apiUrl: string,
    private readonly publishableKey: string,
  ) {}

  private async post(path: string, params: Record<string, string>): Promise<Response> {
    return fetch(`${this.apiUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${this.publishableKey}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
      signal: AbortSignal.timeout(30_000),
    });
  }

  /** The Payment Element's frame turns the typed card into a PaymentMethod. */
  async createPaymentMethod(cardNumber: string): Promise<string> {
    const response = await this.post("/v1/payment_methods", {
      type: "card",
      "card[number]": cardNumber,
      "card[exp_month]": "12",
      "card[exp_year]": String(new Date().getFullYear() + 3),
      "card[cvc]": "123",
      "billing_details[address][country]": "DE",
    });
    const body = (await response.json()) as { id?: string; error?: { message?: string } };
    if (!body.id) throw new Error(`creating a PaymentMethod: HTTP ${response.status} ${body.error?.message ?? ""}`);
    return body.id;
  }

  /** `stripe.confirmPayment({ redirect: "if_required" })`: confirm with the client secret and `use_stripe_sdk`. */
  async confirm(clientSecret: string, paymentMethod: string, returnUrl: string): Promise<StripeAnswer> {
    const id = clientSecret.split("_secret_")[0] ?? "";
    const response = await this.post(`/v1/payment_intents/${id}/confirm`, {
      client_secret: clientSecret,
      payment_method: paymentMethod,
      return_url: returnUrl,
      use_stripe_sdk: "true",
    });
    return readStripeAnswer(response);
  }

  /** The shopper answers the bank's 3-D Secure page (the double's test page) in Stripe.js's overlay. */
  async answerChallenge(challengeUrl: string, clientSecret: string, approve: boolean): Promise<void> {
    const url = new URL(challengeUrl);
    const response = await fetch(`${this.apiUrl}${url.pathname}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ client_secret: clientSecret, result: approve ? "approve" : "fail" }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`answering 3-D Secure: HTTP ${response.status}`);
  }

  /** `stripe.retrievePaymentIntent(clientSecret)`. */
  async retrieve(clientSecret: string): Promise<StripeAnswer> {
    const id = clientSecret.split("_secret_")[0] ?? "";
    const query = new URLSearchParams({ client_secret: clientSecret, key: this.publishableKey });
    return readStripeAnswer(await fetch(`${this.apiUrl}/v1/payment_intents/${id}?${query}`, { signal: AbortSignal.timeout(30_000) }));
  }
}

async function readStripeAnswer(response: Response): Promise<StripeAnswer> {
  const body = (await response.json()) as PaymentIntentView & { error?: StripeAnswer["error"] & { payment_intent?: PaymentIntentView } };
  if (body.error) return { status: response.status, paymentIntent: body.error.payment_intent ?? null, error: body.error };
  return { status: response.status, paymentIntent: body, error: null };
}
