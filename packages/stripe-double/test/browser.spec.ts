import { expect, test, type FrameLocator, type Page, type Request } from "@playwright/test";
import Stripe from "stripe";
import { createStripeDouble } from "../src/server";
import { routeStripeToDouble, type StripeRoutes } from "../playwright/routes";
import { startHarness, type Harness } from "./harness/server";

/*
 * The browser half of the Stripe double, driven through the real @stripe/stripe-js loader and
 * @stripe/react-stripe-js, with the page loading https://js.stripe.com/… and Playwright answering from the
 * double, as the storefront's own end-to-end tests will.
 */

const PUBLISHABLE_KEY = "pk_test_browser_double";
const SECRET_KEY = "sk_test_browser_double";

const CARDS = {
  visa: "4242 4242 4242 4242",
  insufficientFunds: "4000 0000 0000 9995",
  threeDSecure: "4000 0027 6000 3184",
} as const;

type DoubleServer = ReturnType<typeof createStripeDouble>;

let double: DoubleServer;
let doubleUrl: string;
let harness: Harness;
let stripe: Stripe;
let routes: StripeRoutes;
// The double's request log, kept quiet and attached to a failing test's report instead.
const requestLog: string[] = [];

test.beforeAll(async () => {
  double = createStripeDouble({ log: (line) => requestLog.push(line) });
  doubleUrl = (await double.listen(0)).replace(/\/+$/, "");
  const { hostname, port, protocol } = new URL(doubleUrl);
  stripe = new Stripe(SECRET_KEY, {
    host: hostname,
    port: Number(port),
    protocol: protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  });
  harness = await startHarness({
    // The merchant's server creates the PaymentIntent once the shopper approved the wallet payment.
    createPaymentIntent: async ({ amount, currency, threeDSecure }) => {
      const intent = await stripe.paymentIntents.create({
        amount,
        currency,
        capture_method: "manual",
        ...(threeDSecure ? { payment_method_options: { card: { request_three_d_secure: "any" } } } : {}),
      });
      return { client_secret: intent.client_secret ?? "" };
    },
  });
});

test.afterAll(async () => {
  await harness?.close();
  await double?.close();
});

test.beforeEach(async ({ context }) => {
  requestLog.length = 0;
  routes = await routeStripeToDouble(context, doubleUrl);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach("stripe-double requests", { body: requestLog.join("\n"), contentType: "text/plain" });
  }
  // Every test doubles as a leak check: nothing may have tried to reach a Stripe host the double lacks.
  expect(routes.leaks).toEqual([]);
  await routes.dispose();
});

async function createIntent(): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({ amount: 4200, currency: "usd", capture_method: "manual" });
}

async function openCheckout(page: Page, intent: Stripe.PaymentIntent, extra: Record<string, string> = {}): Promise<FrameLocator> {
  const query = new URLSearchParams({ pk: PUBLISHABLE_KEY, cs: intent.client_secret ?? "", ...extra });
  await page.goto(`${harness.url}/?${query.toString()}`);
  // data-ready flips on the Payment Element's ready event, so this also proves that event reaches React.
  await expect(page.locator("form[data-ready='true']")).toBeVisible();
  return page.frameLocator("iframe[title='Secure payment input frame']");
}

async function fillCard(frame: FrameLocator, number: string): Promise<void> {
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill("12 / 34");
  await frame.getByLabel("Security code").fill("123");
  await frame.getByLabel("ZIP").fill("94107");
}

/** Collects what the merchant's page itself sends, to prove card data never leaves the card frame. */
function recordMainFrameRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request: Request) => {
    if (request.frame() === page.mainFrame()) sent.push(`${request.url()} ${request.postData() ?? ""}`);
  });
  return sent;
}

