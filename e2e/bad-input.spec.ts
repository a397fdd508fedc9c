import type { APIRequestContext } from "@playwright/test";
import { customerAuthHeaders, stack, storeSdk } from "@medusa-stripe-checkout/test-support/stack";
import { accountBadInputCases, badInputCases, type BadInputCase } from "./support/bad-inputs";
import { PASSWORD, existingAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import {
  type ServerAction,
  actionResultOf,
  formActionBody,
  isRefusalWithMessage,
  serverActionHeaders,
  serverActionsIn,
} from "@medusa-stripe-checkout/test-support/server-actions";

/**
 * Several hundred generated bad inputs posted straight to the production build's server actions, as anyone on
 * the internet can: over HTTP with the `Next-Action` header and a multipart body, exactly what React sends for a
 * `useActionState` form (`_1_<field>` = the form's fields, then `0` = the arguments `[previousState, $K1]`).
 * Every answer must be a normal action response carrying a message — never a 500.
 */

async function callAction(request: APIRequestContext, baseURL: string, action: ServerAction, fields: Record<string, string>) {
  const response = await request.post(action.page, {
    headers: serverActionHeaders(action, baseURL),
    multipart: formActionBody(fields),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text(), redirect: response.headers()["x-action-redirect"] };
}

test("several hundred bad inputs to every server action: each answers with a message, none with a 500", async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  const origin = baseURL ?? "";
  const actions = new Map([...serverActionsIn("lib/cart.ts"), ...serverActionsIn("lib/checkout.ts"), ...serverActionsIn("lib/promotions.ts")]);
  const action = (name: BadInputCase["action"]) => {
    const found = actions.get(name);
    if (!found) throw new Error(`server action ${name} not found in the build`);
    return found;
  };

  // A shopper's own cart, made through the same actions, so the bad inputs hit a real cart.
  const store = storeSdk();
  const { products } = await store.store.product.list({ handle: "canvas-tote", region_id: stack.regions.eu.id, fields: "id,*variants" });
  const variantId = products[0]?.variants?.[0]?.id ?? "";
  const request = await playwright.request.newContext({ baseURL: origin });
  const added = await callAction(request, origin, action("addToCart"), { variant_id: variantId, quantity: "1" });
  expect(added.status).toBe(200);
  expect(added.body).toContain("Added to your cart.");
  const cartId = (await request.storageState()).cookies.find((cookie) => cookie.name === "cart_id")?.value ?? "";
  const { cart } = await store.store.cart.retrieve(cartId, { fields: "id,items.id" });
  const lineId = cart.items?.[0]?.id ?? "";
  const { shipping_options } = await store.store.fulfillment.listCartOptions({ cart_id: cartId });

  const cases = badInputCases({ variantId, lineId, shippingOptionId: shipping_options[0]?.id ?? "" }).filter(
    // An empty add-to-cart quantity means one item: not a bad input.
    (badCase) => !(badCase.action === "addToCart" && badCase.label === 'quantity=""'),
  );
  expect(cases.length).toBeGreaterThanOrEqual(200);

  const problems: string[] = [];
  const statuses = new Map<number, number>();
  for (const badCase of cases) {
    const answer = await callAction(request, origin, action(badCase.action), badCase.fields);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) problems.push(`${badCase.action} ${badCase.label}: HTTP ${answer.status}`);
    else if (answer.redirect) problems.push(`${badCase.action} ${badCase.label}: accepted (redirected to ${answer.redirect})`);
    else if (!isRefusalWithMessage(actionResultOf(answer.body))) {
      problems.push(`${badCase.action} ${badCase.label}: answered ${JSON.stringify(actionResultOf(answer.body)).slice(0, 120)}`);
    }
  }
  console.log(`bad inputs: ${cases.length} sent, statuses ${JSON.stringify(Object.fromEntries(statuses))}, problems ${problems.length}`);
  expect(problems).toEqual([]);

  // And the cart survived all of it.
  const { cart: after } = await store.store.cart.retrieve(cartId, { fields: "id,completed_at,items.quantity" });
  expect(after.items?.map((item) => item.quantity)).toEqual([1]);
  await request.dispose();
});

test("bad inputs to the account's actions (sign-in, sign-up, password reset, address book): each answers with a message", async ({ playwright, baseURL }) => {
  test.setTimeout(300_000);
  const origin = baseURL ?? "";
  const actions = new Map([...serverActionsIn("lib/account.ts"), ...serverActionsIn("lib/password-reset.ts"), ...serverActionsIn("lib/address-book.ts")]);

  // A signed-in customer with one saved address, signed in through the storefront's own action.
  const email = await existingAccount("bad-input");
  const auth = await customerAuthHeaders(email, PASSWORD);
  const { customer } = await storeSdk().store.customer.createAddress(
    { first_name: "Ada", last_name: "Lovelace", address_1: "Domkloster 4", postal_code: "50667", city: "Köln", country_code: "de" },
    { fields: "id,*addresses" },
    auth,
  );
  const saved = customer.addresses ?? [];
  const request = await playwright.request.newContext({ baseURL: origin });
  const signInAction = actions.get("signIn");
  if (!signInAction) throw new Error("server action signIn not found in the build");
  await callAction(request, origin, signInAction, { email, password: PASSWORD });
  expect((await request.storageState()).cookies.map((cookie) => cookie.name)).toContain("customer_session");

  const cases = accountBadInputCases({ addressId: saved[0]?.id ?? "" });
  expect(cases.length).toBeGreaterThanOrEqual(100);
  const problems: string[] = [];
  for (const badCase of cases) {
    const action = actions.get(badCase.action);
    if (!action) throw new Error(`server action ${badCase.action} not found in the build`);
    const answer = await callAction(request, origin, action, badCase.fields);
    if (answer.status >= 500) problems.push(`${badCase.action} ${badCase.label}: HTTP ${answer.status}`);
    else if (answer.redirect) problems.push(`${badCase.action} ${badCase.label}: accepted (redirected to ${answer.redirect})`);
    else if (!isRefusalWithMessage(actionResultOf(answer.body))) {
      problems.push(`${badCase.action} ${badCase.label}: answered ${JSON.stringify(actionResultOf(answer.body)).slice(0, 120)}`);
    }
  }
  expect(problems).toEqual([]);

  // The address book is as it was, and the password still signs in.
  const { customer: after } = await storeSdk().store.customer.retrieve({ fields: "id,*addresses" }, await customerAuthHeaders(email, PASSWORD));
  expect(after.addresses?.map((address) => [address.id, address.city])).toEqual(saved.map((address) => [address.id, address.city]));
  await request.dispose();
});
