import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import type { FrameLocator, Page } from "@playwright/test";
import { adminSdk, retrievePaymentIntent, storeSdk, toMinorUnits } from "@medusa-stripe-checkout/test-support/stack";
import { addToCart, chooseCountry, expectConfirmation, uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";
import { expect, test } from "./support/fixtures";

/**
 * Paying with a wallet in one tap (Stripe's Express Checkout Element; the double's stand-in is Google Pay): the sheet's
 * address and delivery are priced by Medusa on the cart, the payment goes through the cart's Stripe session, and the
 * order is checked where a merchant checks it: in the backend and at Stripe.
 */

let admin: Medusa;
test.beforeAll(async () => {
  admin = await adminSdk();
});

const BUTTON = "Pay with Google Pay";

type SheetAddress = { line1: string; city: string; postalCode: string; country: string };
const BERLIN: SheetAddress = { line1: "Unter den Linden 1", city: "Berlin", postalCode: "10115", country: "DE" };
const PARIS: SheetAddress = { line1: "1 Rue de Rivoli", city: "Paris", postalCode: "75001", country: "FR" };
const TOKYO: SheetAddress = { line1: "1-1 Chiyoda", city: "Tokyo", postalCode: "100-0001", country: "JP" };

/** Presses the wallet button (once the Element is ready) and answers the sheet that opens over the page. */
async function openSheet(page: Page): Promise<FrameLocator> {
  const express = page.getByRole("region", { name: "Express checkout" });
  await expect(express.locator("[data-ready='true']")).toBeVisible({ timeout: 20_000 });
  await page.frameLocator("iframe[title='Secure express checkout frame']").getByRole("button", { name: BUTTON }).click();
  const sheet = page.frameLocator("iframe[title='Google Pay']");
  await expect(sheet.getByRole("dialog", { name: "Google Pay" })).toBeVisible();
  return sheet;
}

async function fillSheet(sheet: FrameLocator, email: string, address: SheetAddress): Promise<void> {
  await sheet.getByLabel("Email").fill(email);
  await sheet.getByLabel("Address line 1").fill(address.line1);
  await sheet.getByLabel("City").fill(address.city);
  await sheet.getByLabel("State / Province").fill("");
  await sheet.getByLabel("Postal code").fill(address.postalCode);
  await sheet.getByLabel("Country").selectOption(address.country);
}

/**
 * The sheet's total once the store has priced what the shopper chose (Pay is enabled only then). Each edit of the
 * address is one answer from the store, in turn: allow for several within the sheet's own 20 s per answer.
 */
async function pricedTotal(sheet: FrameLocator): Promise<string> {
  await expect(sheet.getByRole("button", { name: /^Pay / })).toBeEnabled({ timeout: 40_000 });
  return (await sheet.getByLabel("Total").textContent())?.trim() ?? "";
}

async function backendOrder(orderId: string): Promise<HttpTypes.AdminOrder> {
  const { order } = await admin.admin.order.retrieve(orderId, {
    fields: "id,email,total,tax_total,currency_code,*shipping_address,*billing_address,*payment_collections,*payment_collections.payments",
  });
  return order;
}

async function ordersByEmail(email: string): Promise<HttpTypes.AdminOrder[]> {
  const { orders } = await admin.admin.order.list({ q: email, fields: "id,email" });
  return orders.filter((order) => order.email === email);
}

async function paymentIntentOf(order: HttpTypes.AdminOrder) {
  const id = (order.payment_collections?.[0]?.payments?.[0]?.data as { id?: string } | undefined)?.id;
  if (!id) throw new Error(`order ${order.id} has no Stripe payment`);
  return retrievePaymentIntent(id);
}

/** The shopper's open cart as Medusa holds it (by the cart cookie), with its payment sessions. */
async function shopperCart(page: Page): Promise<HttpTypes.StoreCart> {
  const cartId = (await page.context().cookies()).find((cookie) => cookie.name === "cart_id")?.value;
  if (!cartId) throw new Error("the shopper has no cart cookie");
  const { cart } = await storeSdk().store.cart.retrieve(cartId, {
    fields: "id,email,total,*shipping_address,*payment_collection,*payment_collection.payment_sessions",
  });
  return cart;
}

/** "€64.26" → 6426, "¥7,260" → 7260: the sheet's amount in minor units, as the shopper approved it. */
function minorUnitsOf(shown: string, currency: string): number {
  return toMinorUnits(Number(shown.replace(/[^\d.]/g, "")), currency);
}

test("pays in EUR from the checkout: order placed with the wallet's address and email, authorized for exactly its total", async ({ page }) => {
  const email = uniqueEmail("wallet-eur");
  await addToCart(page);
  await page.goto("/checkout");
  await expect(page.getByText("or pay by card below")).toBeVisible();
  const sheet = await openSheet(page);
  await fillSheet(sheet, email, BERLIN);
  await expect(sheet.getByRole("radio", { name: /^Standard delivery/ })).toBeChecked();
  const total = await pricedTotal(sheet);
  await sheet.getByRole("button", { name: `Pay ${total}` }).click();

  const orderId = await expectConfirmation(page);
  await expect(page.getByText(email)).toBeVisible();
  const order = await backendOrder(orderId);
  expect(order.email).toBe(email);
  expect(order.currency_code).toBe("eur");
  expect(toMinorUnits(order.total, "eur")).toBe(minorUnitsOf(total, "eur"));
  expect(order.shipping_address).toMatchObject({
    first_name: "Jenny",
    last_name: "Rosen",
    address_1: BERLIN.line1,
    city: BERLIN.city,
    postal_code: BERLIN.postalCode,
    country_code: "de",
    phone: "+1 415 555 0132",
  });
  expect(order.billing_address).toMatchObject({ first_name: "Jenny", last_name: "Rosen" });
  const intent = await paymentIntentOf(order);
  expect(intent).toMatchObject({ status: "requires_capture", capture_method: "manual", currency: "eur" });
  expect(intent.amount).toBe(toMinorUnits(order.total, "eur"));
  expect(intent.amount_capturable).toBe(intent.amount);
});

test("pays in JPY (zero-decimal): the sheet and the PaymentIntent count whole yen", async ({ page }) => {
  const email = uniqueEmail("wallet-jpy");
  await chooseCountry(page, "Japan");
  await addToCart(page);
  await page.goto("/checkout");
  const sheet = await openSheet(page);
  // The sheet offers the region's countries only: Japan.
  await expect(sheet.getByLabel("Country").locator("option")).toHaveText(["Japan"]);
  await fillSheet(sheet, email, TOKYO);
  const total = await pricedTotal(sheet);
  expect(total).toMatch(/^¥[\d,]+$/);
  await sheet.getByRole("button", { name: `Pay ${total}` }).click();

  const order = await backendOrder(await expectConfirmation(page));
  expect(order.currency_code).toBe("jpy");
  const intent = await paymentIntentOf(order);
  expect(intent).toMatchObject({ status: "requires_capture", currency: "jpy" });
  // Whole yen: ¥7,260 is 7260, not 726000.
  expect(intent.amount).toBe(order.total);
  expect(intent.amount).toBe(minorUnitsOf(total, "jpy"));
});

test("another country of the region in the sheet re-prices delivery tax and total, and the order is for the new total", async ({ page }) => {
  const email = uniqueEmail("wallet-move");
  await addToCart(page);
  await page.goto("/checkout");
  const sheet = await openSheet(page);
  await fillSheet(sheet, email, BERLIN);
  const inGermany = await pricedTotal(sheet);
  // Germany's VAT is 19 %, France's 20 %: the items and the delivery cost more with tax in France.
  await fillSheet(sheet, email, PARIS);
  await expect(sheet.getByLabel("Total")).not.toHaveText(inGermany, { timeout: 40_000 });
  const inFrance = await pricedTotal(sheet);
  expect(minorUnitsOf(inFrance, "eur")).toBeGreaterThan(minorUnitsOf(inGermany, "eur"));
  await sheet.getByRole("button", { name: `Pay ${inFrance}` }).click();

  const order = await backendOrder(await expectConfirmation(page));
  expect(order.shipping_address).toMatchObject({ country_code: "fr", city: "Paris" });
  expect(toMinorUnits(order.total, "eur")).toBe(minorUnitsOf(inFrance, "eur"));
  expect((await paymentIntentOf(order)).amount).toBe(minorUnitsOf(inFrance, "eur"));
});

test("a country outside every region is not offered in the sheet; the wallet's saved US address is not used", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  const sheet = await openSheet(page);
  const countries = sheet.getByLabel("Country").locator("option");
  await expect(countries).toHaveText(["Austria", "Belgium", "France", "Germany", "Italy", "Netherlands", "Spain"]);
  await expect(countries.filter({ hasText: "United Kingdom" })).toHaveCount(0);
  // The profile's San Francisco address is outside the region: its street is not carried over.
  await expect(sheet.getByLabel("Address line 1")).toHaveValue("");
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);
});