test("4242 pays: the PaymentIntent is authorized for a manual capture", async ({ page }) => {
  const intent = await createIntent();
  const sent = recordMainFrameRequests(page);
  const frame = await openCheckout(page, intent);

  await expect(frame.getByText("Test mode — payments are simulated by the Stripe double")).toBeVisible();
  await expect(frame.getByLabel("Card number")).toHaveAttribute("placeholder", "1234 1234 1234 1234");
  await expect(frame.locator("select[name='country']")).toHaveValue("US");
  await fillCard(frame, CARDS.visa);
  await expect(frame.getByLabel("Card number")).toHaveValue(CARDS.visa);
  await expect(page.locator("form[data-complete='true']")).toBeVisible();

  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");

  const stored = await stripe.paymentIntents.retrieve(intent.id);
  expect(stored.status).toBe("requires_capture");
  expect(stored.amount_capturable).toBe(4200);
  expect(stored.payment_method).toMatch(/^pm_/);
  // The frame merged the page's billing details with the country and ZIP it collected itself.
  const paymentMethod = await stripe.paymentMethods.retrieve(String(stored.payment_method));
  expect(paymentMethod.card?.last4).toBe("4242");
  expect(paymentMethod.billing_details.name).toBe("Ada Lovelace");
  expect(paymentMethod.billing_details.email).toBe("ada@example.com");
  expect(paymentMethod.billing_details.address?.country).toBe("US");
  expect(paymentMethod.billing_details.address?.postal_code).toBe("94107");
  const confirm = sent.find((line) => line.includes(`/v1/payment_intents/${intent.id}/confirm`));
  expect(confirm).toContain("https://api.stripe.com/");
  expect(confirm).toContain(`payment_method=${String(stored.payment_method)}`);
  expect(sent.join("\n")).not.toContain("4242424242424242");
});

test("9995 is declined with Stripe's message, and the same form then pays with 4242", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent);
  await fillCard(frame, CARDS.insufficientFunds);
  await page.getByRole("button", { name: "Pay" }).click();

  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Your card has insufficient funds.");
  await expect(alert).toHaveAttribute("data-code", "card_declined");
  await expect(alert).toHaveAttribute("data-type", "card_error");
  await expect(page.getByRole("button", { name: "Pay" })).toBeEnabled();
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_payment_method");

  await frame.getByLabel("Card number").fill(CARDS.visa);
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  await expect(page.getByRole("alert")).toHaveCount(0);
});

for (const [card, status] of [
  ["pm_card_visa", "requires_capture"],
  ["pm_card_visa", "succeeded"],
] as const) {
  test(`the Payment Element refuses to mount on a ${status} PaymentIntent (loaderror), retrievePaymentIntent still reads it`, async ({ page }) => {
    const intent = await stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      capture_method: status === "succeeded" ? "automatic" : "manual",
      payment_method: card,
      payment_method_types: ["card"],
      confirm: true,
    });
    expect(intent.status).toBe(status);
    const query = new URLSearchParams({ pk: PUBLISHABLE_KEY, cs: intent.client_secret ?? "" });
    await page.goto(`${harness.url}/?${query.toString()}`);
    const loadError = page.getByTestId("load-error");
    await expect(loadError).toHaveAttribute("data-code", "payment_intent_unexpected_state");
    await expect(loadError).toHaveAttribute("data-type", "invalid_request_error");
    await expect(loadError).toContainText(`status is ${status}`);
    await expect(page.getByTestId("retrieved-status")).toHaveText(status);
    // No card form: the element never became ready and its frame is hidden.
    await expect(page.locator("form")).toHaveAttribute("data-ready", "false");
    await expect(page.locator("iframe[title='Secure payment input frame']")).toBeHidden();
  });
}

test("3-D Secure: completing the challenge authorizes the payment", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent);
  await fillCard(frame, CARDS.threeDSecure);
  await page.getByRole("button", { name: "Pay" }).click();

  const challenge = page.frameLocator("iframe[title='3D Secure authentication']");
  await challenge.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  await expect(page.locator("iframe[title='3D Secure authentication']")).toHaveCount(0);
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_capture");
});

test("3-D Secure: a failed challenge reports Stripe's error, and a retry succeeds", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent);
  await fillCard(frame, CARDS.threeDSecure);
  await page.getByRole("button", { name: "Pay" }).click();

  const challenge = page.frameLocator("iframe[title='3D Secure authentication']");
  await challenge.getByRole("button", { name: "Fail authentication" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toHaveText(
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
  );
  await expect(alert).toHaveAttribute("data-code", "payment_intent_authentication_failure");
  await expect(page.locator("iframe[title='3D Secure authentication']")).toHaveCount(0);
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_payment_method");

  await page.getByRole("button", { name: "Pay" }).click();
  await challenge.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
});

// Saved cards with a CustomerSession (elements({ customerSessionClientSecret })).

