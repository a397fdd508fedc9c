import { linkedId } from "./ids";

/**
 * Who may use a cart or see an order the browser names by id. Ids are long and random, so for a shopper who is not
 * signed in the id itself is the key (a guest's cart and order have no other). A signed-in customer's carts and
 * orders carry their customer id, so a signed-in customer is shown only their own: another account's cart or order
 * id, put in a cookie or a URL by hand, is answered as if it did not exist. Pure, unit-tested beside it.
 */

/** A cart or an order the signed-in viewer may use: their own, or one that belongs to nobody yet (a guest's cart). */
export function belongsToViewer(record: { customer_id?: string | null }, viewerCustomerId: string | null): boolean {
  if (!viewerCustomerId) return true;
  return !record.customer_id || record.customer_id === viewerCustomerId;
}

/**
 * The browser's cart becomes the customer's at sign-in only when it is nobody's yet, or its contact e-mail is the
 * account's own (the same person's guest cart): never a cart someone else's id put in the cookie.
 */
export function transferableAtSignIn(cart: { customer_id?: string | null; email?: string | null }, accountEmail: string): boolean {
  if (!cart.customer_id) return true;
  return (cart.email ?? "").trim().toLowerCase() === accountEmail.trim().toLowerCase();
}

/**
 * The customer a cart read with `fields: "customer.id"` belongs to. Medusa 2.21.2 silently leaves `customer_id` out of
 * a cart's store fields, though the store API returns the linked customer when asked.
 */
export function cartCustomerId(cart: object): string | null {
  return linkedId(cart, "customer");
}
