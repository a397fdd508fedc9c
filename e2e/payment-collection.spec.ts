import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import type { Page } from "@playwright/test";
import { addItemByOrderEdit as addItemByOrderEditAs, adminSdk, eventually, orderPlacedByApi, stack } from "@medusa-stripe-checkout/test-support/stack";
import { formatMoney } from "../lib/money";
import { expect, test } from "./support/fixtures";
import { answerThreeDSecure, CARDS, checkoutUntilPayment, expectConfirmation, fillCard, placeOrderButton, uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";

/**
 * The money's life after checkout, in a real browser against the local stack: the shopper pays through
 * the page behind Medusa Admin's "Copy payment link" (`/payment-collection/{id}?order_id={order}`), the
 * merchant's steps go through the admin API, and every amount is checked against the backend.
 *
 * Medusa authorizes a collection without a cart when Stripe's webhook arrives (the stack delays it 3 s),
 * so the link page's "processing" is real waiting, and the tests wait for the page, not a timer.
 */

// Each test places an order and waits for at least one webhook (3 s after Stripe's event) on a busy machine.
test.describe.configure({ timeout: 120_000 });

let admin: Medusa;
test.beforeAll(async () => {
  admin = await adminSdk();
});

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "total",
  "currency_code",
  "summary",
  "*payment_collections",
  "*payment_collections.payments",
  "*payment_collections.payments.captures",
  "*payment_collections.payments.refunds",
].join(",");

type AdminCollection = HttpTypes.AdminPaymentCollection;

async function backendOrder(orderId: string): Promise<HttpTypes.AdminOrder> {
  const { order } = await admin.admin.order.retrieve(orderId, { fields: ORDER_FIELDS });
  return order;
}

async function collectionOf(orderId: string, collectionId: string): Promise<AdminCollection> {
  const collection = (await backendOrder(orderId)).payment_collections?.find((candidate) => candidate.id === collectionId);
  if (!collection) throw new Error(`order ${orderId} has no collection ${collectionId}`);
  return collection;
}

/** Exactly the link Medusa Admin's "Copy payment link" gives the merchant, relative to the storefront. */
function paymentLink(collectionId: string, orderId: string): string {
  return `/payment-collection/${collectionId}?order_id=${orderId}`;
}

/** A shopper's order, placed through the storefront with 4242 as e2e/checkout.spec.ts does. */
async function buyThroughStorefront(page: Page, label: string): Promise<string> {
  await checkoutUntilPayment(page, uniqueEmail(label));
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  return expectConfirmation(page);
}

function onlyPayment(collection: AdminCollection): HttpTypes.AdminPayment {
  const payments = collection.payments ?? [];
  expect(payments, `payments of ${collection.id}`).toHaveLength(1);
  return payments[0] as HttpTypes.AdminPayment;
}

async function captureCollection(orderId: string, collectionId: string): Promise<void> {
  const payment = onlyPayment(await collectionOf(orderId, collectionId));
  await admin.admin.payment.capture(payment.id, {});
}

/** The merchant adds an item to the order and confirms the edit, as in Medusa Admin. */
function addItemByOrderEdit(orderId: string, productHandle: string): Promise<void> {
  return addItemByOrderEditAs(admin, orderId, productHandle);
}

/** The payment form's own message (Next's route announcer is an empty alert too). */
function paymentAlert(page: Page) {
  return page.getByRole("form", { name: "Payment" }).getByRole("alert");
}

function payButton(page: Page) {
  return page.getByRole("button", { name: /^Pay / });
}

/** After confirming on the link page: "processing" while the webhook is on its way, then "paid". */
async function expectProcessingThenPaid(page: Page): Promise<void> {
  await expect(page.getByText("Processing your payment…")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 45_000 });
}

