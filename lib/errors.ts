/**
 * Turns what can go wrong (the js-sdk's FetchError, a backend that does not answer, Stripe.js
 * errors) into plain words for shoppers. Technical details go to the server log, not the page.
 */

/** What the js-sdk throws for non-2xx answers: `FetchError(message, statusText, status)`. */
interface HttpErrorLike {
  message: string;
  status: number | undefined;
}

/** What Stripe.js returns as `{ error }` from elements.submit(), confirmPayment(), etc. */
export interface StripeErrorLike {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
}

export const MESSAGES = {
  unreachable: "The store is not answering right now. Nothing you entered was lost — please try again in a moment.",
  serverProblem: "The store ran into a problem. Please try again in a moment.",
  notFound: "We could not find that. It may have been removed.",
  cartGone: "Your cart has expired. Please add your items again.",
  rejected: "Some of these details were not accepted. Please check them and try again.",
  outOfStock: "Sorry, there is not enough stock for one of the items in your cart.",
  completing: "Your order is already being placed. Please wait a moment.",
  paymentNotAuthorized:
    "Your payment was not completed, so no order was placed. Please try again or use another payment method.",
  /** Back from a payment that did not go through: say plainly that no money moved. */
  notPaid:
    "Not paid — nothing was charged. Your payment was not completed, so no order was placed. Please try again or use another payment method.",
  /** The money is held (or Stripe is still deciding) and the order is on its way: nothing to do but wait. */
  paymentSafe: "Your payment is safe — your order is being placed. This page updates by itself.",
  /** A return from a bank's page for a cart this browser does not hold. */
  paymentNotRecognised:
    "We could not match this payment to a cart in this browser, so nothing was done with it and nothing more was charged. If you paid in another browser or device, continue there.",
  /** Stripe refused to mount the card form and there is nothing else to show. */
  cardFormNotLoaded: "The card form could not load. Please reload the page to try again.",
  paymentGeneric: "The payment could not be processed. Please try again, or use another payment method.",
  unknown: "Something went wrong. Please try again.",
} as const;

function hasHttpStatus(error: unknown): error is HttpErrorLike {
  return (
    error instanceof Error &&
    "status" in error &&
    (typeof error.status === "number" || error.status === undefined) &&
    error.name !== "TypeError"
  );
}

/** Node's fetch rejects with `TypeError("fetch failed", { cause: ECONNREFUSED… })` when nothing answers. */
export function isBackendUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "TypeError" && /fetch failed/i.test(error.message)) return true;
  if (error.name === "AbortError" || error.name === "TimeoutError") return true;
  const cause: unknown = (error as { cause?: unknown }).cause;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
  return /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR/.test(code);
}

export function httpStatusOf(error: unknown): number | undefined {
  return hasHttpStatus(error) ? error.status : undefined;
}

/** A plain sentence for a failed call to the store's backend. */
export function describeBackendError(error: unknown): string {
  if (isBackendUnreachable(error)) return MESSAGES.unreachable;
  if (!hasHttpStatus(error)) return MESSAGES.unknown;
  const { status, message } = error;
  if (status === undefined) return MESSAGES.unreachable;
  if (/inventory|stock/i.test(message)) return MESSAGES.outOfStock;
  // "Payment authorization failed", "Session: payses_… was not authorized with the provider."
  if (/authoriz/i.test(message)) return MESSAGES.paymentNotAuthorized;
  if (status === 409) return MESSAGES.completing;
  if (status === 404) return MESSAGES.notFound;
  if (status >= 500) return MESSAGES.serverProblem;
  if (status >= 400) return MESSAGES.rejected;
  return MESSAGES.unknown;
}

/**
 * Stripe writes card_error and validation_error messages for the shopper ("Your card has
 * insufficient funds."), so those are shown as they are; anything else is an integration or
 * network problem the shopper cannot fix by editing the form.
 */
export function describeStripeError(error: StripeErrorLike | undefined | null): string {
  if (!error) return MESSAGES.paymentGeneric;
  if ((error.type === "card_error" || error.type === "validation_error") && error.message) return error.message;
  // A failed 3-D Secure check: Stripe's sentence ("We are unable to authenticate your payment
  // method…") is written for shoppers too.
  if (error.code === "payment_intent_authentication_failure") {
    return error.message ?? "We could not verify your card with your bank. Please try again or use another card.";
  }
  return MESSAGES.paymentGeneric;
}

/**
 * Why `POST /store/carts/:id/complete` answered `{ type: "cart", error }` instead of an order.
 * Known causes get plain words; anything else keeps the backend's own sentence so it is never
 * swallowed.
 */
export function describeCompletionError(error: { message?: string } | undefined | null): string {
  const message = error?.message?.trim() ?? "";
  if (/authoriz/i.test(message)) return MESSAGES.paymentNotAuthorized;
  if (/inventory|stock/i.test(message)) return MESSAGES.outOfStock;
  if (message === "") return "We could not place your order. Please try again.";
  return `We could not place your order: ${message.replace(/\.?$/, ".")} Please try again.`;
}

/**
 * Sentences for promotion codes. Medusa 2.21.2 answers 400 "The promotion code X is invalid" only for a code it does
 * not have; a code it has but will not apply (its campaign ended, it is for another currency, it takes off delivery
 * and no delivery is chosen yet, its rules do not match) is answered 200 with the cart unchanged and the code
 * missing from `cart.promotions`, so the storefront cannot tell those apart and says so in one sentence.
 */
export const PROMOTION_MESSAGES = {
  unknown: (code: string) => `We do not know the code ${code}. Please check it and try again — nothing was changed.`,
  notApplicable: (code: string, deliveryChosen: boolean) =>
    `The code ${code} cannot be used on this cart: it may have ended, or be for another currency or other items. Nothing was changed.` +
    (deliveryChosen ? "" : " A delivery code can be applied once you have chosen delivery."),
  alreadyApplied: (code: string) => `The code ${code} is already applied.`,
  applied: (code: string, total: string) => `Code ${code} applied. Your total is now ${total}.`,
  removed: (code: string, total: string) => `Code ${code} removed. Your total is now ${total}.`,
} as const;

/** Medusa's answer for a promotion code it does not have (`getPromotionCodesToApply`). */
export function isUnknownPromotionCode(error: unknown): boolean {
  return hasHttpStatus(error) && error.status === 400 && /^The promotion code .* is invalid$/.test(error.message);
}

/** A plain sentence for a failed change to the cart's promotion codes. */
export function describePromotionError(error: unknown, code: string): string {
  if (isUnknownPromotionCode(error)) return PROMOTION_MESSAGES.unknown(code);
  // The cart became an order (another tab paid) or expired: "Cart cart_… is already completed.", or 404.
  if (hasHttpStatus(error) && (error.status === 404 || /already completed/i.test(error.message))) return MESSAGES.cartGone;
  return describeBackendError(error);
}

/** A read of something that may not exist: null for Medusa's 404, every other failure thrown as it came. */
export async function nullWhenNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
}
