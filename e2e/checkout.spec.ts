import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import { adminSdk, retrievePaymentIntent, toMinorUnits } from "@medusa-stripe-checkout/test-support/stack";
import { expect, test } from "./support/fixtures";
import {
  ADDRESSES,
  addToCart,
  answerThreeDSecure,
  CARDS,
  checkoutUntilReview,
  chooseCardPayment,
  chooseCountry,
  chooseDelivery,
  expectConfirmation,
  fillCard,
  fillContactAndAddress,
  paymentAlert,
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

test("pays with 4242, sees the confirmation, and the backend holds an order authorized for the cart total", async ({ page }) => {
  const email = uniqueEmail("pay");
  await checkoutUntilReview(page, email);
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
  await checkoutUntilReview(page, email);
  await fillCard(page, CARDS.insufficientFunds);
  await placeOrderButton(page).click();

  await expect(paymentAlert(page)).toContainText("Your card has insufficient funds.");
  await expect(placeOrderButton(page)).toBeEnabled();
  expect(await ordersByEmail(email)).toHaveLength(0);

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  const orders = await ordersByEmail(email);
  expect(orders.map((order) => order.id)).toEqual([orderId]);
  expect((await backendOrder(orderId)).payment_collections?.[0]?.status).toBe("authorized");
});

test("3-D Secure approved: the challenge opens over the page and the order is placed", async ({ page }) => {
  const email = uniqueEmail("3ds-ok");
  await checkoutUntilReview(page, email);
  await fillCard(page, CARDS.threeDSecure);
  await placeOrderButton(page).click();
  await answerThreeDSecure(page, "complete");

  const orderId = await expectConfirmation(page);
  expect((await backendOrder(orderId)).payment_collections?.[0]?.status).toBe("authorized");
});

test("3-D Secure failed: a plain message, no order; paying again with 4242 places one", async ({ page }) => {
  const email = uniqueEmail("3ds-fail");
  await checkoutUntilReview(page, email);
  await fillCard(page, CARDS.threeDSecure);
  await placeOrderButton(page).click();
  await answerThreeDSecure(page, "fail");

  await expect(paymentAlert(page)).toContainText(/unable to authenticate/i);
  await expect(placeOrderButton(page)).toBeEnabled();
  expect(await ordersByEmail(email)).toHaveLength(0);

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);
  expect(await ordersByEmail(email)).toHaveLength(1);
});

test("changing the delivery option after the payment step was shown charges the new total", async ({ page }) => {
  const email = uniqueEmail("redelivery");
  await checkoutUntilReview(page, email, { delivery: "Standard delivery" });
  const standardTotal = await statedTotal(page);

  await page.getByRole("link", { name: "Edit delivery" }).click();
  await chooseDelivery(page, "Express delivery");
  await chooseCardPayment(page);
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
  await checkoutUntilReview(page, email, { delivery: "Standard delivery" });
  const oldTotal = await statedTotal(page);

  const otherTab = await context.newPage();
  await otherTab.goto("/checkout?step=delivery");
  await chooseDelivery(otherTab, "Express delivery");
  await expect(otherTab.getByRole("form", { name: "Payment method" })).toBeVisible();
  await otherTab.close();

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  // The storefront notices the new total, makes a new payment for it and asks the shopper to confirm again.
  await expect(page.getByRole("status")).toContainText("Your order total is now");
  await expect(placeOrderButton(page)).not.toContainText(oldTotal);
  const newTotal = await statedTotal(page);
  await expect(page.getByRole("status")).toContainText(newTotal);
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
  await chooseCardPayment(page);

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

test("a deep link to a later step sends the shopper back to the step the cart is on", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout?step=review");
  await expect(page).toHaveURL(/step=address/);
  await expect(page.getByRole("form", { name: "Contact and addresses" })).toBeVisible();

  await page.goto("/checkout?step=payment");
  await expect(page).toHaveURL(/step=address/);

  // Reload and history keep the shopper where they were.
  await fillContactAndAddress(page, uniqueEmail("deeplink"), ADDRESSES.germany);
  await expect(page.getByRole("form", { name: "Delivery" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Delivery" })).toBeVisible();
  await page.goto("/checkout?step=review");
  await expect(page).toHaveURL(/step=delivery/);
});

test("without a cart, checkout sends the shopper to the cart page", async ({ page }) => {
  await page.goto("/checkout?step=payment");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
});