test("the whole life: pay, capture, order edit, pay the difference by link, capture, partial refund — the order page matches the backend to the cent", async ({ page }) => {
  test.setTimeout(180_000);
  const orderId = await buyThroughStorefront(page, "life");
  const first = (await backendOrder(orderId)).payment_collections?.[0];
  if (!first) throw new Error("the order has no payment collection");
  await captureCollection(orderId, first.id);

  // Confirming the edit runs createOrUpdateOrderPaymentCollectionWorkflow: the first collection is
  // captured (completed), so Medusa makes a new one for the pending difference.
  await addItemByOrderEdit(orderId, "wool-socks");
  const edited = await backendOrder(orderId);
  const difference = edited.payment_collections?.find((collection) => collection.status === "not_paid");
  if (!difference) throw new Error("confirming the order edit made no collection for the difference");
  expect(difference.amount).toBeCloseTo(edited.summary?.pending_difference ?? Number.NaN, 4);
  const owed = formatMoney(difference.amount, edited.currency_code);

  // The shopper's order page shows the balance and links to it in Medusa Admin's link format.
  await page.goto(`/order/${orderId}`);
  await expect(page.getByTestId("amount-owed")).toHaveText(owed);
  await page.getByRole("status").getByRole("link", { name: `Pay ${owed}` }).click();
  await expect(page).toHaveURL(new RegExp(`${paymentLink(difference.id, orderId).replace(/[?]/g, "\\?")}$`));
  await expect(page.getByTestId("amount-due")).toHaveText(owed);
  await expect(page.getByText("Wool Socks").first()).toBeVisible();

  await fillCard(page, CARDS.pays);
  await payButton(page).click();
  await expectProcessingThenPaid(page);
  expect((await collectionOf(orderId, difference.id)).status).toBe("authorized");

  // The merchant captures the difference and refunds part of the first payment, with a reason and a note.
  await captureCollection(orderId, difference.id);
  const firstPayment = onlyPayment(await collectionOf(orderId, first.id));
  await admin.admin.payment.refund(firstPayment.id, {
    amount: 10,
    refund_reason_id: stack.refundReasonIds[0],
    note: "e2e: one item arrived damaged",
  });

  const settled = await backendOrder(orderId);
  const collections = settled.payment_collections ?? [];
  const sum = (pick: (collection: AdminCollection) => number | null | undefined) =>
    collections.reduce((total, collection) => total + (pick(collection) ?? 0), 0);
  expect(collections.map((collection) => collection.status).sort()).toEqual(["completed", "completed"]);
  const refunds = collections.flatMap((collection) => collection.payments ?? []).flatMap((payment) => payment.refunds ?? []);
  expect(refunds.map((refund) => [refund.amount, refund.note])).toEqual([[10, "e2e: one item arrived damaged"]]);

  await page.goto(`/order/${orderId}`);
  const money = (amount: number) => formatMoney(amount, settled.currency_code);
  await expect(page.getByTestId("paid-captured")).toHaveText(money(sum((collection) => collection.captured_amount)));
  await expect(page.getByTestId("paid-refunded")).toHaveText(money(sum((collection) => collection.refunded_amount)));
  await expect(page.getByTestId("paid-refunded")).toHaveText(money(10));
  await expect(page.getByTestId("amount-owed")).toHaveText(money(0));
  await expect(page.getByTestId("payment-state").first()).toHaveText("Paid, partly refunded");
});

test("an order edit while the first payment is only authorized: the order page says the hold was released and asks for the whole new total", async ({ page }) => {
  const orderId = await orderPlacedByApi("edit-authorized");
  await addItemByOrderEdit(orderId, "wool-socks");

  const order = await backendOrder(orderId);
  const statuses = (order.payment_collections ?? []).map((collection) => collection.status).sort();
  expect(statuses).toEqual(["canceled", "not_paid"]);
  const replacement = order.payment_collections?.find((collection) => collection.status === "not_paid");
  expect(replacement?.amount).toBeCloseTo(order.total, 4);

  await page.goto(`/order/${orderId}`);
  await expect(page.getByText("Authorization released — replaced by a new payment request")).toBeVisible();
  await expect(page.getByTestId("amount-owed")).toHaveText(formatMoney(order.total, order.currency_code));
  await expect(page.getByTestId("paid-authorized")).toHaveText(formatMoney(0, order.currency_code));
});

test("the merchant asks for an extra amount (POST /admin/payment-collections { order_id, amount }) and the shopper pays it through the link", async ({ page }) => {
  const orderId = await orderPlacedByApi("extra");
  const { payment_collection } = await admin.admin.paymentCollection.create({ order_id: orderId, amount: 12.5 });

  await page.goto(paymentLink(payment_collection.id, orderId));
  await expect(page.getByTestId("amount-due")).toHaveText("€12.50");
  await fillCard(page, CARDS.pays);
  await payButton(page).click();
  await expectProcessingThenPaid(page);

  const collection = await collectionOf(orderId, payment_collection.id);
  expect(collection.status).toBe("authorized");
  expect(collection.authorized_amount).toBe(12.5);
});

