import type Medusa from "@medusajs/js-sdk";
import type { Page } from "@playwright/test";
import {
  adminSdk,
  confirmAsBrowser,
  eventually,
  orderPlacedByApi,
  ordersFor,
  retrievePaymentIntent,
  stack,
  stripeSession,
  storeSdk,
  toMinorUnits,
} from "@medusa-stripe-checkout/test-support/stack";
import { expect, test } from "./support/fixtures";
import {
  CARDS,
  addToCart,
  cartCookie,
  checkoutUntilPayment,
  chooseDelivery,
  expectCardFormReady,
  expectConfirmation,
  fillCard,
  paymentNotice,
  placeOrderButton,
  statedTotal,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";

/**
 * Paid means ordered: whatever the shopper does after paying (reload, a lost answer, a second tab, a bank's page
 * that sends them back late, twice or with a made-up status), opening the checkout, the cart or the return URL
 * lands on the truthful page, derived from Medusa and Stripe.
 */

let admin: Medusa;
const store = storeSdk();
test.beforeAll(async () => {
  admin = await adminSdk();
});

const NOT_PAID = "Not paid — nothing was charged.";
const CARD_FORM = 'iframe[title="Secure payment input frame"]';

/** The shopper's cart (from the browser's cookie) and the PaymentIntent its card form is for, read from Medusa. */
async function currentPayment(page: Page) {
  const cartId = await cartCookie(page);
  if (!cartId) throw new Error("the browser holds no cart");
  const { cart } = await store.store.cart.retrieve(cartId, {
    fields: "id,total,currency_code,*payment_collection,*payment_collection.payment_sessions",
  });
  return { cartId, cart, paymentIntent: stripeSession(cart).paymentIntent };
}

/** Where Stripe sends the shopper back, with the parameters it adds (the status being only a claim). */
function returnUrl(cartId: string, paymentIntent: { id: string; client_secret: string }, redirectStatus: string): string {
  const query = new URLSearchParams({
    cart_id: cartId,
    payment_intent: paymentIntent.id,
    payment_intent_client_secret: paymentIntent.client_secret,
    redirect_status: redirectStatus,
  });
  return `/checkout/return?${query.toString()}`;
}

async function expectExactlyOneOrder(email: string, orderId: string): Promise<void> {
  expect((await ordersFor(admin, email)).map((order) => order.id)).toEqual([orderId]);
}

/** The confirmation is shown, then the cookie forgets the cart: the next visit to the cart is a new, empty one. */
async function expectCartForgotten(page: Page): Promise<void> {
  await expect.poll(() => cartCookie(page)).toBeUndefined();
  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
}

test("the place-order answer is lost after the server placed the order: a reload shows the confirmation", async ({ page }) => {
  const email = uniqueEmail("lost-answer");
  await checkoutUntilPayment(page, email);
  const { cartId } = await currentPayment(page);

  // Let the place-order request (the server action posted after Stripe confirmed) reach the server, then lose
  // its answer, as a network blip or a closed laptop lid would.
  let stripeConfirmed = false;
  let lostAnswers = 0;
  page.on("request", (request) => {
    if (/\/v1\/payment_intents\/[^/]+\/confirm$/.test(new URL(request.url()).pathname)) stripeConfirmed = true;
  });
  await page.route("**/checkout**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"] || !stripeConfirmed) return route.continue();
    await route.fetch();
    lostAnswers++;
    await route.abort("connectionreset");
  });

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expect(page.getByRole("form", { name: "Payment" }).getByRole("alert")).toContainText("We could not reach the store");
  expect(lostAnswers).toBe(1);
  await page.unroute("**/checkout**");
  expect(await cartCookie(page)).toBe(cartId);

  await page.reload();
  const orderId = await expectConfirmation(page);
  await expectExactlyOneOrder(email, orderId);
  await expectCartForgotten(page);
});

