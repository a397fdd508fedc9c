import type { APIRequestContext } from "@playwright/test";
import { type ServerAction, callActionBody, formActionBody, serverActionHeaders, serverActionsIn } from "@medusa-stripe-checkout/test-support/server-actions";
import {
  cartReadyForPayment,
  confirmAsBrowser,
  createCustomerAccount,
  initiateStripeSession,
  storeSdk,
} from "@medusa-stripe-checkout/test-support/stack";
import { uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";
import { PASSWORD, signIn } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * Nobody sees or changes another customer's data. Signed in as customer A, with customer B's order id, saved address
 * id and cart id in hand (in the URL, in a server action's form, in the cart cookie), every page and every server
 * action answers as if they did not exist, and B's data is the same afterwards, read through B's own session.
 */

const B_ADDRESS = {
  first_name: "Bob",
  last_name: "Private",
  address_1: "Geheimweg 7",
  postal_code: "80331",
  city: "München",
  country_code: "de",
};

interface CustomerB {
  email: string;
  auth: { authorization: string };
  orderId: string;
  collectionId: string;
  addressId: string;
  cartId: string;
}

/** Customer B with an order, a saved address and an open cart, all made through B's own session. */
async function customerBWithData(): Promise<CustomerB> {
  const email = uniqueEmail("isolation-b");
  const auth = await createCustomerAccount(email, PASSWORD, { first_name: "Bob", last_name: "Private" });
  const sdk = storeSdk();
  const { customer } = await sdk.store.customer.createAddress(B_ADDRESS, { fields: "id,*addresses" }, auth);
  const addressId = customer.addresses?.[0]?.id ?? "";

  const paid = await cartReadyForPayment(sdk, email);
  await sdk.store.cart.transferCart(paid.id, {}, auth);
  const { paymentIntent } = await initiateStripeSession(sdk, paid.id);
  await confirmAsBrowser(paymentIntent, "pm_card_visa");
  const completion = await sdk.store.cart.complete(paid.id);
  if (completion.type !== "order") throw new Error(`B's order was not placed: ${completion.error?.message}`);
  const { order } = await sdk.store.order.retrieve(completion.order.id, { fields: "id,customer_id,payment_collections.id" });

  const open = await cartReadyForPayment(sdk, email);
  await sdk.store.cart.transferCart(open.id, {}, auth);
  return { email, auth, orderId: order.id, collectionId: order.payment_collections?.[0]?.id ?? "", addressId, cartId: open.id };
}

/** What B has, read through B's own session: to compare before and after A's attempts. */
async function snapshotOfB(b: CustomerB) {
  const sdk = storeSdk();
  const [{ addresses }, { orders }, { cart }] = await Promise.all([
    sdk.store.customer.listAddress({ fields: "id,first_name,last_name,address_1,postal_code,city,country_code" }, b.auth),
    sdk.store.order.list({ fields: "id,email,total,status" }, b.auth),
    sdk.store.cart.retrieve(b.cartId, { fields: "id,email,customer.id,completed_at,items.id,items.quantity,items.variant_id,*shipping_address,shipping_methods.id" }, b.auth),
  ]);
  return { addresses, orders, cart };
}

function action(file: string, name: string): ServerAction {
  const found = serverActionsIn(file).get(name);
  if (!found) throw new Error(`the build has no ${name} action in ${file}`);
  return found;
}

/** Posts a form to a server action as React does, with the browser's cookies (A's session, and whatever cart cookie). */
async function postForm(request: APIRequestContext, origin: string, serverAction: ServerAction, fields: Record<string, string>) {
  const response = await request.post(serverAction.page, {
    headers: serverActionHeaders(serverAction, origin),
    multipart: formActionBody(fields),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

async function callAction(request: APIRequestContext, origin: string, serverAction: ServerAction, args: readonly string[] = []) {
  const response = await request.post(serverAction.page, {
    headers: { ...serverActionHeaders(serverAction, origin), "Content-Type": "text/plain;charset=UTF-8" },
    data: callActionBody(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test("signed in as A, B's order, saved address and cart are refused on every page and by every server action, and B's data is unchanged", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const origin = baseURL ?? "";
  const b = await customerBWithData();
  const before = await snapshotOfB(b);
  expect(before.orders.map((order) => order.id)).toContain(b.orderId);
  expect(before.addresses.map((address) => address.id)).toEqual([b.addressId]);

  const emailA = uniqueEmail("isolation-a");
  await createCustomerAccount(emailA, PASSWORD);
  await signIn(page, emailA);

  // B's order: its page, its confirmation and its payment link show nothing of it.
  for (const path of [`/order/${b.orderId}`, `/order/${b.orderId}/confirmed`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator("body")).not.toContainText(b.email);
    await expect(page.locator("body")).not.toContainText("Geheimweg");
  }
  await page.goto(`/payment-collection/${b.collectionId}?order_id=${b.orderId}`);
  await expect(page.locator("body")).not.toContainText(b.email);
  await expect(page.locator("body")).not.toContainText("Geheimweg");
  // A's own account lists none of B's orders or addresses.
  await page.goto("/account");
  await expect(page.locator(`a[href="/order/${b.orderId}"]`)).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("Geheimweg");

  // B's saved address, through the account page's actions, posted directly with B's address id.
  const updateAddress = action("lib/address-book.ts", "updateSavedAddress");
  const deleteAddress = action("lib/address-book.ts", "deleteSavedAddress");
  const notFound = "We could not find that address in your account. It may have been removed already.";
  const edited = await postForm(page.request, origin, updateAddress, { ...B_ADDRESS, address_id: b.addressId, address_1: "Changed by A 1" });
  expect(edited.status).toBe(200);
  expect(edited.body).toContain(notFound);
  const deleted = await postForm(page.request, origin, deleteAddress, { address_id: b.addressId });
  expect(deleted.status).toBe(200);
  expect(deleted.body).toContain(notFound);

  // B's cart: put in A's cart cookie by hand. The cart page and the checkout show none of it.
  const cookieUrl = new URL(origin);
  await page.context().addCookies([{ name: "cart_id", value: b.cartId, domain: cookieUrl.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/cart");
  await expect(page.getByRole("banner").getByTestId("cart-count")).toHaveText("0");
  await expect(page.locator("body")).not.toContainText("Linen Shirt");
  await page.goto("/checkout");
  await expect(page.locator("body")).not.toContainText(b.email);
  await expect(page.locator("body")).not.toContainText("Heidestraße");

  // Every checkout action, posted with B's cart in the cookie, leaves B's cart alone.
  await page.context().addCookies([{ name: "cart_id", value: b.cartId, domain: cookieUrl.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  const address = {
    email: emailA,
    shipping_first_name: "Mallory",
    shipping_last_name: "A",
    shipping_address_1: "Diebesgasse 1",
    shipping_postal_code: "10115",
    shipping_city: "Berlin",
    shipping_country_code: "de",
    billing_same: "on",
  };
  await postForm(page.request, origin, action("lib/checkout.ts", "saveContactAndAddresses"), address);
  await callAction(page.request, origin, action("lib/checkout.ts", "prepareCardPayment"));
  await callAction(page.request, origin, action("lib/checkout.ts", "placeOrder"));
  await postForm(page.request, origin, action("lib/promotions.ts", "applyPromotionCode"), { code: "WELCOME10" });
  const lineId = before.cart.items?.[0]?.id ?? "";
  expect(lineId).toMatch(/^cali_/);
  await postForm(page.request, origin, action("lib/cart.ts", "updateLineQuantity"), { line_id: lineId, quantity: "0" });

  const after = await snapshotOfB(b);
  expect(after).toEqual(before);
  expect(after.cart.completed_at ?? null).toBeNull();
});

test("a cart id someone else's e-mail is on is not taken over by signing in", async ({ page, baseURL }) => {
  const b = await customerBWithData();
  const before = await snapshotOfB(b);
  const emailA = uniqueEmail("isolation-signin-a");
  await createCustomerAccount(emailA, PASSWORD);

  const cookieUrl = new URL(baseURL ?? "");
  await page.goto("/");
  await page.context().addCookies([{ name: "cart_id", value: b.cartId, domain: cookieUrl.hostname, path: "/", httpOnly: true, sameSite: "Lax" }]);
  await signIn(page, emailA);
  await expect(page.getByRole("banner").getByTestId("cart-count")).toHaveText("0");
  expect(await snapshotOfB(b)).toEqual(before);
});
