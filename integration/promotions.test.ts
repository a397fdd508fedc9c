import { beforeAll, describe, expect, test, vi } from "vitest";
import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import {
  cartReadyForPayment,
  confirmAsBrowser,
  initiateStripeSession,
  retrievePaymentIntent,
  shopperEmail,
  stack,
  storeSdk,
  toMinorUnits,
} from "@medusa-stripe-checkout/test-support/stack";

/**
 * Promotion codes through the storefront's own server code (lib/promotions.ts) against the real Medusa and its
 * promotions module, with the codes the seed made (.stack/seed.json). What a shopper would check: the total, the
 * discount and the codes on the cart; that a refused code changes nothing, the PaymentIntent included; and that
 * after a code at checkout the card is charged the new total.
 */

// Outside a request there is no page to re-render: the actions' refresh() is Next's business, not Medusa's.
vi.mock("next/cache", () => ({ refresh: () => undefined }));

process.env.MEDUSA_BACKEND_URL ??= stack.backendUrl;
process.env.MEDUSA_PUBLISHABLE_KEY ??= stack.publishableKey;
process.env.STRIPE_PUBLISHABLE_KEY ??= stack.stripe.publishableKey;
process.env.STRIPE_API_URL ??= stack.stripe.doubleUrl;
process.env.DEFAULT_COUNTRY ??= "de";
const { addCodeToCart, removeCodeFromCart } = await import("../lib/promotions");
const { fetchCart } = await import("../lib/cart");
const { PROMOTION_MESSAGES } = await import("../lib/errors");
const { hasPaymentReadyFor } = await import("../lib/checkout-progress");
const { checkCartPaymentAmount } = await import("../lib/payment/checkout-state");
const { paymentIntentIdOf } = await import("../lib/payment/sessions");
const { getOrder } = await import("../lib/orders");

const codes = stack.promotions;
let store: Medusa;

beforeAll(() => {
  store = storeSdk();
});

type Cart = HttpTypes.StoreCart;

/** Medusa answers these for a cart and an order alike; @medusajs/types 2.21.2 declares neither on the store order. */
type DiscountFields = { discount_subtotal?: number; promotions?: readonly { code?: string | null }[] | null };
const codesOn = (owner: object | null) => ((owner as DiscountFields | null)?.promotions ?? []).map((promotion) => promotion.code).sort();
const discountOf = (owner: object | null | undefined) => (owner as DiscountFields | null | undefined)?.discount_subtotal;

/** The totals block adds up: subtotal + delivery − discount + tax = total, to the cent. */
function expectLinesAddUp(cart: Cart) {
  const lines = (cart.item_subtotal ?? 0) + (cart.shipping_subtotal ?? 0) - (discountOf(cart) ?? 0) + (cart.tax_total ?? 0);
  expect(toMinorUnits(lines, cart.currency_code)).toBe(toMinorUnits(cart.total, cart.currency_code));
}

/** What a refused code must leave alone: the totals, the codes, and the payment session with its PaymentIntent. */
async function snapshot(cartId: string) {
  const cart = await fetchCart(cartId);
  if (!cart) throw new Error(`cart ${cartId} is gone`);
  const sessions = (cart.payment_collection?.payment_sessions ?? []).map((session) => `${session.id}:${session.status}:${session.amount}`);
  return { total: cart.total, discount: cart.discount_total, codes: codesOn(cart), sessions };
}

async function expectRefusedAndUnchanged(cartId: string, typed: string, message: string) {
  const before = await snapshot(cartId);
  const result = await addCodeToCart(cartId, typed);
  expect(result).toEqual({ ok: false, error: message });
  expect(await snapshot(cartId)).toEqual(before);
}