async function customerWithSession(features: Record<string, string>): Promise<{ customer: string; session: string }> {
  const customer = await stripe.customers.create({ email: "saved@example.com" });
  return { customer: customer.id, session: await customerSession(customer.id, features) };
}

async function customerSession(customer: string, features: Record<string, string>): Promise<string> {
  const session = await stripe.customerSessions.create({
    customer,
    components: { payment_element: { enabled: true, features } },
  } as unknown as Stripe.CustomerSessionCreateParams);
  return session.client_secret;
}

const ALL_FEATURES = { payment_method_save: "enabled", payment_method_redisplay: "enabled", payment_method_remove: "enabled" };

test("saved cards: ticking save keeps the card, the next form shows it and pays with it, Remove detaches it", async ({ page }) => {
  const { customer, session } = await customerWithSession(ALL_FEATURES);
  const first = await stripe.paymentIntents.create({ amount: 4200, currency: "usd", capture_method: "manual", customer });
  let frame = await openCheckout(page, first, { cuss: session });
  await expect(frame.getByRole("group", { name: "Saved cards" })).toBeHidden();
  await fillCard(frame, CARDS.visa);
  await frame.getByLabel("Save this card for future purchases").check();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  const paid = await stripe.paymentIntents.retrieve(first.id);
  expect(paid.setup_future_usage).toBe("off_session");
  const saved = await stripe.paymentMethods.retrieve(String(paid.payment_method));
  expect(saved).toMatchObject({ customer, allow_redisplay: "always" });

  const second = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", capture_method: "manual", customer });
  frame = await openCheckout(page, second, { cuss: await customerSession(customer, ALL_FEATURES) });
  const list = frame.getByRole("group", { name: "Saved cards" });
  await expect(list.getByRole("radio", { name: /Visa •••• 4242, expires 12\/\d\d/ })).toBeChecked();
  await expect(frame.getByLabel("Card number")).toBeHidden();
  await expect(page.locator("form[data-complete='true']")).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  expect((await stripe.paymentIntents.retrieve(second.id)).payment_method).toBe(saved.id);

  const third = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", capture_method: "manual", customer });
  frame = await openCheckout(page, third, { cuss: await customerSession(customer, ALL_FEATURES) });
  await frame.getByRole("button", { name: "Remove Visa •••• 4242" }).click();
  await frame.getByRole("group", { name: "Remove Visa •••• 4242?" }).getByRole("button", { name: "Cancel" }).click();
  await frame.getByRole("button", { name: "Remove Visa •••• 4242" }).click();
  await frame.getByRole("button", { name: "Remove card" }).click();
  await expect(frame.getByRole("group", { name: "Saved cards" })).toBeHidden();
  await expect(frame.getByLabel("Card number")).toBeVisible();
  await expect.poll(async () => (await stripe.customers.listPaymentMethods(customer)).data.length).toBe(0);
});

test("saved cards: an unticked box saves nothing, and a session without save or remove offers neither", async ({ page }) => {
  const { customer, session } = await customerWithSession({ payment_method_redisplay: "enabled" });
  const intent = await stripe.paymentIntents.create({ amount: 4200, currency: "usd", capture_method: "manual", customer });
  const frame = await openCheckout(page, intent, { cuss: session });
  await expect(frame.getByLabel("Save this card for future purchases")).toBeHidden();
  await fillCard(frame, CARDS.visa);
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  expect((await stripe.customers.listPaymentMethods(customer)).data).toHaveLength(0);
});

test("saved cards: a saved 3-D Secure card is challenged again when it pays", async ({ page }) => {
  const { customer, session } = await customerWithSession(ALL_FEATURES);
  const first = await stripe.paymentIntents.create({ amount: 4200, currency: "usd", capture_method: "manual", customer });
  let frame = await openCheckout(page, first, { cuss: session });
  await fillCard(frame, CARDS.threeDSecure);
  await frame.getByLabel("Save this card for future purchases").check();
  await page.getByRole("button", { name: "Pay" }).click();
  await page.frameLocator("iframe[title='3D Secure authentication']").getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");

  const second = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", capture_method: "manual", customer });
  frame = await openCheckout(page, second, { cuss: await customerSession(customer, ALL_FEATURES) });
  await expect(frame.getByRole("radio", { name: /Visa •••• 3184/ })).toBeChecked();
  await page.getByRole("button", { name: "Pay" }).click();
  await page.frameLocator("iframe[title='3D Secure authentication']").getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
});

