import type Medusa from "@medusajs/js-sdk";
import type { Page } from "@playwright/test";
import { adminSdk, cartReadyForPayment, confirmAsBrowser, initiateStripeSession, productWithStock, shopperEmail, storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import { checkPaymentInvariant, paymentIntentIdsIn, type InvariantScope } from "@medusa-stripe-checkout/test-support/invariant";
import { PROXY_CONTROL_PORT } from "./faults.config";
import { expect, test } from "./support/fixtures";
import {
  ADDRESSES,
  addToCart,
  CARDS,
  cartCookie,
  checkoutUntilPayment,
  chooseDelivery,
  expectCardFormReady,
  expectConfirmation,
  fillCard,
  fillContactAndAddress,
  placeOrderButton,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";

/**
 * Faults a shopper meets in the browser, against this suite's own production storefront whose backend sits behind
 * a switchable proxy (see faults.config.ts). Each case that touches money ends with the invariant: every held
 * payment has exactly one order for its amount, every order its payment.
 */

const NOT_ANSWERING = "The store is not answering right now. Nothing you entered was lost — please try again in a moment.";

let admin: Medusa;
const store = storeSdk();
test.beforeAll(async () => {
  admin = await adminSdk();
});

async function backend(mode: "pass" | "refuse" | "hang"): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${PROXY_CONTROL_PORT}/mode/${mode}`, { method: "POST" });
  expect(response.ok).toBe(true);
}

test.afterEach(async () => {
  await backend("pass");
});

async function expectInvariant(scope: InvariantScope): Promise<void> {
  const report = await checkPaymentInvariant(admin, store, scope);
  expect(report.violations).toEqual([]);
}

/** Every PaymentIntent the page asked Stripe about, for the invariant's scope. */
function recordPaymentIntents(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname === "api.stripe.com") seen.push(...paymentIntentIdsIn(request.url()));
  });
  return seen;
}

test.describe("cart cookies that cannot be used", () => {
  for (const [label, value] of [
    ["is not a cart id at all", "garbage%3Cscript%3E"],
    ["names a cart that does not exist", "cart_01AAAAAAAAAAAAAAAAAAAAAAAA"],
  ] as const) {
    test(`a cart cookie that ${label}: an empty cart, no error page, and adding starts a fresh cart`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "cart_id", value, url: baseURL ?? "" }]);
      for (const path of ["/", "/cart", "/checkout"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(500);
      }
      await page.goto("/cart");
      await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
      await addToCart(page);
      expect(await cartCookie(page)).toMatch(/^cart_/);
      expect(await cartCookie(page)).not.toBe(value);
    });
  }

  test("a cart cookie naming a cart that became an order: that order's confirmation, then an empty cart, and adding starts a new one", async ({ page, context, baseURL }) => {
    const email = shopperEmail("completed-cookie");
    // A product of its own: the shared ones' stock is used up by every suite on the stack.
    const product = await productWithStock(admin, 5);
    const ready = await cartReadyForPayment(store, email, { productHandle: product.handle });
    const { paymentIntent } = await initiateStripeSession(store, ready.id);
    await confirmAsBrowser(paymentIntent, "pm_card_visa");
    expect((await store.store.cart.complete(ready.id)).type).toBe("order");

    await context.addCookies([{ name: "cart_id", value: ready.id, url: baseURL ?? "" }]);
    await page.goto("/cart");
    // The shopper may never have seen that order's confirmation (a lost answer, a closed tab): it comes first,
    // and once it is on screen the cookie forgets the cart.
    await expectConfirmation(page);
    await expect.poll(() => cartCookie(page)).toBeUndefined();
    await page.goto("/cart");
    await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
    await addToCart(page);
    expect(await cartCookie(page)).not.toBe(ready.id);
    await expectInvariant({ emails: [email], cartIds: [ready.id], paymentIntentIds: [paymentIntent.id] });
  });
});

test("back after the order: the completed cart is not shown again, and shopping on starts a new cart", async ({ page }) => {
  const email = uniqueEmail("back");
  const intents = recordPaymentIntents(page);
  await checkoutUntilPayment(page, email);
  const paidCart = await cartCookie(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);

  await page.goBack();
  // Whatever step the history entry was, the paid cart is gone: checkout has nothing to pay for.
  await expect(page.getByRole("button", { name: /^Place order and pay / })).toHaveCount(0);
  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
  await addToCart(page);
  expect(await cartCookie(page)).not.toBe(paidCart);
  await expectInvariant({ emails: [email], cartIds: paidCart ? [paidCart] : [], paymentIntentIds: intents });
});

test("a double click on the pay button places one order", async ({ page }) => {
  const email = uniqueEmail("double-click");
  const intents = recordPaymentIntents(page);
  await checkoutUntilPayment(page, email);
  const cartId = await cartCookie(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).dblclick();
  await expectConfirmation(page);
  const report = await checkPaymentInvariant(admin, store, { emails: [email], cartIds: cartId ? [cartId] : [], paymentIntentIds: intents });
  expect(report.orders).toHaveLength(1);
  expect(report.violations).toEqual([]);
});

test("Stripe.js fails to load: a message and a retry that brings the card form, then the order is placed", async ({ page }) => {
  const email = uniqueEmail("no-stripe-js");
  // Registered on the page, so it wins over the suite's routing of js.stripe.com to the double.
  await page.route("https://js.stripe.com/**", (route) => route.abort("failed"));
  await addToCart(page);
  await page.goto("/checkout");
  await fillContactAndAddress(page, email, ADDRESSES.germany);

  await expect(page.getByText("The secure card form could not be loaded.")).toBeVisible();
  await page.unroute("https://js.stripe.com/**");
  await page.getByRole("button", { name: "Try loading the card form again" }).click();
  await expect(placeOrderButton(page)).toBeEnabled();
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);
  await expectInvariant({ emails: [email] });
});

test.describe("the backend stops answering during checkout, then comes back", () => {
  test("address step: a clear message, every field keeps what was typed, and the shopper carries on", async ({ page }) => {
    const email = uniqueEmail("down-address");
    await addToCart(page);
    await page.goto("/checkout");
    await backend("refuse");
    await fillContactAndAddress(page, email, ADDRESSES.germany);
    const form = page.getByRole("form", { name: "Contact and addresses" });
    await expect(form.getByText(NOT_ANSWERING)).toBeVisible();
    await expect(form.getByLabel("Email")).toHaveValue(email);
    await expect(form.getByLabel("City")).toHaveValue(ADDRESSES.germany.city);
    await expect(form.getByLabel("Street and house number")).toHaveValue(ADDRESSES.germany.street);

    await backend("pass");
    await form.getByRole("button", { name: "Continue to delivery" }).click();
    await chooseDelivery(page, "Standard delivery");
    await expectCardFormReady(page);
  });

  test("delivery and payment: the slow backend times out with a message, the down one says so, and both carry on", async ({ page }) => {
    const email = uniqueEmail("down-delivery");
    await addToCart(page);
    await page.goto("/checkout");
    await fillContactAndAddress(page, email, ADDRESSES.germany);
    await expectCardFormReady(page);
    const delivery = page.getByRole("form", { name: "Delivery" });

    await backend("hang");
    await delivery.getByLabel("Express delivery").check();
    // The storefront gives up after MEDUSA_TIMEOUT_MS (5 s in this suite) instead of spinning forever, and the
    // radios show again what the cart holds, next to the total that goes with it.
    await expect(delivery.getByText(NOT_ANSWERING)).toBeVisible({ timeout: 15_000 });
    await expect(delivery.getByLabel("Standard delivery")).toBeChecked();

    // The backend goes down just as the card form asks for its payment session (the action without arguments).
    await page.route("**/checkout", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"] || request.postData() !== "[]") return route.fallback();
      await backend("refuse");
      await route.continue();
    });
    await backend("pass");
    await chooseDelivery(page, "Express delivery");
    await expect(page.getByRole("alert").filter({ hasText: NOT_ANSWERING })).toBeVisible();
    await page.unroute("**/checkout");

    await backend("pass");
    await page.getByRole("button", { name: "Try again" }).click();
    await expectCardFormReady(page);
    await fillCard(page, CARDS.pays);
    await placeOrderButton(page).click();
    await expectConfirmation(page);
    await expectInvariant({ emails: [email] });
  });
});
