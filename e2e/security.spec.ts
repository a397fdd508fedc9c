import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverActionsIn } from "@medusa-stripe-checkout/test-support/server-actions";
import { ROOT, readStackInfo } from "@medusa-stripe-checkout/test-support/stack-info";
import { expect, test } from "./support/fixtures";
import { addToCart } from "@medusa-stripe-checkout/test-support/shopper";

/**
 * What an attacker or a leaked build would show: secrets in the browser's files, cookies readable by scripts,
 * server actions run from another site, orders seen by whoever guesses, a page without its CSP.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test("the production build's browser files hold no secret: no Stripe secret or webhook key, no admin password, no Medusa secret", () => {
  const info = readStackInfo();
  const files = filesUnder(path.join(ROOT, ".next", "static"));
  expect(files.length).toBeGreaterThan(10);
  const patterns: [string, RegExp][] = [
    ["Stripe secret key", /\bsk_(test|live)_[0-9A-Za-z]+/],
    ["Stripe restricted key", /\brk_(test|live)_[0-9A-Za-z]+/],
    ["Stripe webhook secret", /\bwhsec_[0-9A-Za-z]+/],
    ["admin password", new RegExp(`\\b${info.admin.password.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`)],
    ["Medusa JWT/cookie secret variable", /\b(JWT_SECRET|COOKIE_SECRET)\b/],
    ["Medusa publishable key baked in", new RegExp(info.publishableKey)],
    ["Medusa backend URL baked in", /localhost:9000/],
  ];
  const hits: string[] = [];
  for (const file of files) {
    const content = readFileSync(file, "utf8");
    for (const [what, pattern] of patterns) if (pattern.test(content)) hits.push(`${what} in ${path.relative(ROOT, file)}`);
  }
  expect(hits).toEqual([]);
});

test("the cart cookie cannot be read by scripts and is not sent on cross-site requests", async ({ page }) => {
  await addToCart(page);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "cart_id");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Not Secure here only because this is plain-http localhost; any other host gets Secure (lib/cookies.test.ts).
  expect(await page.evaluate(() => document.cookie)).not.toContain("cart_id");
});

test("every page is served with a CSP allowing Stripe's hosts and nothing it does not need, and the other security headers", async ({ request }) => {
  for (const pathname of ["/", "/cart", "/checkout"]) {
    const response = await request.get(pathname, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, pathname).toContain("https://js.stripe.com");
    expect(csp).toContain("https://api.stripe.com");
    expect(csp).toMatch(/frame-src[^;]*https:\/\/js\.stripe\.com/);
    expect(csp).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*\*(?!\.)/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
  }
});

test("an order page shows nothing to a guessed or malformed id: a 404 page, never a 500", async ({ request }) => {
  for (const id of ["order_01AAAAAAAAAAAAAAAAAAAAAAAA", "1", "cart_01AAAAAAAAAAAAAAAAAAAAAAAA", "%3Cscript%3E", "order_" + "x".repeat(300), "..%2F..%2Fadmin"]) {
    const response = await request.get(`/order/${id}/confirmed`);
    expect(response.status(), id).toBe(404);
    expect(await response.text()).not.toContain("Thank you for your order");
  }
});


test("a server action posted from another site is refused and changes nothing", async ({ page, playwright, baseURL }) => {
  const chooseCountry = serverActionsIn("lib/cart.ts").get("chooseCountry");
  if (!chooseCountry) throw new Error("the build has no chooseCountry action in lib/cart.ts");
  const actionId = chooseCountry.id;
  const foreign = await playwright.request.newContext({ baseURL });
  const form = new FormData();
  // The shape React sends (see bad-input.spec.ts); it would set the country cookie from our own origin.
  form.set("_1_country", "fr");
  form.set("0", JSON.stringify([{}, "$K1"]));
  const response = await foreign.post("/", {
    headers: { "Next-Action": actionId, Origin: "https://evil.example", Accept: "text/x-component" },
    multipart: form,
    maxRedirects: 0,
  });
  expect(response.ok()).toBe(false);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("country=");
  await foreign.dispose();
  // The same page used by the shopper still works: refusing foreign posts does not break our own.
  await page.goto("/");
  await expect(page.getByLabel("Shipping country")).toBeEnabled();
});