test("saved cards: a CustomerSession for another customer than the PaymentIntent's is a loaderror", async ({ page }) => {
  const { session } = await customerWithSession(ALL_FEATURES);
  const intent = await createIntent();
  const query = new URLSearchParams({ pk: PUBLISHABLE_KEY, cs: intent.client_secret ?? "", cuss: session });
  await page.goto(`${harness.url}/?${query.toString()}`);
  await expect(page.getByTestId("load-error")).toContainText("does not match the CustomerSession's customer");
});

test("an incomplete card number fails elements.submit() and nothing reaches the API", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent);
  await fillCard(frame, "4242 4242");
  await expect(page.locator("form[data-complete='false']")).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();

  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Your card number is incomplete.");
  await expect(alert).toHaveAttribute("data-type", "validation_error");
  await expect(alert).toHaveAttribute("data-code", "incomplete_number");
  // The frame shows the same message next to the field, as Stripe's form does.
  await expect(frame.getByText("Your card number is incomplete.")).toBeVisible();
  await expect(frame.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");

  const stored = await stripe.paymentIntents.retrieve(intent.id);
  expect(stored.status).toBe("requires_payment_method");
  expect(stored.payment_method).toBeNull();
});

test("inline validation speaks Stripe's messages", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent);
  await frame.getByLabel("Card number").fill("4242 4242 4242 4241");
  await expect(frame.getByText("Your card number is invalid.")).toBeVisible();
  await frame.getByLabel("Expiration date").fill("01 / 20");
  await expect(frame.getByText("Your card's expiration year is in the past.")).toBeVisible();
  await frame.getByLabel("Country").selectOption("GB");
  await expect(frame.getByLabel("ZIP")).toBeHidden();
});

test("redirect: 'always' goes to return_url with Stripe's query parameters", async ({ page }) => {
  const intent = await createIntent();
  const frame = await openCheckout(page, intent, { redirect: "always" });
  await fillCard(frame, CARDS.visa);
  await page.getByRole("button", { name: "Pay" }).click();

  await page.waitForURL(`${harness.url}/return?**`);
  await expect(page.locator("[data-param='payment_intent']")).toHaveText(intent.id);
  await expect(page.locator("[data-param='payment_intent_client_secret']")).toHaveText(intent.client_secret ?? "");
  await expect(page.locator("[data-param='redirect_status']")).toHaveText("succeeded");
});

test("loaded straight from the double (the offline demo), Stripe.js talks to the double's own URL", async ({ page }) => {
  const intent = await createIntent();
  const sent = recordMainFrameRequests(page);
  const frame = await openCheckout(page, intent, { stripejs: `${doubleUrl}/js/endive/stripe.js` });
  const frameSrc = await page.locator("iframe[title='Secure payment input frame']").getAttribute("src");
  expect(frameSrc?.startsWith(`${doubleUrl}/js/double/payment-element.html#`)).toBe(true);
  await fillCard(frame, CARDS.threeDSecure);
  await page.getByRole("button", { name: "Pay" }).click();
  await page
    .frameLocator("iframe[title='3D Secure authentication']")
    .getByRole("button", { name: "Complete authentication" })
    .click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  expect(sent.some((line) => line.startsWith(`${doubleUrl}/v1/payment_intents/${intent.id}/confirm`))).toBe(true);
  expect(sent.some((line) => line.includes("stripe.com"))).toBe(false);
});

