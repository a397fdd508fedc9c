import { expect, type Locator, type Page } from "@playwright/test";

/** What a shopper does, step by step, through the storefront's visible controls. */

export type ShopperAddress = {
  firstName: string;
  lastName: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  province?: string;
};

export const ADDRESSES = {
  germany: { firstName: "Erika", lastName: "Mustermann", street: "Heidestraße 17", postalCode: "51147", city: "Köln", country: "Germany" },
  japan: { firstName: "Hanako", lastName: "Yamada", street: "1-1 Chiyoda", postalCode: "100-0001", city: "Tokyo", country: "Japan" },
} satisfies Record<string, ShopperAddress>;

export function uniqueEmail(label: string): string {
  return `e2e-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Chooses the shipping country in the header; the region (and currency) follows it. */
export async function chooseCountry(page: Page, countryName: string): Promise<void> {
  await page.goto("/");
  const select = page.getByLabel("Shipping country");
  const option = select.locator("option", { hasText: countryName });
  const value = await option.getAttribute("value");
  if (!value) throw new Error(`no country option "${countryName}"`);
  await select.selectOption(value);
  await expect(select).toHaveValue(value);
  await expect(select).toBeEnabled();
}

export async function addToCart(page: Page, productName = "Linen Shirt", size?: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: productName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: productName })).toBeVisible();
  if (size) await page.getByText(size, { exact: true }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: /^Cart, [1-9]\d* items?$/ })).toBeVisible();
}

/**
 * A product's picture is on screen and its file has loaded: the browser decoded an image from it (a file it could not
 * load or decode has no natural width). The product page names its picture; in a list (the shop's cards, the cart's
 * lines, the order summary) the picture is decorative beside the product's name, and a screen reader skips it.
 */
export async function expectPictureShown(page: Page, productName: string): Promise<Locator> {
  const named = page.getByRole("img", { name: productName, exact: true });
  const beside = page
    .getByRole("listitem")
    .filter({ has: page.getByText(productName, { exact: true }) })
    .locator("img[alt='']");
  const picture = named.or(beside).locator("visible=true").first();
  await expect(picture).toBeVisible();
  await expect
    .poll(() => picture.evaluate((image: HTMLImageElement) => (image.complete ? image.naturalWidth : 0)), {
      message: `${productName}'s picture to load`,
    })
    .toBeGreaterThan(0);
  return picture;
}

/** The cart the browser's cookie names (the storefront's HttpOnly `cart_id`), if any. */
export async function cartCookie(page: Page): Promise<string | undefined> {
  return (await page.context().cookies()).find((cookie) => cookie.name === "cart_id")?.value;
}

