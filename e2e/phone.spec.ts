import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import {
  ADDRESSES,
  addToCart,
  CARDS,
  expectCardFormReady,
  chooseDelivery,
  expectConfirmation,
  fillCard,
  fillContactAndAddress,
  placeOrderButton,
  statedTotal,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";

/**
 * Phones first: a whole checkout on a 375 × 667 screen, and at every page of the journey no sideways scrolling at
 * the narrowest (320 px), a common (375 px) and a large (414 px) phone width.
 */

const PHONE_WIDTHS = [320, 375, 414] as const;

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

/** What sticks out past the right edge, named so that a failure says which element to fix. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}"> right edge ${Math.round(element.getBoundingClientRect().right)} px`);
  });
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: 667 });
    expect(await sidewaysOverflow(page), `${where} at ${width} px scrolls sideways`).toEqual([]);
  }
  await page.setViewportSize({ width: 375, height: 667 });
}

/**
 * Every control the shopper taps on the page (not inside Stripe's frames) is at least 44 px tall: buttons, fields,
 * and the labels that stand for radios and checkboxes.
 */
async function expectTapTargets(page: Page, where: string): Promise<void> {
  const small = await page.locator("main").evaluate((main) => {
    const controls = [
      ...main.querySelectorAll<HTMLElement>("button, select, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), summary"),
      ...[...main.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]")].map(
        (input) => input.closest("label") ?? input,
      ),
    ];
    return controls
      .filter((control) => control.getClientRects().length > 0)
      .map((control) => ({ what: control.outerHTML.slice(0, 80), height: control.getBoundingClientRect().height }))
      .filter((control) => control.height < 44);
  });
  expect(small, `controls under 44 px on ${where}`).toEqual([]);
}

test("a phone shopper buys without sideways scrolling on any page of the journey", async ({ page }) => {
  await page.goto("/");
  await expectNoSidewaysScroll(page, "the home page");

  await addToCart(page);
  await expectNoSidewaysScroll(page, "the product page");

  await page.goto("/cart");
  await expectNoSidewaysScroll(page, "the cart");

  await page.goto("/checkout");
  await expectNoSidewaysScroll(page, "the empty checkout");
  await expectTapTargets(page, "the empty checkout");
  // On a phone the order summary waits, collapsed, above the form, with the total on its bar.
  const summaryBar = page.locator("summary", { hasText: "Show order summary" });
  await expect(summaryBar).toBeVisible();
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeHidden();
  await summaryBar.click();
  await expect(page.getByText("Subtotal").first()).toBeVisible();
  await expectNoSidewaysScroll(page, "the checkout with its summary open");
  await summaryBar.click();

  await fillContactAndAddress(page, uniqueEmail("phone"), ADDRESSES.germany);
  await expect(page.getByRole("heading", { name: "Delivery" })).toBeFocused();
  await chooseDelivery(page, "Express delivery");
  await expectCardFormReady(page);
  await expectNoSidewaysScroll(page, "the checkout ready to pay");
  await expectTapTargets(page, "the checkout ready to pay");
  await expect(summaryBar).toContainText(await statedTotal(page));

  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  const orderId = await expectConfirmation(page);
  await expectNoSidewaysScroll(page, "the confirmation");

  await page.goto(`/order/${orderId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, "the order page");
});