test("unimplemented Stripe.js methods throw an IntegrationError", async ({ page }) => {
  const intent = await createIntent();
  await openCheckout(page, intent);
  const thrown = await page.evaluate(() => {
    const factory = (window as unknown as { Stripe: (key: string) => { confirmCardPayment: () => unknown } }).Stripe;
    try {
      factory("pk_test_browser_double").confirmCardPayment();
      return "nothing thrown";
    } catch (error) {
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  });
  expect(thrown).toBe("IntegrationError: stripe-double does not implement stripe.confirmCardPayment");
});

test("requests to other Stripe hosts are aborted and recorded as leaks", async ({ page }) => {
  const intent = await createIntent();
  await openCheckout(page, intent);
  const outcome = await page.evaluate(() =>
    fetch("https://m.stripe.network/inner.html").then(
      () => "reached",
      () => "blocked",
    ),
  );
  expect(outcome).toBe("blocked");
  expect(routes.leaks).toEqual(["GET https://m.stripe.network/inner.html"]);
  // This test provoked its leak on purpose; the afterEach check is for accidental ones.
  routes.leaks.length = 0;
});

// ---------------------------------------------------------------------------------------------------------------
// The Express Checkout Element (Google Pay), on the harness's wallet checkout (?flow=express)

const EXPRESS_BUTTON = "Pay with Google Pay";

async function openExpress(page: Page, extra: Record<string, string> = {}): Promise<FrameLocator> {
  const query = new URLSearchParams({ pk: PUBLISHABLE_KEY, flow: "express", ...extra });
  await page.goto(`${harness.url}/?${query.toString()}`);
  // data-ready flips on the Element's ready event.
  await expect(page.getByRole("region", { name: "Express checkout" })).toHaveAttribute("data-ready", "true");
  return page.frameLocator("iframe[title='Secure express checkout frame']");
}

async function openSheet(page: Page, buttons: FrameLocator): Promise<FrameLocator> {
  await buttons.getByRole("button", { name: EXPRESS_BUTTON }).click();
  const sheet = page.frameLocator("iframe[title='Google Pay']");
  await expect(sheet.getByRole("dialog", { name: "Google Pay" })).toBeVisible();
  return sheet;
}

/** The events the harness logged, in order, with their payloads. */
async function loggedEvents(page: Page): Promise<{ type: string; payload: unknown }[]> {
  return page.locator("[data-event]").evaluateAll((items) =>
    items.map((item) => ({ type: item.getAttribute("data-event") ?? "", payload: JSON.parse(item.textContent ?? "null") as unknown })),
  );
}

async function latestIntent(): Promise<Stripe.PaymentIntent> {
  const { data } = await stripe.paymentIntents.list({ limit: 1 });
  const intent = data[0];
  if (!intent) throw new Error("no PaymentIntent was created");
  return intent;
}

test("Google Pay in EUR: events in Stripe's order, the wallet's card authorizes the PaymentIntent created after the sheet", async ({ page }) => {
  const sent = recordMainFrameRequests(page);
  const buttons = await openExpress(page);
  await expect(page.getByTestId("available")).toHaveText(
    JSON.stringify({ amazonPay: false, applePay: false, googlePay: true, link: false, paypal: false, klarna: false }),
  );
  const sheet = await openSheet(page, buttons);

  // The test profile, editable: contact, a US address (so the international rate), the saved cards.
  await expect(sheet.getByText("Test mode — a simulated wallet from the Stripe double")).toBeVisible();
  await expect(sheet.getByText("Pay Harness Socks")).toBeVisible();
  await expect(sheet.getByLabel("Email")).toHaveValue("jenny.rosen@example.com");
  await expect(sheet.getByLabel("Phone number")).toHaveValue("+1 415 555 0132");
  await expect(sheet.getByLabel("Full name")).toHaveValue("Jenny Rosen");
  await expect(sheet.getByLabel("Country")).toHaveValue("US");
  await expect(sheet.getByRole("radio", { name: /International/ })).toBeChecked();
  await expect(sheet.getByRole("radio", { name: "Visa •••• 4242" })).toBeChecked();
  await expect(sheet.getByLabel("Total")).toHaveText("€35.00");
  await expect(sheet.getByText("Wool socks × 2")).toBeVisible();
  await expect(sheet.getByText("Shipping: International")).toBeVisible();

  await sheet.getByRole("button", { name: "Pay €35.00" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);

  const events = await loggedEvents(page);
  expect(events.map((event) => event.type)).toEqual(["ready", "click", "shippingaddresschange", "confirm"]);
  // Before the shopper pays, the merchant sees a redacted address only.
  expect(events[2]?.payload).toEqual({
    name: "Jenny Rosen",
    address: { city: "San Francisco", state: "CA", postal_code: "94103", country: "US" },
  });
  expect(events[3]?.payload).toEqual({
    expressPaymentType: "google_pay",
    billingDetails: {
      name: "Jenny Rosen",
      email: "jenny.rosen@example.com",
      phone: "+1 415 555 0132",
      // The click handler asked for contact and shipping details, the Element's create options for none of them:
      // Stripe's default then collects the billing address too (the wallet card's).
      address: { line1: "510 Townsend St", line2: null, city: "San Francisco", state: "CA", postal_code: "94103", country: "US" },
    },
    shippingAddress: {
      name: "Jenny Rosen",
      address: { line1: "510 Townsend St", line2: null, city: "San Francisco", state: "CA", postal_code: "94103", country: "US" },
    },
    shippingRate: { id: "international", displayName: "International", amount: 1500 },
  });

  const intent = await latestIntent();
  expect(intent).toMatchObject({ amount: 3500, currency: "eur", status: "requires_capture", amount_capturable: 3500 });
  const paymentMethod = await stripe.paymentMethods.retrieve(String(intent.payment_method));
  expect(paymentMethod.card?.wallet?.type).toBe("google_pay");
  expect(paymentMethod.card?.last4).toBe("4242");
  expect(paymentMethod.billing_details.email).toBe("jenny.rosen@example.com");
  const charge = await stripe.charges.retrieve(String(intent.latest_charge));
  expect(charge.payment_method_details?.card?.wallet?.type).toBe("google_pay");
  // The same state machine as card payments, with its events.
  const eventTypes = (await stripe.events.list({ limit: 10 })).data.filter((event) => JSON.stringify(event.data.object).includes(intent.id)).map((event) => event.type);
  expect(eventTypes).toEqual(expect.arrayContaining(["payment_intent.created", "charge.succeeded", "payment_intent.amount_capturable_updated"]));

  // The merchant's page confirmed with a PaymentMethod id; the card never reached it.
  const confirm = sent.find((line) => line.includes(`/v1/payment_intents/${intent.id}/confirm`));
  expect(confirm).toContain(`payment_method=${paymentMethod.id}`);
  expect(sent.join("\n")).not.toMatch(/4242424242424242|card%5Bnumber%5D|tok_/);
});

test("Google Pay in JPY (zero-decimal): the sheet and the PaymentIntent count whole yen", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page, { currency: "jpy" }));
  await expect(sheet.getByLabel("Total")).toHaveText("¥6,000");
  await expect(sheet.getByText("¥4,500")).toBeVisible();
  await expect(sheet.getByRole("radio", { name: "International — ¥1,500" })).toBeChecked();
  await sheet.getByRole("button", { name: "Pay ¥6,000" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  expect(await latestIntent()).toMatchObject({ amount: 6000, currency: "jpy", status: "requires_capture" });
});

test("a new address gets new rates and a new amount (elements.update) in the sheet, and so does another rate", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page));
  await expect(sheet.getByLabel("Total")).toHaveText("€35.00");

  await sheet.getByLabel("Address line 1").fill("Unter den Linden 1");
  await sheet.getByLabel("City").fill("Berlin");
  await sheet.getByLabel("State / Province").fill("");
  await sheet.getByLabel("Postal code").fill("10115");
  await sheet.getByLabel("Country").selectOption("DE");
  await expect(sheet.getByRole("radio", { name: /^Standard — €4\.90/ })).toBeChecked();
  await expect(sheet.getByRole("radio", { name: /^Express — €12\.00/ })).not.toBeChecked();
  await expect(sheet.getByText("2–4 business days")).toBeVisible();
  await expect(sheet.getByLabel("Total")).toHaveText("€24.90");

  await sheet.getByRole("radio", { name: /^Express/ }).check();
  await expect(sheet.getByLabel("Total")).toHaveText("€32.00");
  await expect(sheet.getByText("Shipping: Express")).toBeVisible();

  await sheet.getByRole("button", { name: "Pay €32.00" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  expect(await latestIntent()).toMatchObject({ amount: 3200, currency: "eur" });

  const events = await loggedEvents(page);
  const addressEvents = events.filter((event) => event.type === "shippingaddresschange");
  expect(addressEvents.at(-1)?.payload).toEqual({
    name: "Jenny Rosen",
    address: { city: "Berlin", state: "", postal_code: "10115", country: "DE" },
  });
  expect(events.filter((event) => event.type === "shippingratechange").map((event) => event.payload)).toEqual([
    { shippingRate: { id: "express", displayName: "Express", amount: 1200, deliveryEstimate: { maximum: { unit: "business_day", value: 1 } } } },
  ]);
  expect(events.at(-1)).toMatchObject({
    type: "confirm",
    payload: {
      shippingAddress: { address: { line1: "Unter den Linden 1", city: "Berlin", postal_code: "10115", country: "DE" } },
      shippingRate: { id: "express", amount: 1200 },
    },
  });
});