test("the webhook placed the order before the shopper came back: the cart shows that order's confirmation, not an empty cart", async ({ page }) => {
  const email = uniqueEmail("webhook-first");
  await checkoutUntilPayment(page, email);
  const { paymentIntent } = await currentPayment(page);

  // The shopper pays (Stripe.js confirms) and closes the tab before the storefront places the order.
  expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });
  const [webhookOrder] = await eventually(async () => {
    const orders = await ordersFor(admin, email);
    return orders.length > 0 ? orders : undefined;
  }, "Stripe's webhook to have placed the order");

  await page.goto("/cart");
  expect(await expectConfirmation(page)).toBe(webhookOrder?.id);
  await expectExactlyOneOrder(email, webhookOrder?.id ?? "");
  await expectCartForgotten(page);
});

test("an earlier order's confirmation, opened again, leaves the shopper's new cart alone", async ({ page }) => {
  const earlierOrderId = await orderPlacedByApi("earlier-order");
  await addToCart(page);
  const cartId = await cartCookie(page);
  await page.goto(`/order/${earlierOrderId}/confirmed`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  expect(await cartCookie(page)).toBe(cartId);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Cart, 1 item" })).toBeVisible();
});

test("a reload between payment and completion places the order and shows the confirmation, with no card form", async ({ page }) => {
  const email = uniqueEmail("reload-paid");
  await checkoutUntilPayment(page, email);
  const { cart, paymentIntent } = await currentPayment(page);
  expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

  // At once, well within the webhook's delay: the storefront must find out from Stripe itself.
  const cardForms: string[] = [];
  page.on("frameattached", (frame) => cardForms.push(frame.url()));
  const response = await page.goto("/checkout");
  const orderId = await expectConfirmation(page);
  expect(response?.request().redirectedFrom()?.url()).toMatch(/\/checkout$/);
  await expect(page.locator(CARD_FORM)).toHaveCount(0);
  expect(cardForms.filter((url) => url.includes("payment-element"))).toEqual([]);

  await expectExactlyOneOrder(email, orderId);
  const intent = await retrievePaymentIntent(paymentIntent.id);
  expect(intent.status).toBe("requires_capture");
  expect(intent.amount).toBe(toMinorUnits(cart.total, cart.currency_code));
  await expectCartForgotten(page);
});

test("a second tab started a new payment: the first tab's card form notices before confirming, and the new amount is paid once", async ({ page, context }) => {
  const email = uniqueEmail("replaced");
  await checkoutUntilPayment(page, email, { delivery: "Standard delivery" });
  const oldTotal = await statedTotal(page);
  const { paymentIntent: first } = await currentPayment(page);

  // The other tab changes delivery, and its card form prepares a new payment session: the first PaymentIntent canceled.
  const otherTab = await context.newPage();
  await otherTab.goto("/checkout");
  await chooseDelivery(otherTab, "Express delivery");
  await expectCardFormReady(otherTab);
  const { paymentIntent: second } = await currentPayment(otherTab);
  expect(second.id).not.toBe(first.id);
  await otherTab.close();

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expect(paymentNotice(page)).toContainText("restarted in another tab");
  await expect(placeOrderButton(page)).not.toContainText(oldTotal);
  const newTotal = await statedTotal(page);
  await expect(paymentNotice(page)).toContainText(newTotal);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  await expectExactlyOneOrder(email, orderId);
  expect((await retrievePaymentIntent(first.id)).status).toBe("canceled");
  const paid = await retrievePaymentIntent(second.id);
  expect(paid.status).toBe("requires_capture");
  const { order } = await admin.admin.order.retrieve(orderId, { fields: "id,total,currency_code" });
  expect(paid.amount).toBe(toMinorUnits(order.total, order.currency_code));
});

test("a card form left open after the same payment was made in another tab: pressing pay leads to that order, nothing is charged twice", async ({ page }) => {
  const email = uniqueEmail("paid-elsewhere");
  await checkoutUntilPayment(page, email);
  const { paymentIntent } = await currentPayment(page);
  // Another tab (here: Stripe.js in it) paid this very PaymentIntent; this tab still shows the card form.
  expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

  const confirms: string[] = [];
  page.on("request", (request) => {
    if (/\/confirm$/.test(new URL(request.url()).pathname)) confirms.push(request.url());
  });
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);
  expect(confirms, "no second confirmation was sent to Stripe").toEqual([]);
  await expectExactlyOneOrder(email, orderId);
});