describe("promotion codes on a cart", () => {
  test("a percentage code typed in lower case takes its percent off the items; removing it puts the total back", async () => {
    const ready = await cartReadyForPayment(store, shopperEmail("promo-percent"));
    const applied = await addCodeToCart(ready.id, codes.percentage.code.toLowerCase());
    if (!applied.ok) throw new Error(applied.error);
    expect(applied.code).toBe(codes.percentage.code);
    expect(codesOn(applied.cart)).toEqual([codes.percentage.code]);
    expect(discountOf(applied.cart)).toBeCloseTo(((ready.item_subtotal ?? 0) * codes.percentage.percent) / 100, 2);
    expect(applied.cart.total).toBeLessThan(ready.total);
    expectLinesAddUp(applied.cart);

    const removed = await removeCodeFromCart(ready.id, codes.percentage.code);
    if (!removed.ok) throw new Error(removed.error);
    expect(codesOn(removed.cart)).toEqual([]);
    expect(removed.cart.total).toBe(ready.total);
    expect(removed.cart.discount_total).toBe(0);

    // Removing a code the cart does not have is no error and changes nothing.
    const again = await removeCodeFromCart(ready.id, codes.percentage.code);
    expect(again.ok && again.cart.total).toBe(ready.total);
  });

  test("refused codes change nothing — not the totals, not the codes, not the PaymentIntent — and say why", async () => {
    const ready = await cartReadyForPayment(store, shopperEmail("promo-refused"));
    const { paymentIntent } = await initiateStripeSession(store, ready.id);

    await expectRefusedAndUnchanged(ready.id, "NO-SUCH-CODE", PROMOTION_MESSAGES.unknown("NO-SUCH-CODE"));
    // Medusa knows these but will not apply them (answered 200, the code left off the cart).
    await expectRefusedAndUnchanged(ready.id, codes.expired.code, PROMOTION_MESSAGES.notApplicable(codes.expired.code, true));
    await expectRefusedAndUnchanged(ready.id, codes.fixed.usd.code, PROMOTION_MESSAGES.notApplicable(codes.fixed.usd.code, true));
    await expectRefusedAndUnchanged(ready.id, codes.fixed.jpy.code, PROMOTION_MESSAGES.notApplicable(codes.fixed.jpy.code, true));
    expect((await retrievePaymentIntent(paymentIntent.id)).status).toBe("requires_payment_method");

    // Already applied: said before Medusa is asked again.
    const applied = await addCodeToCart(ready.id, codes.fixed.eur.code);
    expect(applied.ok).toBe(true);
    await expectRefusedAndUnchanged(ready.id, codes.fixed.eur.code.toLowerCase(), PROMOTION_MESSAGES.alreadyApplied(codes.fixed.eur.code));
  });

  test("a fixed amount is one code per currency: each takes its amount off a cart in its own currency", async () => {
    const cases = [
      { region: "eu", currency: "eur" },
      { region: "us", currency: "usd" },
      { region: "jp", currency: "jpy" },
    ] as const;
    for (const { region, currency } of cases) {
      const ready = await cartReadyForPayment(store, shopperEmail(`promo-fixed-${currency}`), { region });
      const fixed = codes.fixed[currency];
      const applied = await addCodeToCart(ready.id, fixed.code);
      if (!applied.ok) throw new Error(`${fixed.code}: ${applied.error}`);
      expect(applied.cart.currency_code).toBe(currency);
      expect(discountOf(applied.cart)).toBe(fixed.amount);
      expectLinesAddUp(applied.cart);
    }
  });

  test("free delivery needs a delivery to take off; FREEORDER covers the items only, with free delivery the cart is free", async () => {
    // A cart with an item and no delivery chosen yet: Medusa has nothing to apply free delivery to, and drops it.
    let { cart } = await store.store.cart.create({ region_id: stack.regions.eu.id });
    const { products } = await store.store.product.list({ handle: "canvas-tote", region_id: stack.regions.eu.id, fields: "id,*variants" });
    ({ cart } = await store.store.cart.createLineItem(cart.id, { variant_id: products[0]?.variants?.[0]?.id ?? "", quantity: 1 }));
    await expectRefusedAndUnchanged(cart.id, codes.freeShipping.code, PROMOTION_MESSAGES.notApplicable(codes.freeShipping.code, false));

    const ready = await cartReadyForPayment(store, shopperEmail("promo-free"));
    const free = await addCodeToCart(ready.id, codes.free.code);
    if (!free.ok) throw new Error(free.error);
    // Items are free; delivery and its tax are still to pay.
    expect(discountOf(free.cart)).toBe(ready.item_subtotal);
    expect(free.cart.total).toBeGreaterThan(0);
    expect(toMinorUnits(free.cart.total, "eur")).toBe(toMinorUnits(ready.shipping_total ?? Number.NaN, "eur"));

    const freeDelivery = await addCodeToCart(ready.id, codes.freeShipping.code);
    if (!freeDelivery.ok) throw new Error(freeDelivery.error);
    expect(codesOn(freeDelivery.cart)).toEqual([codes.freeShipping.code, codes.free.code].sort());
    expect(freeDelivery.cart.total).toBe(0);
  });
});

describe("a code applied at checkout", () => {
  test("cancels the PaymentIntent for the old total; the storefront starts one for the new total, and the order is charged that", async () => {
    const ready = await cartReadyForPayment(store, shopperEmail("promo-checkout"));
    const { cart: atReview, paymentIntent: old } = await initiateStripeSession(store, ready.id);
    expect(old.amount).toBe(toMinorUnits(atReview.total, "eur"));

    const applied = await addCodeToCart(ready.id, codes.percentage.code);
    if (!applied.ok) throw new Error(applied.error);
    const newTotal = applied.cart.total;
    expect(newTotal).toBeLessThan(atReview.total);
    // Medusa deleted the session for the old total (and its provider canceled the PaymentIntent): the checkout
    // may no longer be at the review step with it.
    expect(hasPaymentReadyFor(applied.cart)).toBe(false);
    expect(applied.cart.payment_collection?.amount).toBe(newTotal);
    expect((await retrievePaymentIntent(old.id)).status).toBe("canceled");

    // The card form still holding the old PaymentIntent asks before paying, as it does: a new one for the new total.
    const check = await checkCartPaymentAmount(ready.id, old.id);
    if (!check.ok || check.status !== "changed") throw new Error(`expected a changed payment, got ${JSON.stringify(check)}`);
    const freshId = paymentIntentIdOf(check.clientSecret);
    if (!freshId) throw new Error("the new session has no PaymentIntent");
    expect(freshId).not.toBe(old.id);
    const fresh = await retrievePaymentIntent(freshId);
    expect(fresh.amount).toBe(toMinorUnits(newTotal, "eur"));
    expect(hasPaymentReadyFor((await fetchCart(ready.id))!)).toBe(true);

    const confirmed = await confirmAsBrowser(fresh, "pm_card_visa");
    expect(confirmed.body).toMatchObject({ status: "requires_capture", amount: toMinorUnits(newTotal, "eur") });
    const completion = await store.store.cart.complete(ready.id);
    if (completion.type !== "order") throw new Error(`completion refused: ${completion.error.message}`);
    expect(completion.order.total).toBe(newTotal);
    // The order page's fields: the discount and the code behind it.
    const order = await getOrder(completion.order.id);
    expect(discountOf(order)).toBe(discountOf(applied.cart));
    expect(codesOn(order)).toEqual([codes.percentage.code]);
  });
});
