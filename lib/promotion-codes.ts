/**
 * Reading a cart's promotion codes and choosing how to spell what the shopper typed. Pure and browser-safe: the
 * server actions (lib/promotions.ts) decide with it, the promo code form and the totals render with it.
 */

/** A promotion as a Medusa cart or order lists it (`promotions.code`, `promotions.is_automatic`). */
export interface PromotionLike {
  code?: string | null;
  is_automatic?: boolean | null;
}

type Promotions = readonly PromotionLike[] | null | undefined;

/** Every code on the cart, automatic ones included (they discount too), in Medusa's order. */
export function appliedCodes(promotions: Promotions): string[] {
  return (promotions ?? []).flatMap((promotion) => (promotion.code ? [promotion.code] : []));
}

/**
 * The codes the shopper applied and may remove. An automatic promotion is re-applied by Medusa on every change of
 * the cart, so offering to remove it would be a button that does nothing.
 */
export function removableCodes(promotions: Promotions): string[] {
  return (promotions ?? []).flatMap((promotion) => (promotion.code && !promotion.is_automatic ? [promotion.code] : []));
}

/**
 * The spellings to try, in order. Medusa matches codes exactly, case included, while shoppers type "welcome10" for
 * WELCOME10: the capitalised spelling first (how codes are usually made), then exactly as typed, for a merchant who
 * made a lower-case code.
 */
export function codeSpellings(typed: string): string[] {
  const code = typed.trim();
  const upper = code.toUpperCase();
  return upper === code ? [code] : [upper, code];
}

/** The applied code the shopper typed again, however they cased it, or null. */
export function findAppliedCode(promotions: Promotions, typed: string): string | null {
  const wanted = typed.trim().toUpperCase();
  return appliedCodes(promotions).find((code) => code.toUpperCase() === wanted) ?? null;
}