/** Fills the contact and address form and (unless told not to) submits it. */
export async function fillContactAndAddress(
  page: Page,
  email: string,
  address: ShopperAddress,
  options: { submit?: boolean } = {},
): Promise<void> {
  const form = page.getByRole("form", { name: "Contact and addresses" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First name").fill(address.firstName);
  await form.getByLabel("Last name").fill(address.lastName);
  await form.getByLabel("Street and house number").fill(address.street);
  await form.getByLabel("Postal code").fill(address.postalCode);
  await form.getByLabel("City").fill(address.city);
  const country = form.getByLabel("Country");
  if (await country.isEnabled()) await country.selectOption({ label: address.country });
  if (options.submit !== false) await form.getByRole("button", { name: "Continue to delivery" }).click();
}

/**
 * Picks a delivery option. Choosing saves it at once; this returns when the cart holds it (the form's
 * `data-saved-option`) and nothing is being saved any more.
 */
export async function chooseDelivery(page: Page, option: "Standard delivery" | "Express delivery"): Promise<void> {
  const form = page.getByRole("form", { name: "Delivery" });
  const radio = form.getByLabel(option);
  await radio.check();
  const value = await radio.getAttribute("value");
  await expect(form).toHaveAttribute("data-saved-option", value ?? "");
  await expect(form).toHaveAttribute("aria-busy", "false");
}

/** The card form is mounted on a Stripe session and the pay button can be pressed. */
export async function expectCardFormReady(page: Page): Promise<void> {
  await expect(placeOrderButton(page)).toBeEnabled({ timeout: 15_000 });
}

/**
 * From an empty browser to a checkout ready to pay: address given, delivery chosen, card form mounted. Giving the
 * address picks the cheapest delivery; choosing another one re-prices the order and prepares a new payment.
 */
export async function checkoutUntilPayment(
  page: Page,
  email: string,
  options: { address?: ShopperAddress; delivery?: "Standard delivery" | "Express delivery"; product?: string } = {},
): Promise<void> {
  await addToCart(page, options.product);
  await page.goto("/checkout");
  await fillContactAndAddress(page, email, options.address ?? ADDRESSES.germany);
  await chooseDelivery(page, options.delivery ?? "Standard delivery");
  await expectCardFormReady(page);
}

export function placeOrderButton(page: Page) {
  return page.getByRole("button", { name: /^Place order and pay / });
}

/** The payment form's own error message (Next's route announcer is an alert too, so scope to the form). */
export function paymentAlert(page: Page) {
  return page.getByRole("form", { name: "Payment" }).getByRole("alert");
}

/** Why the card form was moved to another payment (a new total, another tab), in the form's own words. */
export function paymentNotice(page: Page) {
  return page.getByRole("form", { name: "Payment" }).getByRole("status");
}

/** The amount the pay button states, e.g. "€64.00". */
export async function statedTotal(page: Page): Promise<string> {
  const name = (await placeOrderButton(page).textContent()) ?? "";
  return name.replace(/^Place order and pay\s*/, "").trim();
}

/** Answers the 3-D Secure challenge that opens over the page. */
export async function answerThreeDSecure(page: Page, outcome: "complete" | "fail"): Promise<void> {
  const challenge = page.frameLocator('iframe[title="3D Secure authentication"]');
  await challenge.getByRole("button", { name: outcome === "complete" ? /complete/i : /fail/i }).click();
}

/**
 * The order confirmation is on screen. It then clears the cart cookie (the cart stays named until the shopper has
 * seen its order), so this also waits for that: the next visit starts a new cart.
 */
export async function expectConfirmation(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === "cart_id"), {
      message: "the confirmation to forget the completed cart",
    })
    .toBe(false);
  const orderId = new URL(page.url()).pathname.split("/")[2];
  if (!orderId) throw new Error(`not an order URL: ${page.url()}`);
  return orderId;
}

export const CARDS = {
  pays: "4242 4242 4242 4242",
  threeDSecure: "4000 0027 6000 3184",
  insufficientFunds: "4000 0000 0000 9995",
  genericDecline: "4000 0000 0000 0002",
} as const;

/** Fills the Payment Element's card form, inside Stripe's (or the double's) cross-origin frame. */
export async function fillCard(page: Page, number: string, options: { expiry?: string; cvc?: string; postalCode?: string } = {}) {
  const frame = page.frameLocator('iframe[title="Secure payment input frame"]');
  await frame.getByLabel("Card number").fill(number);
  await frame.getByLabel("Expiration date").fill(options.expiry ?? "12 / 34");
  await frame.getByLabel("Security code").fill(options.cvc ?? "123");
  const postalCode = frame.getByLabel("ZIP");
  if (options.postalCode && (await postalCode.isVisible())) await postalCode.fill(options.postalCode);
  // The form grows as it is filled (Stripe's does too) and tells the page its new height. Until the page has resized
  // the frame, the pay button below it is still moving, and a click aimed at it can land beside it.
  const iframe = page.locator('iframe[title="Secure payment input frame"]');
  await expect
    .poll(async () => {
      const content = await frame.locator(":root").evaluate((root) => root.scrollHeight);
      const shown = await iframe.evaluate((element) => element.getBoundingClientRect().height);
      return Math.abs(Math.ceil(content) - shown) <= 1;
    }, { message: "the card form to settle at its new height", intervals: [20] })
    .toBe(true);
  // Then bring the pay button into view, as the shopper's scroll does before the tap. A click that has to scroll
  // first can reach Chromium while it still routes input by the old layout, and land in the card frame, which sat
  // under that spot before the scroll; the button then never hears of it.
  await page.getByRole("form", { name: "Payment" }).locator("button[type=submit]").scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