test("an address the merchant rejects is shown in the sheet, and paying waits for one it accepts", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page, { rejectCountry: "GB" }));
  await sheet.getByLabel("Country").selectOption("GB");
  await expect(sheet.getByRole("alert")).toHaveText("This address can't be shipped to. Choose another address.");
  await expect(sheet.getByRole("button", { name: /^Pay/ })).toBeDisabled();

  await sheet.getByLabel("Country").selectOption("FR");
  await expect(sheet.getByRole("alert")).toHaveCount(0);
  await expect(sheet.getByLabel("Total")).toHaveText("€24.90");
  await expect(sheet.getByRole("button", { name: "Pay €24.90" })).toBeEnabled();
});

test("a click handler that does not resolve within 1 second gets Stripe.js's warning, and no sheet opens", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  const buttons = await openExpress(page, { clickDelayMs: "1500" });
  await buttons.getByRole("button", { name: EXPRESS_BUTTON }).click();
  await expect(page.locator("[data-event='click resolved late']")).toHaveCount(1);
  expect(warnings).toContain(
    '[Stripe.js] Timed out waiting for a call to resolve(). If you listen to the "click" event, then you must call event.resolve in the "click" handler within 1 second.',
  );
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
});

test("Cancel closes the sheet and fires cancel; the button opens a new sheet afterwards", async ({ page }) => {
  const buttons = await openExpress(page);
  const sheet = await openSheet(page, buttons);
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
  expect((await loggedEvents(page)).map((event) => event.type)).toEqual(["ready", "click", "shippingaddresschange", "cancel"]);

  const again = await openSheet(page, buttons);
  await expect(again.getByLabel("Total")).toHaveText("€35.00");
  // The sheet takes the focus as it opens, as Google's does, so Escape reaches it.
  await expect(again.getByRole("heading", { level: 1, name: "Google Pay" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
  expect((await loggedEvents(page)).filter((event) => event.type === "cancel")).toHaveLength(2);
});

test("a declined wallet card: the merchant gets Stripe's decline, paymentFailed shows it in the sheet, another card pays", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page));
  await sheet.getByRole("radio", { name: "Visa •••• 9995" }).check();
  await sheet.getByRole("button", { name: "Pay €35.00" }).click();

  const alert = page.getByRole("alert");
  await expect(alert).toHaveText("Your card has insufficient funds.");
  await expect(alert).toHaveAttribute("data-code", "card_declined");
  await expect(alert).toHaveAttribute("data-type", "card_error");
  await expect(sheet.getByRole("alert")).toHaveText("Your card has insufficient funds.");
  const declined = await latestIntent();
  expect(declined.status).toBe("requires_payment_method");
  expect(declined.last_payment_error?.decline_code).toBe("insufficient_funds");

  await sheet.getByRole("radio", { name: "Visa •••• 4242" }).check();
  await sheet.getByRole("button", { name: "Pay €35.00" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
  expect((await loggedEvents(page)).filter((event) => event.type === "confirm")).toHaveLength(2);
});

test("line items above the Elements amount: resolve() throws Stripe.js's IntegrationError and the wallet keeps waiting", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page, { skipAmountUpdate: "1" }));
  // 2000 of socks + 1500 international shipping, but the amount is still 2490.
  await expect(page.getByTestId("thrown")).toHaveText("IntegrationError: The amount 2490 is less than the total amount of the line items provided.");
  await expect(sheet.getByRole("status")).toHaveText("Checking the shipping address…");
  await expect(sheet.getByRole("button", { name: /^Pay/ })).toBeDisabled();
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
});