test("cancel: nothing is charged and no order is placed; only the sheet's choices are on the cart", async ({ page }) => {
  const email = uniqueEmail("wallet-cancel");
  await addToCart(page);
  await page.goto("/checkout");
  const sheet = await openSheet(page);
  await fillSheet(sheet, email, BERLIN);
  await pricedTotal(sheet);
  await sheet.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("iframe[title='Google Pay']")).toHaveCount(0);

  const cart = await shopperCart(page);
  // The email is only given when paying: cancelling keeps it off the cart.
  expect(cart.email ?? null).toBeNull();
  expect(cart.shipping_address).toMatchObject({ country_code: "de", city: "Berlin" });
  // No Stripe session was started, so no PaymentIntent exists for this cart, let alone a confirmed one.
  expect(cart.payment_collection?.payment_sessions ?? []).toEqual([]);
  expect(await ordersByEmail(email)).toEqual([]);
  // Still the checkout, the wallet ready for another try.
  await expect(page).toHaveURL(/\/checkout/);
  await expect(page.getByRole("region", { name: "Express checkout" }).locator("[data-ready='true']")).toBeVisible();
});

test("a declined wallet card (9995) is shown in the sheet and beside the button; 4242 then pays", async ({ page }) => {
  const email = uniqueEmail("wallet-decline");
  await addToCart(page);
  await page.goto("/checkout");
  const sheet = await openSheet(page);
  await fillSheet(sheet, email, BERLIN);
  const total = await pricedTotal(sheet);
  await sheet.getByRole("radio", { name: "Visa •••• 9995" }).check();
  await sheet.getByRole("button", { name: `Pay ${total}` }).click();
  await expect(sheet.getByRole("alert")).toHaveText("Your card has insufficient funds.");
  await expect(page.getByRole("region", { name: "Express checkout" }).getByRole("alert")).toHaveText("Your card has insufficient funds.");
  expect(await ordersByEmail(email)).toEqual([]);

  await sheet.getByRole("radio", { name: "Visa •••• 4242" }).check();
  await sheet.getByRole("button", { name: `Pay ${total}` }).click();
  const order = await backendOrder(await expectConfirmation(page));
  expect(order.email).toBe(email);
  const intent = await paymentIntentOf(order);
  expect(intent.status).toBe("requires_capture");
  expect(intent.amount).toBe(minorUnitsOf(total, "eur"));
});

test("the cart page offers the wallet above 'Go to checkout', and it places the order from there", async ({ page }) => {
  const email = uniqueEmail("wallet-cart");
  await addToCart(page);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Go to checkout" })).toBeVisible();
  const sheet = await openSheet(page);
  await fillSheet(sheet, email, BERLIN);
  const total = await pricedTotal(sheet);
  await sheet.getByRole("button", { name: `Pay ${total}` }).click();
  const order = await backendOrder(await expectConfirmation(page));
  expect(order.email).toBe(email);
  expect((await paymentIntentOf(order)).amount).toBe(minorUnitsOf(total, "eur"));
});
