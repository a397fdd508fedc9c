import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import {
  ADDRESSES,
  CARDS,
  addToCart,
  expectCardFormReady,
  fillCard,
  fillContactAndAddress,
  placeOrderButton,
  uniqueEmail,
} from "@medusa-stripe-checkout/test-support/shopper";
import { expect, test } from "../support/fixtures";

/**
 * The pictures in docs/screenshots/: the checkout on a 375 × 667 phone, and the wallet sheet. `npm run screenshots`
 * retakes them against the local stack and the Stripe double.
 */

const SHOTS = fileURLToPath(new URL("../../docs/screenshots", import.meta.url));

test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function walletReady(page: Page): Promise<void> {
  const express = page.getByRole("region", { name: "Express checkout" });
  await expect(express.locator("[data-ready='true']")).toBeVisible({ timeout: 20_000 });
}

test("phone checkout: summary bar, address, delivery and card form on one page", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  await walletReady(page);
  await shoot(page, "phone-1-checkout-opened");

  await page.getByText(/^Show order summary/).click();
  await expect(page.getByText(/^Hide order summary/)).toBeVisible();
  await shoot(page, "phone-2-order-summary-open");
  await page.getByText(/^Hide order summary/).click();

  await fillContactAndAddress(page, uniqueEmail("screenshots"), ADDRESSES.germany);
  await expect(page.getByRole("button", { name: "Change contact or address" })).toBeVisible();
  await expectCardFormReady(page);
  await shoot(page, "phone-3-address-saved");
  await fillCard(page, CARDS.pays);
  // Viewport shots only: a full-page capture leaves Stripe's cross-origin frames (the wallet button) blank.
  await placeOrderButton(page).scrollIntoViewIfNeeded();
  await shoot(page, "phone-4-ready-to-pay");
});

test("wallet sheet: Google Pay (the double's stand-in) over the checkout", async ({ page }) => {
  await addToCart(page);
  await page.goto("/checkout");
  await walletReady(page);
  await page.frameLocator("iframe[title='Secure express checkout frame']").getByRole("button", { name: "Pay with Google Pay" }).click();
  const sheet = page.frameLocator("iframe[title='Google Pay']");
  await expect(sheet.getByRole("dialog", { name: "Google Pay" })).toBeVisible();
  await sheet.getByLabel("Email").fill("jenny.rosen@example.com");
  await sheet.getByLabel("Address line 1").fill("Unter den Linden 1");
  await sheet.getByLabel("City").fill("Berlin");
  await sheet.getByLabel("Postal code").fill("10115");
  await sheet.getByLabel("Country").selectOption("DE");
  await expect(sheet.getByRole("button", { name: /^Pay / })).toBeEnabled({ timeout: 40_000 });
  await shoot(page, "phone-5-wallet-sheet");
});