test("a PaymentIntent for another amount than the wallet showed is refused, nothing is confirmed", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page, { amountOffset: "100" }));
  await sheet.getByRole("button", { name: "Pay €35.00" }).click();
  const message =
    "The PaymentIntent's amount (3600 eur) does not match the amount the customer approved in the Express Checkout Element (3500 eur). Create the PaymentIntent for the Elements amount, and call elements.update({ amount }) before resolving the event that changed it.";
  await expect(page.getByRole("alert")).toHaveText(message);
  await expect(page.getByRole("alert")).toHaveAttribute("data-type", "invalid_request_error");
  await expect(sheet.getByRole("alert")).toHaveText(message);
  const intent = await latestIntent();
  expect(intent).toMatchObject({ amount: 3600, status: "requires_payment_method", payment_method: null, latest_charge: null });
});

for (const captureMethod of ["automatic", "default"]) {
  test(`Elements with captureMethod ${captureMethod} cannot confirm a manual-capture PaymentIntent: refused, nothing confirmed`, async ({ page }) => {
    const sheet = await openSheet(page, await openExpress(page, { captureMethod }));
    await sheet.getByRole("button", { name: "Pay €35.00" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toHaveText(
      'The PaymentIntent\'s capture_method (manual) does not match the captureMethod Elements was created with (automatic). Pass captureMethod: "manual" to stripe.elements() (or elements.update()), or create the PaymentIntent with capture_method: "automatic".',
    );
    await expect(alert).toHaveAttribute("data-type", "invalid_request_error");
    const intent = await latestIntent();
    expect(intent).toMatchObject({ amount: 3500, capture_method: "manual", status: "requires_payment_method", payment_method: null, latest_charge: null });
  });
}

test("3-D Secure asked for by the PaymentIntent: the wallet closes and the challenge follows", async ({ page }) => {
  const sheet = await openSheet(page, await openExpress(page, { threeDSecure: "1" }));
  await sheet.getByRole("button", { name: "Pay €35.00" }).click();
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
  await page.frameLocator("iframe[title='3D Secure authentication']").getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByTestId("status")).toHaveText("requires_capture");
});

test("unimplemented Express Checkout and deferred-Elements options throw an IntegrationError naming them", async ({ page }) => {
  await openExpress(page);
  const thrown = await page.evaluate(() => {
    type Factory = (key: string) => { elements: (options: Record<string, unknown>) => { create: (type: string, options?: Record<string, unknown>) => { on: (type: string, handler: () => void) => unknown } } };
    const factory = (window as unknown as { Stripe: Factory }).Stripe;
    const stripeJs = factory("pk_test_browser_double");
    const attempts: (() => unknown)[] = [
      () => stripeJs.elements({ mode: "payment", amount: 1000, currency: "eur" }).create("expressCheckout", { applePay: {} }),
      () => stripeJs.elements({ mode: "payment", amount: 1000, currency: "eur" }).create("expressCheckout").on("change", () => undefined),
      () => stripeJs.elements({ mode: "payment", amount: 1000, currency: "eur", captureMethod: "later" }),
      () => stripeJs.elements({ mode: "setup", currency: "eur" }),
      () => stripeJs.elements({ mode: "payment", amount: 10.5, currency: "eur" }),
      () => stripeJs.elements({ mode: "payment", amount: 1000, currency: "EUR" }),
      () => stripeJs.elements({ clientSecret: "pi_123_secret_456" }).create("expressCheckout"),
    ];
    return attempts.map((attempt) => {
      try {
        attempt();
        return "nothing thrown";
      } catch (error) {
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    });
  });
  expect(thrown).toEqual([
    "IntegrationError: stripe-double does not implement the Express Checkout Element option applePay (the double offers Google Pay only)",
    'IntegrationError: stripe-double does not implement the Express Checkout Element event "change"',
    'IntegrationError: Invalid value for elements(): captureMethod should be one of the following strings: automatic, automatic_async, manual. You specified: "later".',
    'IntegrationError: stripe-double does not implement elements({ mode: "setup" }) (only "payment")',
    "IntegrationError: Invalid value for elements(): amount should be a positive integer in the currency's smallest unit (e.g. 1099 for €10.99, 1099 for ¥1,099). You specified: 10.5.",
    'IntegrationError: Invalid value for elements(): currency should be a three-letter ISO currency code in lowercase (e.g. "eur"). You specified: "EUR".',
    'IntegrationError: stripe-double does not implement the Express Checkout Element on an Elements group without mode (create the group with elements({ mode: "payment", amount, currency }))',
  ]);
});
