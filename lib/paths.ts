/** Every path the storefront links or redirects to with parameters, built in one place. */

export const CART_PATH = "/cart";

/** The cart, saying (when a bank's page sent back a payment for a cart this browser does not hold) that it did nothing. */
export function cartPath(options: { paymentNotRecognised?: boolean } = {}): string {
  return options.paymentNotRecognised ? `${CART_PATH}?payment=not-recognised` : CART_PATH;
}
/** The one-page checkout; the cart decides which of its sections are open. */
export const CHECKOUT_PATH = "/checkout";

/** The checkout, saying (when a bank's page sent the shopper back) that the payment did not go through. */
export function checkoutPath(options: { paymentFailed?: boolean } = {}): string {
  return options.paymentFailed ? `${CHECKOUT_PATH}?payment=failed` : CHECKOUT_PATH;
}

/** `DELETE` here: the cart cookie stops naming a cart that has become an order. */
export const COMPLETED_CART_API_PATH = "/api/completed-cart";

export function orderPath(orderId: string): string {
  return `/order/${orderId}`;
}

export function orderConfirmationPath(orderId: string): string {
  return `/order/${orderId}/confirmed`;
}

/** Where Stripe sends the shopper back after a bank's page; the cart id lets a second return find its order. */
export function checkoutReturnPath(cartId: string): string {
  return `/checkout/return?cart_id=${encodeURIComponent(cartId)}`;
}

/** Medusa Admin's "Copy payment link" gives this path: the collection, and the order it belongs to. */
export function paymentLinkPath(collectionId: string, orderId: string): string {
  return `/payment-collection/${encodeURIComponent(collectionId)}?order_id=${encodeURIComponent(orderId)}`;
}

/** The shopper's account: order history when signed in, otherwise sign in or create an account. */
export const ACCOUNT_PATH = "/account";

/** The account page, sending the shopper on to `next` (a path of this shop) once signed in. */
export function accountPath(options: { next?: string } = {}): string {
  const next = safeNextPath(options.next);
  return next ? `${ACCOUNT_PATH}?next=${encodeURIComponent(next)}` : ACCOUNT_PATH;
}

/**
 * Where to send a shopper after signing in, or null: only a path on this shop ("/checkout"), never another site
 * ("//evil.example", "https://…", "/\\evil.example"), so a crafted link cannot use the sign-in to send them away.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next) return null;
  if (!/^\/(?![/\\])[\w\-./?=&%]*$/.test(next)) return null;
  return next;
}

/** Asks for the e-mail of an account whose password was forgotten. */
export const FORGOT_PASSWORD_PATH = "/account/forgot-password";

/** Sets a new password with the token of a reset e-mail (the link itself is written by the backend's e-mail). */
export const RESET_PASSWORD_PATH = "/account/reset-password";

/** The sign-in page, saying the password was just changed. */
export const PASSWORD_CHANGED_PATH = `${ACCOUNT_PATH}?password=changed`;
