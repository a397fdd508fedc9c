import type { Page } from "@playwright/test";
import { createCustomerAccount } from "@medusa-stripe-checkout/test-support/stack";
import { uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";
import { expect } from "./fixtures";

/** The password every test account is made with. */
export const PASSWORD = "correct horse battery";

/** An account made directly in Medusa (its own registration steps), for tests that start from an existing customer. */
export async function existingAccount(label: string): Promise<string> {
  const email = uniqueEmail(label);
  await createCustomerAccount(email, PASSWORD);
  return email;
}

/** Signs in from the account page and waits for the customer's page. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/account");
  await signInWith(page, email, password);
  await expectSignedIn(page, email);
}

export async function signInWith(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** The customer's page is on screen, for this email. */
export async function expectSignedIn(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
}