test("a declined card on the link page shows Stripe's message and keeps the form; 4242 then pays it once", async ({ page }) => {
  const orderId = await orderPlacedByApi("link-decline");
  const { payment_collection } = await admin.admin.paymentCollection.create({ order_id: orderId, amount: 7 });

  await page.goto(paymentLink(payment_collection.id, orderId));
  await fillCard(page, CARDS.insufficientFunds);
  await payButton(page).click();
  await expect(paymentAlert(page)).toContainText("Your card has insufficient funds.");
  await expect(payButton(page)).toBeEnabled();
  expect((await collectionOf(orderId, payment_collection.id)).status).toBe("not_paid");

  await fillCard(page, CARDS.pays);
  await payButton(page).click();
  await expectProcessingThenPaid(page);
  const collection = await collectionOf(orderId, payment_collection.id);
  expect(collection.status).toBe("authorized");
  expect(collection.payments).toHaveLength(1);
});

test("3-D Secure on the link page: a failed challenge is explained, an approved one pays", async ({ page }) => {
  const orderId = await orderPlacedByApi("link-3ds");
  const { payment_collection } = await admin.admin.paymentCollection.create({ order_id: orderId, amount: 9 });

  await page.goto(paymentLink(payment_collection.id, orderId));
  await fillCard(page, CARDS.threeDSecure);
  await payButton(page).click();
  await answerThreeDSecure(page, "fail");
  await expect(paymentAlert(page)).toContainText(/unable to authenticate/i);
  await expect(payButton(page)).toBeEnabled();

  await fillCard(page, CARDS.threeDSecure);
  await payButton(page).click();
  await answerThreeDSecure(page, "complete");
  await expectProcessingThenPaid(page);
  expect((await collectionOf(orderId, payment_collection.id)).status).toBe("authorized");
});

test("reopening a paid link shows it paid and asks for nothing", async ({ page }) => {
  const orderId = await orderPlacedByApi("link-reopen");
  const { payment_collection } = await admin.admin.paymentCollection.create({ order_id: orderId, amount: 5 });

  await page.goto(paymentLink(payment_collection.id, orderId));
  await fillCard(page, CARDS.pays);
  await payButton(page).click();
  await expectProcessingThenPaid(page);

  await page.goto(paymentLink(payment_collection.id, orderId));
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible();
  await expect(page.getByText("There is nothing more to pay on this link.")).toBeVisible();
  await expect(page.locator('iframe[title="Secure payment input frame"]')).toHaveCount(0);
  await expect(payButton(page)).toHaveCount(0);
  // Paying once made one payment; opening the page again created no new session or charge.
  expect(onlyPayment(await collectionOf(orderId, payment_collection.id)).amount).toBe(5);
});

test("a reload while the webhook is still on its way does not ask for the card again", async ({ page }) => {
  const orderId = await orderPlacedByApi("link-reload");
  const { payment_collection } = await admin.admin.paymentCollection.create({ order_id: orderId, amount: 6 });

  await page.goto(paymentLink(payment_collection.id, orderId));
  await fillCard(page, CARDS.pays);
  await payButton(page).click();
  await expect(page.getByText("Processing your payment…")).toBeVisible();
  await page.reload();
  // Stripe says the PaymentIntent is secured: the page resumes waiting instead of showing the form.
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 45_000 });
  const collection = await eventually(async () => {
    const current = await collectionOf(orderId, payment_collection.id);
    return current.status === "authorized" ? current : undefined;
  }, "the collection to be authorized");
  expect(collection.payments).toHaveLength(1);
});

test("wrong, mismatched and incomplete links show a clear page, never an error", async ({ page }) => {
  const orderId = await orderPlacedByApi("link-wrong");
  const otherOrderId = await orderPlacedByApi("link-wrong-other");
  const otherCollection = (await backendOrder(otherOrderId)).payment_collections?.[0];
  if (!otherCollection) throw new Error("no collection on the other order");

  const cases: [string, RegExp][] = [
    [paymentLink("pay_col_01NOSUCHCOLLECTION00000000", orderId), /does not match its order/],
    [paymentLink(otherCollection.id, orderId), /does not match its order/],
    [paymentLink(otherCollection.id, "order_01NOSUCHORDER0000000000000"), /could not find the order/],
    [paymentLink(otherCollection.id, "not-an-id"), /could not find the order/],
    [`/payment-collection/${otherCollection.id}`, /does not say which order/],
  ];
  for (const [url, message] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { name: "This payment link does not work" })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
  }

  // A collection Medusa canceled (the first payment, released by an edit) is withdrawn, not payable.
  await addItemByOrderEdit(orderId, "wool-socks");
  const canceled = (await backendOrder(orderId)).payment_collections?.find((collection) => collection.status === "canceled");
  if (!canceled) throw new Error("the edit did not cancel the authorized collection");
  await page.goto(paymentLink(canceled.id, orderId));
  await expect(page.getByRole("heading", { name: "This payment request was withdrawn" })).toBeVisible();
  await expect(payButton(page)).toHaveCount(0);
});
