import type { Page } from "@playwright/test";
import { createCustomerAccount, customerAuthHeaders, storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import { addToCart, fillContactAndAddress, uniqueEmail } from "@medusa-stripe-checkout/test-support/shopper";
import { PASSWORD, signIn } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/**
 * The signed-in customer's address book: kept on the account page (add, edit, delete), offered at checkout (picking one
 * fills the form), and a new address typed at checkout kept when the customer asks, on Continue only, never twice.
 */

const HOME = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "Unter den Linden 1",
  postal_code: "10117",
  city: "Berlin",
  country_code: "de",
};
const OFFICE = { ...HOME, company: "Analytical Engines", address_1: "Friedrichstraße 100", postal_code: "10117", city: "Berlin" };

/** What Medusa holds in the customer's address book, through the customer's own session. */
async function savedAddresses(email: string) {
  const { addresses } = await storeSdk().store.customer.listAddress(
    { fields: "id,first_name,last_name,company,address_1,postal_code,city,country_code", limit: 50 },
    await customerAuthHeaders(email, PASSWORD),
  );
  return addresses;
}

function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("on the account page at 320 px, a customer adds, edits and deletes saved addresses", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  const email = uniqueEmail("address-book");
  await createCustomerAccount(email, PASSWORD);
  await signIn(page, email);

  const section = page.getByRole("region", { name: "Your addresses" });
  await expect(section.getByText("No saved addresses yet.")).toBeVisible();

  await section.getByRole("button", { name: "Add an address" }).click();
  const add = page.getByRole("form", { name: "New address" });
  // The form opens with the focus in its first field, for keyboards and screen readers.
  await expect(add.getByLabel("First name")).toBeFocused();
  await add.getByRole("button", { name: "Save address" }).click();
  await expect(add.getByLabel("Street and house number")).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByRole("alert")).toHaveText("Please correct the marked fields.");
  await add.getByLabel("First name").fill("Ada");
  await add.getByLabel("Last name").fill("Lovelace");
  await add.getByLabel("Street and house number").fill("Unter den Linden 1");
  await add.getByLabel("Postal code").fill("10117");
  await add.getByLabel("City").fill("Berlin");
  await add.getByLabel("Country").selectOption({ label: "Germany" });
  expect(await noSidewaysScroll(page)).toBe(0);
  await add.getByRole("button", { name: "Save address" }).click();

  await expect(section.getByRole("status")).toHaveText("Address saved.");
  const list = section.getByRole("list", { name: "Your addresses" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText("Unter den Linden 1");
  expect(await noSidewaysScroll(page)).toBe(0);
  const [saved] = await savedAddresses(email);
  expect(saved).toMatchObject(HOME);

  await list.getByRole("button", { name: "Edit address: Ada Lovelace, Unter den Linden 1, 10117 Berlin, DE" }).click();
  const edit = page.getByRole("form", { name: "Edit address" });
  await expect(edit.getByLabel("Street and house number")).toHaveValue("Unter den Linden 1");
  await edit.getByLabel("Street and house number").fill("Unter den Linden 5");
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(section.getByRole("status")).toHaveText("Address updated.");
  await expect(list.getByRole("listitem")).toContainText("Unter den Linden 5");
  expect(await savedAddresses(email)).toEqual([expect.objectContaining({ id: saved?.id, address_1: "Unter den Linden 5" })]);

  await list.getByRole("button", { name: "Delete address: Ada Lovelace, Unter den Linden 5, 10117 Berlin, DE" }).click();
  await expect(section.getByRole("status")).toHaveText("Address removed.");
  await expect(section.getByText("No saved addresses yet.")).toBeVisible();
  expect(await savedAddresses(email)).toEqual([]);
});

