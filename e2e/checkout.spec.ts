import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import type { Page } from "@playwright/test";
import { adminSdk, failedAttemptProcessed, retrievePaymentIntent, stack, storeSdk, stripeSession, toMinorUnits } from "@medusa-stripe-checkout/test-support/stack";
import { expect, test } from "./support/fixtures";
import {
  ADDRESSES,
  addToCart,
  answerThreeDSecure,
  CARDS,
  cartCookie,
  checkoutUntilPayment,
  expectCardFormReady,
  chooseCountry,
  chooseDelivery,
  expectConfirmation,
  expectPictureShown,
  fillCard,
  fillContactAndAddress,
  paymentAlert,
  paymentNotice,
  placeOrderButton,
  statedTotal,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";

/**
 * A shopper's checkout in a real browser against a production build and the local stack. Each test starts
 * from an empty browser (so a fresh cart) and checks the result where a merchant would: in the backend.
 */

let admin: Medusa;
test.beforeAll(async () => {
  admin = await adminSdk();
});

async function backendOrder(orderId: string): Promise<HttpTypes.AdminOrder> {
  const { order } = await admin.admin.order.retrieve(orderId, {
    fields: "id,email,total,currency_code,*payment_collections,*payment_collections.payments,*shipping_methods",
  });
  return order;
}

async function ordersByEmail(email: string): Promise<HttpTypes.AdminOrder[]> {
  const { orders } = await admin.admin.order.list({ q: email, fields: "id,email" });
  return orders.filter((order) => order.email === email);
}

/** The PaymentIntent behind an order's Stripe payment, read from Stripe (or the double). */
async function paymentIntentOf(order: HttpTypes.AdminOrder) {
  const payment = order.payment_collections?.[0]?.payments?.[0];
  const id = (payment?.data as { id?: string } | undefined)?.id;
  if (!id) throw new Error(`order ${order.id} has no Stripe payment`);
  return retrievePaymentIntent(id);
}

test("the shop shows every product's picture: on the home page, first thing on the product page, in the cart and the checkout summary", async ({ page }) => {
  const { products } = await storeSdk().store.product.list({ handle: stack.products.map((product) => product.handle), fields: "title" });
  expect(products.length).toBe(stack.products.length);
  await page.goto("/");
  for (const product of products) {
    await expectPictureShown(page, product.title);
    // A screen reader reads each card's product name once: the picture beside it is decorative.
    await expect(page.getByRole("img", { name: product.title })).toHaveCount(0);
  }

  await addToCart(page, "Canvas Tote");
  // The product page's picture is its largest content: fetched at once, ahead of everything else.
  const main = await expectPictureShown(page, "Canvas Tote");
  await expect(main).toHaveAttribute("fetchpriority", "high");
  await expect(main).not.toHaveAttribute("loading", "lazy");

  await page.goto("/cart");
  await expectPictureShown(page, "Canvas Tote");
  await page.goto("/checkout");
  await expectPictureShown(page, "Canvas Tote");
});

test("pays with 4242, sees the confirmation, and the backend holds an order authorized for the cart total", async ({ page }) => {
  const email = uniqueEmail("pay");
  await checkoutUntilPayment(page, email);
  const total = await statedTotal(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();

  const orderId = await expectConfirmation(page);
  await expect(page.getByTestId("order-number")).toHaveText(/^#\d+$/);
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText("Linen Shirt").first()).toBeVisible();
  await expect(page.getByText(total).first()).toBeVisible();

  const order = await backendOrder(orderId);
  expect(order.email).toBe(email);
  const collection = order.payment_collections?.[0];
  expect(collection?.status).toBe("authorized");
  expect(collection?.authorized_amount).toBe(order.total);
  const intent = await paymentIntentOf(order);
  expect(intent.status).toBe("requires_capture");
  expect(intent.amount).toBe(toMinorUnits(order.total, order.currency_code));

  // The cart is gone with the order: a new visit starts a new, empty cart.
  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
});

test("a declined card (9995) shows Stripe's message, the form stays usable, and 4242 then places exactly one order", async ({ page }) => {
  const email = uniqueEmail("decline");
  await checkoutUntilPayment(page, email);
  await fillCard(page, CARDS.insufficientFunds);
  await placeOrderButton(page).click();

  await expect(paymentAlert(page)).toContainText("Your card has insufficient funds.");
  await expect(placeOrderButton(page)).toBeEnabled();
  expect(await ordersByEmail(email)).toHaveLength(0);

  // Once Medusa has processed Stripe's webhook for the decline, that payment is closed: the form starts a new one,
  // says why, and asks for the card again.
  await failedAttemptProcessed(await cartOf(page));
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expect(paymentNotice(page)).toContainText("Your last payment attempt did not go through and nothing was charged");
  await expectCardFormReady(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  const orders = await ordersByEmail(email);
  expect(orders.map((order) => order.id)).toEqual([orderId]);
  expect((await backendOrder(orderId)).payment_collections?.[0]?.status).toBe("authorized");
});

test("3-D Secure approved: the challenge opens over the page and the order is placed", async ({ page }) => {
  const email = uniqueEmail("3ds-ok");
  await checkoutUntilPayment(page, email);
  await fillCard(page, CARDS.threeDSecure);
  await placeOrderButton(page).click();
  await answerThreeDSecure(page, "complete");

  const orderId = await expectConfirmation(page);
  expect((await backendOrder(orderId)).payment_collections?.[0]?.status).toBe("authorized");
});

test("3-D Secure failed: a plain message, no order; paying again with 4242 places one", async ({ page }) => {
  const email = uniqueEmail("3ds-fail");
  await checkoutUntilPayment(page, email);
  await fillCard(page, CARDS.threeDSecure);
  await placeOrderButton(page).click();
  await answerThreeDSecure(page, "fail");

  await expect(paymentAlert(page)).toContainText(/unable to authenticate/i);
  await expect(placeOrderButton(page)).toBeEnabled();
  expect(await ordersByEmail(email)).toHaveLength(0);

  await failedAttemptProcessed(await cartOf(page));
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expect(paymentNotice(page)).toContainText("Your last payment attempt did not go through and nothing was charged");
  await expect(paymentNotice(page)).toContainText("Your order total is €");
  await expectCardFormReady(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);
  expect(await ordersByEmail(email)).toHaveLength(1);
});

test("changing the delivery option while the card form is open charges the new total", async ({ page }) => {
  const email = uniqueEmail("redelivery");
  await checkoutUntilPayment(page, email, { delivery: "Standard delivery" });
  const standardTotal = await statedTotal(page);

  await chooseDelivery(page, "Express delivery");
  await expectCardFormReady(page);
  const expressTotal = await statedTotal(page);
  expect(expressTotal).not.toBe(standardTotal);

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  const order = await backendOrder(orderId);
  expect(order.shipping_methods?.[0]?.name).toBe("Express delivery");
  const intent = await paymentIntentOf(order);
  expect(intent.amount).toBe(toMinorUnits(order.total, order.currency_code));
  expect(intent.amount_capturable).toBe(intent.amount);
});

test("the cart changing in another tab while the card form is open is caught before paying: the new total is charged", async ({ page, context }) => {
  const email = uniqueEmail("other-tab");
  await checkoutUntilPayment(page, email, { delivery: "Standard delivery" });
  const oldTotal = await statedTotal(page);

  const otherTab = await context.newPage();
  await otherTab.goto("/checkout");
  await chooseDelivery(otherTab, "Express delivery");
  // The other tab prepares its own card form for the new total, as a shopper's second tab does.
  await expectCardFormReady(otherTab);
  await otherTab.close();

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  // The storefront notices the new total, moves the form to the payment for it and asks the shopper to confirm again.
  await expect(paymentNotice(page)).toContainText("Your order total is");
  await expect(placeOrderButton(page)).not.toContainText(oldTotal);
  const newTotal = await statedTotal(page);
  await expect(paymentNotice(page)).toContainText(newTotal);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  const order = await backendOrder(orderId);
  const intent = await paymentIntentOf(order);
  expect(intent.amount).toBe(toMinorUnits(order.total, order.currency_code));
  expect(await ordersByEmail(email)).toHaveLength(1);
});

test("a JPY order shows whole yen everywhere and charges whole yen", async ({ page }) => {
  const email = uniqueEmail("yen");
  await chooseCountry(page, "Japan");
  await addToCart(page);
  await page.goto("/checkout");
  await fillContactAndAddress(page, email, ADDRESSES.japan);
  await chooseDelivery(page, "Standard delivery");
  await expectCardFormReady(page);

  const total = await statedTotal(page);
  expect(total).toMatch(/^¥[\d,]+$/);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);
  await expect(page.getByText(total).first()).toBeVisible();

  const order = await backendOrder(orderId);
  expect(order.currency_code).toBe("jpy");
  expect(total).toBe(`¥${order.total.toLocaleString("en-US")}`);
  const intent = await paymentIntentOf(order);
  expect(intent.currency).toBe("jpy");
  expect(intent.amount).toBe(order.total);
});

test("the checkout shows only the sections the cart allows, whatever the link, and keeps them on reload", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout?step=review");
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("form", { name: "Contact and addresses" })).toBeVisible();
  await expect(page.getByText("Delivery options appear once we have your address.")).toBeVisible();
  await expect(page.getByText("The card form appears once delivery is chosen.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Payment" })).toHaveCount(0);

  // Giving the address is enough: the cheapest delivery is chosen and the card form prepares itself.
  await fillContactAndAddress(page, uniqueEmail("one-page"), ADDRESSES.germany);
  await expect(page.getByRole("form", { name: "Delivery" }).getByLabel("Standard delivery")).toBeChecked();
  await expectCardFormReady(page);
  // Keyboard and screen-reader users land on the next section, not on the page's top.
  await expect(page.getByRole("heading", { name: "Delivery" })).toBeFocused();
  const total = await statedTotal(page);

  await page.reload();
  await expect(page.getByRole("button", { name: "Change contact or address" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Delivery" }).getByLabel("Standard delivery")).toBeChecked();
  await expectCardFormReady(page);
  expect(await statedTotal(page)).toBe(total);
  await page.goto("/checkout?step=address");
  await expect(page).toHaveURL(/\/checkout$/);
  await expectCardFormReady(page);
});

test("a saved address can be changed on the same page; the form keeps the shopper's input when it is refused", async ({ page }) => {
  await checkoutUntilPayment(page, uniqueEmail("edit-address"));
  await page.getByRole("button", { name: "Change contact or address" }).click();
  const form = page.getByRole("form", { name: "Contact and addresses" });
  await form.getByLabel("City").fill("");
  await form.getByLabel("Street and house number").fill("Domkloster 4");
  await form.getByRole("button", { name: "Save address" }).click();
  await expect(form.getByLabel("City")).toBeFocused();
  await expect(form.getByLabel("Street and house number")).toHaveValue("Domkloster 4");

  await form.getByLabel("City").fill("Köln");
  await form.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("form", { name: "Contact and addresses" })).toHaveCount(0);
  await expect(page.getByText("Domkloster 4").first()).toBeVisible();
  await expectCardFormReady(page);
});

/** At checkout with a complete address, the shopper leaves its last field: the pause in which the form saves itself. */
async function addressSavedAhead(page: Page, label: string) {
  await addToCart(page);
  await page.goto("/checkout");
  await fillContactAndAddress(page, uniqueEmail(label), ADDRESSES.germany, { submit: false });
  const form = page.getByRole("form", { name: "Contact and addresses" });
  // Leaving the last field is the pause: nothing on the page moves under the shopper.
  await page.keyboard.press("Tab");
  await expect(form).toHaveAttribute("data-saved-ahead", "saved");
  return form;
}

/** The shopper's cart as Medusa holds it now, with the PaymentIntent of its Stripe session. */
async function cartPayment(page: Page) {
  const cartId = await cartCookie(page);
  expect(cartId).toMatch(/^cart_/);
  const { cart } = await storeSdk().store.cart.retrieve(cartId ?? "", { fields: "total,currency_code,*payment_collection.payment_sessions" });
  return { cart, paymentIntent: stripeSession(cart).paymentIntent };
}

test("a complete address is saved while the shopper pauses on it: a reload shows it saved, delivery chosen", async ({ page }) => {
  const form = await addressSavedAhead(page, "ahead");
  await expect(form.getByRole("button", { name: "Continue to delivery" })).toBeVisible();
  // The card form's payment is started too, for the total with the delivery chosen, before the shopper continues.
  const { cart, paymentIntent } = await cartPayment(page);
  expect(paymentIntent.amount).toBe(toMinorUnits(cart.total, cart.currency_code));
  expect(paymentIntent.status).toBe("requires_payment_method");

  await page.reload();
  await expect(page.getByRole("form", { name: "Contact and addresses" })).toHaveCount(0);
  await expect(page.getByText(ADDRESSES.germany.street).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Delivery" }).getByLabel("Standard delivery")).toBeChecked();
  await expectCardFormReady(page);
});

test("Continue after the address was saved ahead shows delivery and the card form on the payment started ahead", async ({ page }) => {
  const form = await addressSavedAhead(page, "ahead-continue");
  const startedAhead = (await cartPayment(page)).paymentIntent.id;

  await form.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(page.getByRole("heading", { name: "Delivery" })).toBeFocused();
  await expect(page.getByRole("form", { name: "Delivery" }).getByLabel("Standard delivery")).toBeChecked();
  await expectCardFormReady(page);
  expect((await cartPayment(page)).paymentIntent.id).toBe(startedAhead);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);
  expect((await paymentIntentOf(await backendOrder(orderId))).id).toBe(startedAhead);
});

test("Continue pressed while the form is still saving itself waits for that save: the cart is written once, one payment", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  await fillContactAndAddress(page, uniqueEmail("ahead-race"), ADDRESSES.germany, { submit: false });
  const form = page.getByRole("form", { name: "Contact and addresses" });
  const actionPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) actionPosts.push(request.url());
  });
  // The save ahead reaches the server only once the shopper has pressed Continue.
  let releaseSave = () => {};
  const saveReleased = new Promise<void>((resolve) => (releaseSave = resolve));
  let held = false;
  await page.route("**/checkout", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !held) {
      held = true;
      await saveReleased;
    }
    await route.continue();
  });

  await page.keyboard.press("Tab");
  await expect(form).toHaveAttribute("data-saved-ahead", "saving");
  await form.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(form.getByRole("button", { name: "Saving…" })).toBeDisabled();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // Continue sends nothing of its own while the save is under way.
  expect(actionPosts).toHaveLength(1);
  releaseSave();

  await expect(page.getByRole("heading", { name: "Delivery" })).toBeFocused();
  await expectCardFormReady(page);
  // Nor afterwards: the save ahead wrote the cart and started the payment the card form mounted on.
  expect(actionPosts).toHaveLength(1);
  await page.unroute("**/checkout");
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);
});

