import type { Page } from "@playwright/test";
import { storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import {
  ADDRESSES,
  addToCart,
  CARDS,
  checkoutUntilPayment,
  chooseDelivery,
  expectCardFormReady,
  expectConfirmation,
  fillCard,
  fillContactAndAddress,
  placeOrderButton,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";
import { existingAccount, expectSignedIn, PASSWORD, signInWith } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * Shopper accounts through Medusa's customer authentication: signing up and in from the header and from the checkout,
 * the cart surviving it, orders placed while signed in in the order history, signing out, and what the browser is
 * (never) given: the Medusa token stays in an HttpOnly cookie, out of script's reach.
 */

const WRONG_CREDENTIALS = "That email and password do not match an account. Please check them and try again.";
/** A JWT as Medusa issues them: three base64url parts, the first two JSON objects ("eyJ" is `{"`). */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

function headerAccount(page: Page) {
  return page.getByRole("banner").getByRole("link", { name: /^Account/ });
}

function cartCount(page: Page) {
  return page.getByRole("banner").getByTestId("cart-count");
}

async function cookieValue(page: Page, name: string): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === name)?.value;
}

/**
 * A sign-in that is refused: returns once the server has answered it (the form then shows that answer). The server
 * action's response starts only once the action has finished (its cookies go in the headers).
 */
async function refusedSignIn(page: Page, email: string, password: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && "next-action" in response.request().headers());
  await signInWith(page, email, password);
  await answered;
}

/** Opens the order history and the order from it: its page shows the same order number. */
async function expectInOrderHistory(page: Page, orderId: string): Promise<void> {
  await page.goto("/account");
  const history = page.getByRole("list", { name: "Your orders" });
  const entry = history.locator(`a[href="/order/${orderId}"]`);
  await expect(entry).toBeVisible();
  const number = await entry.getByTestId("order-history-number").textContent();
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`/order/${orderId}$`));
  await expect(page.getByTestId("order-number")).toHaveText(number ?? "");
}

test("signs up from the header on a 320 px phone, keeps the cart, holds the token only in an HttpOnly cookie, and signs out from the header", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await addToCart(page, "Linen Shirt");
  const cartId = await cookieValue(page, "cart_id");
  expect(cartId).toMatch(/^cart_/);

  // The header's account link fits the narrowest phone, without sideways scrolling, and is a full tap target.
  const account = headerAccount(page);
  await expect(account).toBeVisible();
  const box = await account.boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(44);
  expect(box?.width).toBeGreaterThanOrEqual(44);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  await account.click();
  const email = uniqueEmail("signup");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("First name").fill("Grace");
  await form.getByLabel("Last name").fill("Hopper");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(PASSWORD);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await form.getByRole("button", { name: "Create account" }).click();

  await expectSignedIn(page, email);
  await expect(page.getByRole("heading", { name: "Hello, Grace Hopper" })).toBeVisible();
  await expect(page.getByText("No orders yet.")).toBeVisible();
  // The same cart, now the customer's: one item, one cart, nothing lost or doubled.
  await expect(cartCount(page)).toHaveText("1");
  expect(await cookieValue(page, "cart_id")).toBe(cartId);
  const { cart } = await storeSdk().store.cart.retrieve(cartId ?? "", { fields: "id,email,items.quantity" });
  expect(cart.email).toBe(email);
  expect(cart.items?.map((item) => item.quantity)).toEqual([1]);

  // The token: an HttpOnly, SameSite=Lax cookie (Secure except on this plain-http localhost), and nowhere a script
  // can read it.
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "customer_session");
  expect(session?.value).toMatch(JWT);
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(session?.secure).toBe(!/^http:\/\/(localhost|127\.0\.0\.1)/.test(page.url()));
  for (const cookie of cookies.filter((c) => JWT.test(c.value))) expect(cookie.httpOnly, `${cookie.name} is HttpOnly`).toBe(true);
  const scriptVisible = await page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.entries({ ...localStorage }),
    session: Object.entries({ ...sessionStorage }),
  }));
  expect(scriptVisible.cookie).not.toMatch(JWT);
  for (const [key, value] of [...scriptVisible.local, ...scriptVisible.session]) {
    expect(`${key}=${value}`).not.toMatch(JWT);
    expect(value).not.toContain(session?.value ?? "<none>");
  }

  // Signing out from the header's menu, still at 320 px.
  await page.goto("/");
  const menu = page.getByRole("banner").getByTestId("account-menu");
  const menuBox = await menu.boundingBox();
  expect(menuBox?.height).toBeGreaterThanOrEqual(44);
  expect(menuBox?.width).toBeGreaterThanOrEqual(44);
  await menu.click();
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(headerAccount(page)).toBeVisible();
  expect(await cookieValue(page, "customer_session")).toBeUndefined();
  // The customer's cart stays with their account, not with the next person at this browser.
  await expect(cartCount(page)).toHaveText("0");
  await page.goto("/account");
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
});

test("signs in from the checkout: the guest cart's items survive, and the order placed appears in the order history and opens", async ({ page }) => {
  const email = await existingAccount("checkout-signin");
  await addToCart(page, "Linen Shirt");
  await addToCart(page, "Canvas Tote");
  const cartId = await cookieValue(page, "cart_id");
  await page.goto("/checkout");

  // A guest's checkout offers signing in, quietly, in the contact section.
  const contact = page.getByRole("form", { name: "Contact and addresses" });
  await expect(contact).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\?next=%2Fcheckout$/);
  await signInWith(page, email, PASSWORD);

  // Back at the checkout, signed in, with the same cart: both items, the account's email already filled in.
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByText("You are signed in: this order will be saved to your account.")).toBeVisible();
  await expect(contact.getByLabel("Email")).toHaveValue(email);
  const summary = page.getByRole("complementary", { name: "Order summary" });
  await expect(summary.getByText("Linen Shirt").first()).toBeVisible();
  await expect(summary.getByText("Canvas Tote").first()).toBeVisible();
  expect(await cookieValue(page, "cart_id")).toBe(cartId);

  await fillContactAndAddress(page, email, ADDRESSES.germany);
  await chooseDelivery(page, "Standard delivery");
  await expectCardFormReady(page);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  await expectInOrderHistory(page, orderId);

  // Signing out from the account page.
  await page.goto("/account");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(headerAccount(page)).toBeVisible();
  expect(await cookieValue(page, "customer_session")).toBeUndefined();
});

test("a cart started while signed in is the customer's: its order is in the history", async ({ page }) => {
  const email = await existingAccount("signed-in-cart");
  await page.goto("/account");
  await signInWith(page, email, PASSWORD);
  await expectSignedIn(page, email);

  await checkoutUntilPayment(page, email);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);

  await expectInOrderHistory(page, orderId);
});

test("a wrong password and an unknown email get the same answer, which names neither", async ({ page }) => {
  const email = await existingAccount("wrong-password");
  await page.goto("/account");
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");

  await refusedSignIn(page, email, "not the password");
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  const forExisting = await alert.textContent();

  // The same words again, so wait for the server's answer to this second attempt before reading them.
  await refusedSignIn(page, uniqueEmail("nobody"), "not the password");
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  expect(await alert.textContent()).toBe(forExisting);

  expect(await cookieValue(page, "customer_session")).toBeUndefined();
  // And the right password still signs in.
  await signInWith(page, email, PASSWORD);
  await expectSignedIn(page, email);
});
