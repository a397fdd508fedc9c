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
  harness = await startHarness();
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