/** The double's test controls for asynchronous payments: the bank has not answered yet, then it does. */
async function holdProcessing(paymentIntentId: string): Promise<void> {
  const response = await fetch(`${stack.stripe.doubleUrl}/_double/payment_intents/processing`, {
    method: "POST",
    body: new URLSearchParams({ payment_intent: paymentIntentId }),
  });
  expect(response.status).toBe(200);
}

async function settleProcessing(paymentIntentId: string, outcome: "succeeded" | "failed"): Promise<void> {
  const response = await fetch(`${stack.stripe.doubleUrl}/_double/payment_intents/settle`, {
    method: "POST",
    body: new URLSearchParams({ payment_intent: paymentIntentId, outcome }),
  });
  expect(response.status).toBe(200);
}

test.describe("Stripe reports the payment as processing", () => {
  test("checkout and the cart say 'we are confirming your payment', and the page turns into the confirmation by itself", async ({ page }) => {
    const email = uniqueEmail("processing-ok");
    await checkoutUntilPayment(page, email);
    const { paymentIntent } = await currentPayment(page);
    await holdProcessing(paymentIntent.id);

    await page.goto("/cart");
    await expect(page).toHaveURL(/\/checkout$/);
    const confirming = page.locator('[data-payment-state="confirming"]');
    await expect(confirming).toContainText("We are confirming your payment");
    await expect(confirming).toContainText("Your payment is safe — your order is being placed");
    await expect(page.locator(CARD_FORM)).toHaveCount(0);
    expect(await ordersFor(admin, email)).toHaveLength(0);

    await settleProcessing(paymentIntent.id, "succeeded");
    const orderId = await expectConfirmation(page);
    await expectExactlyOneOrder(email, orderId);
  });

  test("a processing payment that fails: the confirming state gives way to paying again, and nothing was ordered", async ({ page }) => {
    const email = uniqueEmail("processing-failed");
    await checkoutUntilPayment(page, email);
    const { paymentIntent } = await currentPayment(page);
    await holdProcessing(paymentIntent.id);
    await page.goto("/checkout");
    await expect(page.locator('[data-payment-state="confirming"]')).toBeVisible();

    await settleProcessing(paymentIntent.id, "failed");
    await expect(page.locator('[data-payment-state="confirming"]')).toHaveCount(0, { timeout: 30_000 });
    await expect(placeOrderButton(page)).toBeVisible();
    expect(await ordersFor(admin, email)).toHaveLength(0);
  });
});

