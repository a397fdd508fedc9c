import "server-only";
import { refresh } from "next/cache";
import { type ActionResult, failure } from "./action-result";
import { CART_FIELDS, type Cart, readOwnCartId } from "./cart";
import { MESSAGES, PROMOTION_MESSAGES, describePromotionError, isUnknownPromotionCode, nullWhenNotFound } from "./errors";
import type { FormState } from "./form";
import { medusa } from "./medusa";
import { formatMoney } from "./money";
import { appliedCodes, codeSpellings, findAppliedCode } from "./promotion-codes";
import { parseForm, promotionCodeFormSchema } from "./validation";

/**
 * Promotion codes on the shopper's cart, through Medusa's promotions module (`POST`/`DELETE
 * /store/carts/:id/promotions`). Medusa re-prices the cart and, when the total changes, updates its payment
 * collection and deletes its payment sessions (its Stripe provider cancels their PaymentIntents), so a checkout
 * starts a new session for the new total (lib/checkout-steps.ts `hasPaymentReadyFor`).
 *
 * `addCodeToCart` and `removeCodeFromCart` take the cart id and answer the cart Medusa returned from the change, for
 * any page that shows one; the server actions below read the cart from the cookie and re-render the page.
 */

export type PromotionChange = ActionResult<{ cart: Cart; code: string }>;

/** What deciding needs before a change: whether the cart is open, its codes, whether delivery is chosen. */
async function fetchPromotionHeader(cartId: string) {
  const found = await nullWhenNotFound(
    medusa().store.cart.retrieve(cartId, { fields: "id,completed_at,promotions.code,shipping_methods.id" }),
  );
  return found && !found.cart.completed_at ? found.cart : null;
}

/**
 * Applies a code the shopper typed. Changes nothing (and says why) for a code the cart already has, a code Medusa
 * does not know, and a code Medusa knows but does not apply to this cart.
 */
export async function addCodeToCart(cartId: string, typed: string): Promise<PromotionChange> {
  try {
    const header = await fetchPromotionHeader(cartId);
    if (!header) return failure(MESSAGES.cartGone);
    const already = findAppliedCode(header.promotions, typed);
    if (already) return failure(PROMOTION_MESSAGES.alreadyApplied(already));

    const spellings = codeSpellings(typed);
    for (const code of spellings) {
      let cart: Cart;
      try {
        ({ cart } = await medusa().store.cart.addPromotions(cartId, { promo_codes: [code] }, { fields: CART_FIELDS }));
      } catch (error) {
        if (isUnknownPromotionCode(error) && code !== spellings.at(-1)) continue;
        throw error;
      }
      // Medusa answers 200 for a code it has but will not apply, leaving it off the cart and the cart as it was.
      if (!appliedCodes(cart.promotions).includes(code)) {
        return failure(PROMOTION_MESSAGES.notApplicable(code, (header.shipping_methods?.length ?? 0) > 0));
      }
      return { ok: true, cart, code };
    }
    return failure(PROMOTION_MESSAGES.unknown(typed));
  } catch (error) {
    if (!isUnknownPromotionCode(error)) console.error("addCodeToCart failed", cartId, error);
    return failure(describePromotionError(error, typed.trim()));
  }
}

/** Removes a code from the cart; removing one the cart does not have changes nothing and succeeds. */
export async function removeCodeFromCart(cartId: string, code: string): Promise<PromotionChange> {
  try {
    const { cart } = await medusa().store.cart.removePromotions(cartId, { promo_codes: [code] }, { fields: CART_FIELDS });
    return { ok: true, cart, code };
  } catch (error) {
    console.error("removeCodeFromCart failed", cartId, error);
    return failure(describePromotionError(error, code));
  }
}

/** Server action (the promo code form's Apply): apply the typed code to the shopper's cart. */
export async function applyPromotionCode(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(promotionCodeFormSchema, formData);
  if (!input.ok) return { ...failure(input.error), fieldErrors: input.fieldErrors };
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  const result = await addCodeToCart(cartId, input.data.code);
  if (!result.ok) return { ...result, fieldErrors: { code: result.error } };
  // Re-render the page in this same response: the totals, the applied codes and any pay button follow at once.
  refresh();
  return { ok: true, notice: PROMOTION_MESSAGES.applied(result.code, formatMoney(result.cart.total, result.cart.currency_code)) };
}

/** Server action (a Remove button next to an applied code): take that code off the shopper's cart. */
export async function removePromotionCode(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const input = parseForm(promotionCodeFormSchema, formData);
  if (!input.ok) return failure(input.error);
  const cartId = await readOwnCartId();
  if (!cartId) return failure(MESSAGES.cartGone);
  const result = await removeCodeFromCart(cartId, input.data.code);
  if (!result.ok) return result;
  refresh();
  return { ok: true, notice: PROMOTION_MESSAGES.removed(result.code, formatMoney(result.cart.total, result.cart.currency_code)) };
}
