import { existsSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { NOTIFICATION_OUTBOX_FILE } from "@medusa-stripe-checkout/test-support/stack-info";
import { createCustomerAccount } from "@medusa-stripe-checkout/test-support/stack";
import { uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";
import { signInWith } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * A forgotten password, through Medusa's reset flow: the e-mail the local stack writes to its outbox instead of
 * sending, its link, a new password, and the link working only once.
 */

const OLD_PASSWORD = "correct horse battery";
const NEW_PASSWORD = "staple battery horse";
const WRONG_CREDENTIALS = "That email and password do not match an account. Please check them and try again.";
const requested = (email: string) =>
  `If an account uses ${email}, we have sent it an e-mail with a link to choose a new password. The link works once, for 15 minutes.`;

interface OutboxMessage {
  to: string;
  channel: string;
  subject: string | null;
  text: string | null;
  data: { reset_url?: string } | null;
}

function messagesTo(email: string): OutboxMessage[] {
  if (!existsSync(NOTIFICATION_OUTBOX_FILE)) return [];
  return readFileSync(NOTIFICATION_OUTBOX_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxMessage)
    .filter((message) => message.to === email);
}

async function askForReset(page: Page, email: string): Promise<void> {
  await page.goto("/account");
  await page.getByRole("form", { name: "Sign in" }).getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/account\/forgot-password$/);
  const form = page.getByRole("form", { name: "Reset your password" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(form.getByRole("status")).toHaveText(requested(email));
}

test("a customer resets a forgotten password from the e-mailed link: the new password signs in, the old one no longer does, the link works once", async ({ page }) => {
  const email = uniqueEmail("reset");
  await createCustomerAccount(email, OLD_PASSWORD);

  await askForReset(page, email);
  await expect.poll(() => messagesTo(email).length, { message: "the reset e-mail in the outbox" }).toBe(1);
  const [message] = messagesTo(email);
  expect(message).toMatchObject({ channel: "email", subject: "Reset your password" });
  const link = /https?:\/\/\S+\/account\/reset-password\?\S+/.exec(message?.text ?? "")?.[0] ?? "";
  expect(link).toBe(message?.data?.reset_url);
  const url = new URL(link);
  expect(url.searchParams.get("email")).toBe(email);
  expect(url.searchParams.get("token")).toMatch(/^eyJ/);

  // The link, opened on this storefront.
  await page.goto(`${url.pathname}${url.search}`);
  const form = page.getByRole("form", { name: "Choose a new password" });
  await expect(form.getByText(email)).toBeVisible();
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Set new password" }).click();
  await expect(form.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/account\?password=changed$/);
  await expect(page.getByRole("status")).toHaveText("Your password has been changed. Sign in with your new password.");
  const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
  await signInWith(page, email, OLD_PASSWORD);
  await expect(alert).toHaveText(WRONG_CREDENTIALS);
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByTestId("account-email")).toHaveText(email);

  // The same link again (signed out, as someone who found the e-mail later would be): refused, in plain words.
  await page.context().clearCookies();
  await page.goto(`${url.pathname}${url.search}`);
  await form.getByLabel("New password").fill("a third password");
  await form.getByRole("button", { name: "Set new password" }).click();
  await expect(form.getByRole("alert")).toHaveText("This reset link has expired or has already been used. Please ask for a new one.");
  await expect(form.getByRole("link", { name: "Ask for a new reset link" })).toHaveAttribute("href", "/account/forgot-password");
  await page.goto("/account");
  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});

test("asking to reset the password of an e-mail without an account gets the same answer, and sends nothing", async ({ page }) => {
  const existing = uniqueEmail("reset-existing");
  await createCustomerAccount(existing, OLD_PASSWORD);
  const nobody = uniqueEmail("reset-nobody");

  await askForReset(page, existing);
  await askForReset(page, nobody);
  // The answer names the address typed and nothing else: the same sentence, whichever it was.
  await expect.poll(() => messagesTo(existing).length).toBe(1);
  expect(messagesTo(nobody)).toEqual([]);
});

test("a forged or damaged reset link is refused in plain words and changes nothing", async ({ page }) => {
  const email = uniqueEmail("reset-forged");
  await createCustomerAccount(email, OLD_PASSWORD);
  const forged = ["eyJhbGciOiJIUzI1NiJ9.eyJlbnRpdHlfaWQiOiJ4In0.c2lnbmF0dXJl", "not-a-token"];
  for (const token of forged) {
    await page.goto(`/account/reset-password?${new URLSearchParams({ token, email })}`);
    const form = page.getByRole("form", { name: "Choose a new password" });
    await form.getByLabel("New password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Set new password" }).click();
    await expect(form.getByRole("alert")).toHaveText("This reset link has expired or has already been used. Please ask for a new one.");
  }
  await page.goto("/account");
  await signInWith(page, email, OLD_PASSWORD);
  await expect(page.getByTestId("account-email")).toHaveText(email);
});