test.describe("coming back from the bank's page (/checkout/return)", () => {
  test("redirect_status=succeeded for a paid PaymentIntent: the confirmation; the same return again: the same order", async ({ page }) => {
    const email = uniqueEmail("return-ok");
    await checkoutUntilPayment(page, email);
    const { cartId, paymentIntent } = await currentPayment(page);
    expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    await page.goto(returnUrl(cartId, paymentIntent, "succeeded"));
    const orderId = await expectConfirmation(page);
    await expect.poll(() => cartCookie(page)).toBeUndefined();

    // Late or twice (a second tab, the back button): still that order, never a second one.
    await page.goto(returnUrl(cartId, paymentIntent, "succeeded"));
    expect(await expectConfirmation(page)).toBe(orderId);
    await expectExactlyOneOrder(email, orderId);
  });

  test("redirect_status=processing while the payment is in fact authorized: the status is only a claim, the order is placed", async ({ page }) => {
    const email = uniqueEmail("return-processing");
    await checkoutUntilPayment(page, email);
    const { cartId, paymentIntent } = await currentPayment(page);
    expect((await confirmAsBrowser(paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    await page.goto(returnUrl(cartId, paymentIntent, "processing"));
    await expectExactlyOneOrder(email, await expectConfirmation(page));
  });

  for (const redirectStatus of ["failed", "requires_payment_method"]) {
    test(`redirect_status=${redirectStatus} after a failed 3-D Secure challenge: "not paid, nothing charged" and a usable card form`, async ({ page }) => {
      const email = uniqueEmail(`return-${redirectStatus}`);
      await checkoutUntilPayment(page, email);
      const { cartId, paymentIntent } = await currentPayment(page);
      const challenged = await confirmAsBrowser(paymentIntent, "pm_card_threeDSecure2Required");
      expect(challenged.body).toMatchObject({ status: "requires_action" });
      await failThreeDSecure(paymentIntent);

      await page.goto(returnUrl(cartId, paymentIntent, redirectStatus));
      await expect(page).toHaveURL(/\/checkout\?payment=failed$/);
      await expect(page.getByRole("alert").filter({ hasText: NOT_PAID })).toBeVisible();
      await expect(placeOrderButton(page)).toBeEnabled();
      expect(await ordersFor(admin, email)).toHaveLength(0);

      await fillCard(page, CARDS.pays);
      await placeOrderButton(page).click();
      await expectExactlyOneOrder(email, await expectConfirmation(page));
    });
  }

  test("a forged redirect_status=succeeded for an unpaid PaymentIntent: not paid, no order, the card form", async ({ page }) => {
    const email = uniqueEmail("return-forged");
    await checkoutUntilPayment(page, email);
    const { cartId, paymentIntent } = await currentPayment(page);

    await page.goto(returnUrl(cartId, paymentIntent, "succeeded"));
    await expect(page).toHaveURL(/\/checkout\?payment=failed$/);
    await expect(page.getByRole("alert").filter({ hasText: NOT_PAID })).toBeVisible();
    await expect(placeOrderButton(page)).toBeEnabled();
    expect(await ordersFor(admin, email)).toHaveLength(0);
    expect((await retrievePaymentIntent(paymentIntent.id)).status).toBe("requires_payment_method");
  });

  test("a return naming another shopper's cart does nothing to it and shows nothing of it", async ({ page, browser }) => {
    // The other shopper has paid; their order is still being placed.
    const victimEmail = uniqueEmail("return-victim");
    await checkoutUntilPayment(page, victimEmail);
    const victim = await currentPayment(page);
    expect((await confirmAsBrowser(victim.paymentIntent, "pm_card_visa")).body).toMatchObject({ status: "requires_capture" });

    // This browser has no cookie for that cart, and only the PaymentIntent id (not its client secret).
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    try {
      const forged = { id: victim.paymentIntent.id, client_secret: `${victim.paymentIntent.id}_secret_forged` };
      await strangerPage.goto(returnUrl(victim.cartId, forged, "succeeded"));
      await expect(strangerPage).toHaveURL(/\/cart\?payment=not-recognised$/);
      await expect(strangerPage.getByRole("alert").filter({ hasText: "We could not match this payment to a cart in this browser" })).toBeVisible();
      await expect(strangerPage.getByText(victimEmail)).toHaveCount(0);
      expect(await cartCookie(strangerPage)).toBeUndefined();
    } finally {
      await stranger.close();
    }

    // The rightful shopper's own page is unaffected: their reload places their order.
    await page.goto("/checkout");
    await expectExactlyOneOrder(victimEmail, await expectConfirmation(page));
  });
});

/** Answers the 3-D Secure challenge "fail", as the shopper's click on the bank's page would. */
async function failThreeDSecure(paymentIntent: { id: string; client_secret: string }): Promise<void> {
  const response = await fetch(`${stack.stripe.doubleUrl}/hooks/3ds/${paymentIntent.id}`, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_secret: paymentIntent.client_secret, result: "fail" }),
  });
  expect(response.ok).toBe(true);
  expect((await retrievePaymentIntent(paymentIntent.id)).status).toBe("requires_payment_method");
}
