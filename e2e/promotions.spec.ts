import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { addToCart } from "@medusa-stripe-checkout/test-support/shopper";
import { stack } from "@medusa-stripe-checkout/test-support/stack";

/**
 * Promotion codes on the cart page, on the narrowest phone: a code typed in lower case takes its percent off and the
 * total drops at once; Remove puts it back; a code the shop does not have gets a plain sentence and changes nothing.
 */

test.use({ viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true });

const { code: WELCOME, percent } = stack.promotions.percentage;

/** "€59.00" → 59. */
function amountOf(text: string | null): number {
  return Number((text ?? "").replace(/[^0-9.]/g, ""));
}

async function total(page: Page): Promise<string> {
  return (await page.getByTestId("order-total").textContent()) ?? "";
}

async function expectTapTarget(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is on screen`).not.toBeNull();
  expect(box!.height, `${what} is at least 44 px tall`).toBeGreaterThanOrEqual(44);
  expect(box!.width, `${what} is at least 44 px wide`).toBeGreaterThanOrEqual(44);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
}

test("a shopper applies a percentage code, sees the total drop, removes it, and an unknown code changes nothing", async ({ page }) => {
  await addToCart(page);
  await page.goto("/cart");
  const summary = page.getByRole("complementary", { name: "Summary" });
  const codeField = summary.getByRole("textbox", { name: "Promotion code" });
  const apply = summary.getByRole("button", { name: "Apply" });
  const before = await total(page);
  await expectTapTarget(codeField, "the code field");
  await expectTapTarget(apply, "Apply");

  await codeField.fill(WELCOME.toLowerCase());
  await apply.click();
  await expect(summary.getByRole("status")).toHaveText(/^Code WELCOME10 applied\. Your total is now /);
  const discount = summary.getByTestId("order-discount");
  await expect(summary.getByText(`Discount (${WELCOME})`)).toBeVisible();
  await expect(page.getByTestId("order-total")).not.toHaveText(before);
  const after = await total(page);
  expect(amountOf(after)).toBeLessThan(amountOf(before));
  // The discount is the code's percent of the items (no delivery or tax yet on this cart).
  expect(amountOf(await discount.textContent())).toBeCloseTo((amountOf(before) * percent) / 100, 2);
  // The announcement names the total the page shows, and the field is empty for the next code.
  await expect(summary.getByRole("status")).toContainText(after);
  await expect(codeField).toHaveValue("");
  const remove = summary.getByRole("button", { name: `Remove code ${WELCOME}` });
  await expectTapTarget(remove, "Remove");
  await expectNoSidewaysScroll(page);

  await remove.click();
  await expect(summary.getByRole("status")).toHaveText(`Code ${WELCOME} removed. Your total is now ${before}.`);
  await expect(page.getByTestId("order-total")).toHaveText(before);
  await expect(discount).toHaveCount(0);
  await expect(remove).toHaveCount(0);

  await codeField.fill("NOSUCHCODE");
  await apply.click();
  await expect(summary.getByRole("alert")).toHaveText(
    "We do not know the code NOSUCHCODE. Please check it and try again — nothing was changed.",
  );
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveValue("NOSUCHCODE");
  // After a reload, from Medusa: the same total, no discount, no code.
  await page.reload();
  await expect(page.getByTestId("order-total")).toHaveText(before);
  await expect(summary.getByTestId("order-discount")).toHaveCount(0);
  await expect(summary.getByRole("button", { name: /^Remove code / })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
});
