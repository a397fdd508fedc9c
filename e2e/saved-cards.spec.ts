import type { Page } from "@playwright/test";
import {
  answerThreeDSecure,
  CARDS,
  checkoutUntilPayment,
  expectConfirmation,
  fillCard,
  placeOrderButton,
} from "@medusa-stripe-checkout/test-support/shopper";
import { existingAccount, signIn } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * Saved cards for signed-in shoppers: the Payment Element offers to save the card (Stripe's CustomerSession), shows
 * it at the next checkout, pays with it — a 3-D Secure card is asked for 3-D Secure again, as Stripe does for a card
 * that always wants it — and removes it. Guests see none of it.
 */

const SAVE = "Save this card for future purchases";

function cardFrame(page: Page) {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

async function signedInShopper(page: Page, label: string): Promise<string> {
  const email = await existingAccount(label);
  await signIn(page, email);
  return email;
}

/** Pays with a new card, ticking "save". */
async function payAndSave(page: Page, card: string): Promise<void> {
  await fillCard(page, card);
  await cardFrame(page).getByLabel(SAVE).check();
  await placeOrderButton(page).click();
}

test("saves the card at the first order, pays the second with it, then removes it", async ({ page }) => {
  const email = await signedInShopper(page, "saved-card");

  // First order: no saved card yet, and the offer to save this one.
  await checkoutUntilPayment(page, email);
  await expect(cardFrame(page).getByLabel(SAVE)).toBeVisible();
  await expect(cardFrame(page).getByRole("group", { name: "Saved cards" })).toBeHidden();
  await payAndSave(page, CARDS.pays);
  await expectConfirmation(page);

  // Second order: the saved card is offered and chosen; paying asks for no card details.
  await checkoutUntilPayment(page, email);
  const saved = cardFrame(page).getByRole("group", { name: "Saved cards" });
  await expect(saved.getByRole("radio", { name: /Visa •••• 4242, expires 12\/\d\d/ })).toBeChecked();
  await expect(cardFrame(page).getByLabel("Card number")).toBeHidden();
  await placeOrderButton(page).click();
  await expectConfirmation(page);

  // Third visit: the shopper removes it, and it stays removed.
  await checkoutUntilPayment(page, email);
  await saved.getByRole("button", { name: "Remove Visa •••• 4242" }).click();
  await saved.getByRole("group", { name: "Remove Visa •••• 4242?" }).getByRole("button", { name: "Remove card" }).click();
  await expect(saved).toBeHidden();
  await expect(cardFrame(page).getByLabel("Card number")).toBeVisible();
  await page.reload();
  await expect(placeOrderButton(page)).toBeEnabled({ timeout: 15_000 });
  await expect(cardFrame(page).getByLabel("Card number")).toBeVisible();
  await expect(cardFrame(page).getByRole("group", { name: "Saved cards" })).toBeHidden();
});

test("a saved 3-D Secure card is asked for 3-D Secure again when it pays the next order", async ({ page }) => {
  const email = await signedInShopper(page, "saved-3ds");

  await checkoutUntilPayment(page, email);
  await payAndSave(page, CARDS.threeDSecure);
  await answerThreeDSecure(page, "complete");
  await expectConfirmation(page);

  await checkoutUntilPayment(page, email);
  await expect(cardFrame(page).getByRole("radio", { name: /Visa •••• 3184/ })).toBeChecked();
  await placeOrderButton(page).click();
  await answerThreeDSecure(page, "complete");
  await expectConfirmation(page);
});

test("a card paid without ticking save is not offered again", async ({ page }) => {
  const email = await signedInShopper(page, "not-saved");
  await checkoutUntilPayment(page, email);
  await fillCard(page, CARDS.pays);
  await placeOrderButton(page).click();
  await expectConfirmation(page);

  await checkoutUntilPayment(page, email);
  await expect(cardFrame(page).getByLabel(SAVE)).toBeVisible();
  await expect(cardFrame(page).getByRole("group", { name: "Saved cards" })).toBeHidden();
});

test("a guest's card form offers no saving", async ({ page }) => {
  await checkoutUntilPayment(page, "guest-no-save@example.com");
  await expect(cardFrame(page).getByLabel("Card number")).toBeVisible();
  await expect(cardFrame(page).getByLabel(SAVE)).toBeHidden();
});