test("a change made after the address was saved ahead is what Continue saves", async ({ page }) => {
  const form = await addressSavedAhead(page, "ahead-change");

  await form.getByLabel("City").fill("Bonn");
  await form.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(page.getByRole("button", { name: "Change contact or address" })).toBeVisible();
  await expect(page.getByText("Bonn").first()).toBeVisible();
  await page.reload();
  await expect(page.getByText("Bonn").first()).toBeVisible();
  await expectCardFormReady(page);
});

test("without a cart, checkout sends the shopper to the cart page", async ({ page }) => {
  await page.goto("/checkout?step=payment");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
});

/** Applies a promotion code in the checkout's order summary and waits until the cart holds it. */
async function applyCodeAtCheckout(page: Page, code: string): Promise<void> {
  const summary = page.getByRole("complementary", { name: "Order summary" });
  await summary.getByRole("textbox", { name: "Promotion code" }).fill(code);
  await summary.getByRole("button", { name: "Apply" }).click();
  await expect(summary.getByRole("button", { name: `Remove code ${code}` })).toBeVisible();
}

test("a code applied at checkout while the card form is open: the pay button and the PaymentIntent follow the new total", async ({ page }) => {
  const email = uniqueEmail("code-at-checkout");
  await checkoutUntilPayment(page, email);
  const before = await statedTotal(page);

  await applyCodeAtCheckout(page, stack.promotions.percentage.code);
  await expect(placeOrderButton(page)).not.toContainText(before);
  await expectCardFormReady(page);
  const after = await statedTotal(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  const order = await backendOrder(orderId);
  expect(`€${order.total.toFixed(2)}`).toBe(after);
  const intent = await paymentIntentOf(order);
  expect(intent.amount).toBe(toMinorUnits(order.total, order.currency_code));
  expect(intent.status).toBe("requires_capture");
});

test("a free order: codes covering the items and the delivery place the order without a card, and nothing is confirmed with Stripe", async ({ page }) => {
  const email = uniqueEmail("free-order");
  await checkoutUntilPayment(page, email);
  const confirmations: string[] = [];
  page.on("request", (request) => {
    if (/\/confirm$/.test(new URL(request.url()).pathname)) confirmations.push(request.url());
  });

  await applyCodeAtCheckout(page, stack.promotions.free.code);
  await applyCodeAtCheckout(page, stack.promotions.freeShipping.code);
  const freeOrder = page.getByRole("form", { name: "Free order" });
  await expect(freeOrder).toContainText("there is nothing to pay");
  await expect(page.getByRole("form", { name: "Payment" })).toHaveCount(0);
  await freeOrder.getByRole("button", { name: "Place order" }).click();
  const orderId = await expectConfirmation(page);

  const order = await backendOrder(orderId);
  expect(order.total).toBe(0);
  expect(order.email).toBe(email);
  expect(order.payment_collections?.flatMap((collection) => collection.payments ?? []) ?? []).toEqual([]);
  expect(confirmations, "no PaymentIntent was confirmed").toEqual([]);
});

async function cartOf(page: Page): Promise<string> {
  const cartId = await cartCookie(page);
  if (!cartId) throw new Error("the browser holds no cart");
  return cartId;
}
