import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import type { Page } from "@playwright/test";
import { CARDS, fillCard } from "@medusa-stripe-checkout/test-support/shopper";
import { addItemByOrderEdit, adminSdk, orderPlacedByApi, stack } from "@medusa-stripe-checkout/test-support/stack";
import { formatMoney } from "../lib/money";
import { expect, test } from "./support/fixtures";

/**
 * The merchant's side of a payment link, in Medusa Admin's own UI (the stack serves it at /app with
 * `npm run backend:start -- --admin`): Admin's "Copy payment link" for what an order owes, the shopper paying that
 * link on this storefront, then the merchant capturing and refunding it in Admin, and the shopper's order page
 * showing the money as Medusa holds it.
 */

// An order, a webhook (3 s after Stripe's event) and Admin's pages (a large single-page app) on a busy machine.
test.describe.configure({ timeout: 420_000 });
/** How long Admin may take to show a page: its first load parses megabytes of JavaScript. */
const ADMIN_PAGE_TIMEOUT = 60_000;
// Admin's "Copy payment link" writes to the clipboard; the test reads it back as the merchant would paste it.
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const ORDER_FIELDS = ["id", "currency_code", "summary", "*payment_collections", "*payment_collections.payments"].join(",");

async function backendOrder(admin: Medusa, orderId: string): Promise<HttpTypes.AdminOrder> {
  const { order } = await admin.admin.order.retrieve(orderId, { fields: ORDER_FIELDS });
  return order;
}

function adminUrl(): string {
  const url = stack.admin.url;
  if (!url) throw new Error("This stack does not serve Medusa Admin: start it with `npm run backend:start -- --admin` (npm test does).");
  return url;
}

async function signInToAdmin(page: Page): Promise<void> {
  await page.goto(`${adminUrl()}/login`);
  await page.getByPlaceholder("Email").fill(stack.admin.email);
  await page.getByPlaceholder("Password").fill(stack.admin.password);
  await page.getByRole("button", { name: "Continue with Email" }).click();
  // Signed in, Admin opens its order list.
  await expect(page).toHaveURL(/\/app\/orders/, { timeout: ADMIN_PAGE_TIMEOUT });
}

/** Opens an order in Admin and waits until its payments are on screen. */
async function openOrderInAdmin(page: Page, orderId: string): Promise<void> {
  await page.goto(`${adminUrl()}/orders/${orderId}`);
  await expect(page.getByRole("heading", { name: "Payments" })).toBeVisible({ timeout: ADMIN_PAGE_TIMEOUT });
}

/** A payment's row in Admin's payment section, found by the short id Admin shows (`#` and its last 7 characters). */
function paymentRow(page: Page, paymentId: string) {
  return page
    .getByText(`#${paymentId.slice(-7)}`, { exact: true })
    .first()
    .locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' grid ')][1]");
}

test("Medusa Admin: the merchant copies the payment link for what an order owes, the shopper pays it, the merchant captures and refunds it in Admin; the order page shows it", async ({ page, context }) => {
  const admin = await adminSdk();
  const orderId = await orderPlacedByApi("admin-link");
  const placed = await backendOrder(admin, orderId);
  const firstPayment = placed.payment_collections?.[0]?.payments?.[0];
  if (!firstPayment) throw new Error(`order ${orderId} has no payment`);
  // Captured first, so that the edit below asks for the difference only (an authorized collection would be
  // released and replaced by one for the whole new total).
  await admin.admin.payment.capture(firstPayment.id, {});
  await addItemByOrderEdit(admin, orderId, "wool-socks");
  const edited = await backendOrder(admin, orderId);
  const difference = edited.payment_collections?.find((collection) => collection.status === "not_paid");
  if (!difference) throw new Error("confirming the order edit made no collection for the difference");
  const money = (amount: number) => formatMoney(amount, edited.currency_code);

  // The merchant, in Admin: the order shows what it owes, with the button that copies its payment link.
  const adminPage = await context.newPage();
  await signInToAdmin(adminPage);
  await openOrderInAdmin(adminPage, orderId);
  const copyLink = adminPage.getByRole("button").filter({ hasText: "Copy payment link for" });
  await copyLink.click();
  const copied = await adminPage.evaluate(() => navigator.clipboard.readText());
  const link = new URL(copied);
  // The link Admin 2.21.2 builds: `${storefrontUrl}/payment-collection/{collection}?order_id={order}`.
  expect(link.href).toBe(new URL(`/payment-collection/${difference.id}?order_id=${orderId}`, stack.storefrontUrl).href);

  // The shopper opens it on this storefront (the same build the link's origin serves) and pays with 4242.
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByTestId("amount-due")).toHaveText(money(difference.amount));
  await fillCard(page, CARDS.pays);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Processing your payment…")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 45_000 });

  const paid = (await backendOrder(admin, orderId)).payment_collections?.find((collection) => collection.id === difference.id);
  const linkPayment = paid?.payments?.[0];
  if (!linkPayment) throw new Error(`collection ${difference.id} has no payment after the shopper paid`);

  // The merchant captures it in Admin…
  await openOrderInAdmin(adminPage, orderId);
  const row = paymentRow(adminPage, linkPayment.id);
  await expect(row.getByText("Pending")).toBeVisible();
  await adminPage.getByRole("button", { name: "Capture payment" }).click();
  await adminPage.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
  await expect(adminPage.getByText(/successfully captured/)).toBeVisible();
  await expect(row.getByText("Captured")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Capture payment" })).toHaveCount(0);

  // …then refunds part of it, with a note.
  const refunded = 5;
  await row.getByRole("button").last().click();
  await adminPage.getByRole("menuitem", { name: "Refund" }).click();
  await expect(adminPage.getByRole("heading", { name: "Create Refund" })).toBeVisible();
  const amount = adminPage.getByLabel("Amount");
  await amount.fill(String(refunded));
  await adminPage.getByLabel("Note").fill("e2e: refunded in Medusa Admin");
  await adminPage.getByRole("button", { name: "Save" }).click();
  await expect(adminPage.getByText(/^Refund of amount .* successful$/)).toBeVisible();

  // The shopper's order page shows the money as Medusa now holds it.
  const settled = await backendOrder(admin, orderId);
  const collections = settled.payment_collections ?? [];
  const captured = collections.reduce((total, collection) => total + (collection.captured_amount ?? 0), 0);
  expect(collections.find((collection) => collection.id === difference.id)?.refunded_amount).toBe(refunded);
  await page.goto(`/order/${orderId}`);
  await expect(page.getByTestId("paid-captured")).toHaveText(money(captured));
  await expect(page.getByTestId("paid-refunded")).toHaveText(money(refunded));
  await expect(page.getByTestId("amount-owed")).toHaveText(money(0));
});