test("at checkout on a 320 px phone a customer picks a saved address, and a new address is kept on Continue when asked — not ahead, never twice", async ({ page }) => {
  const email = uniqueEmail("address-book-checkout");
  const auth = await createCustomerAccount(email, PASSWORD);
  await storeSdk().store.customer.createAddress(HOME, {}, auth);
  await storeSdk().store.customer.createAddress(OFFICE, {}, auth);

  await page.setViewportSize({ width: 320, height: 720 });
  await signIn(page, email);
  await addToCart(page, "Linen Shirt");
  await page.goto("/checkout");
  const form = page.getByRole("form", { name: "Contact and addresses" });
  const saved = form.getByRole("group", { name: "Your saved addresses" });
  // The cart has no address yet: the form starts from the first saved one, chosen in the list.
  const home = saved.getByRole("radio", { name: "Ada Lovelace, Unter den Linden 1, 10117 Berlin, DE" });
  const office = saved.getByRole("radio", { name: "Ada Lovelace, Analytical Engines, Friedrichstraße 100, 10117 Berlin, DE" });
  const newAddress = saved.getByRole("radio", { name: "A new address" });
  await expect(home).toBeChecked();
  await expect(form.getByLabel("Street and house number")).toHaveValue("Unter den Linden 1");
  await expect(form.getByLabel("Save this address to my account")).toHaveCount(0);
  expect(await noSidewaysScroll(page)).toBe(0);

  // Keyboard: the arrow key moves to the next saved address, which fills the form.
  await home.focus();
  await page.keyboard.press("ArrowDown");
  await expect(office).toBeChecked();
  await expect(form.getByLabel("Street and house number")).toHaveValue("Friedrichstraße 100");
  await expect(form.getByLabel("Company (optional)")).toHaveValue("Analytical Engines");

  // A new address, to be kept: typed, and saved ahead while the shopper pauses — not yet in the address book.
  await newAddress.check();
  await expect(form.getByLabel("Street and house number")).toHaveValue("");
  await expect(form.getByLabel("Company (optional)")).toHaveValue("");
  await form.getByLabel("Save this address to my account").check();
  await fillContactAndAddress(page, email, { firstName: "Ada", lastName: "Lovelace", street: "Karl-Marx-Allee 33", postalCode: "10178", city: "Berlin", country: "Germany" }, { submit: false });
  await form.getByLabel("City").blur();
  await expect(form).toHaveAttribute("data-saved-ahead", "saved");
  expect((await savedAddresses(email)).map((address) => address.address_1)).toEqual(["Unter den Linden 1", "Friedrichstraße 100"]);

  await form.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(page.getByRole("button", { name: "Change contact or address" })).toBeVisible();
  await expect.poll(async () => (await savedAddresses(email)).map((address) => address.address_1)).toEqual([
    "Unter den Linden 1",
    "Friedrichstraße 100",
    "Karl-Marx-Allee 33",
  ]);

  // The same address typed again and kept again: still one copy.
  await page.getByRole("button", { name: "Change contact or address" }).click();
  const again = page.getByRole("form", { name: "Contact and addresses" });
  await expect(again.getByRole("radio", { name: "Ada Lovelace, Karl-Marx-Allee 33, 10178 Berlin, DE" })).toBeChecked();
  await again.getByRole("radio", { name: "A new address" }).check();
  await fillContactAndAddress(page, email, { firstName: "Ada", lastName: "Lovelace", street: "Karl-Marx-Allee 33", postalCode: "10178", city: "Berlin", country: "Germany" }, { submit: false });
  await again.getByLabel("Save this address to my account").check();
  await again.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("button", { name: "Change contact or address" })).toBeVisible();
  expect((await savedAddresses(email)).filter((address) => address.address_1 === "Karl-Marx-Allee 33")).toHaveLength(1);

});

test("a guest's checkout offers neither saved addresses nor keeping one", async ({ page }) => {
  await addToCart(page, "Linen Shirt");
  await page.goto("/checkout");
  const form = page.getByRole("form", { name: "Contact and addresses" });
  await expect(form.getByLabel("Street and house number")).toBeVisible();
  await expect(form.getByRole("group", { name: "Your saved addresses" })).toHaveCount(0);
  await expect(form.getByLabel("Save this address to my account")).toHaveCount(0);
});
