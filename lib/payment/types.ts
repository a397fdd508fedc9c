import type { ActionFailure, ActionResult } from "../action-result";

/**
 * What the payment server actions answer, for the client components that call them. Types only: a client
 * component imports these without pulling a server module into the browser bundle.
 */

/**
 * Right before `stripe.confirmPayment`: is the PaymentIntent the card form holds still the one to pay, for the
 * amount owed? `changed`: remount the form on `clientSecret` and tell the shopper why; `ordered`: another tab
 * paid, go to `href`.
 */
export type AmountCheck = ActionResult<
  { status: "unchanged" } | { status: "changed"; clientSecret: string; message: string } | { status: "ordered"; href: string }
>;

/**
 * The Stripe session a card form mounts on, started (or found) in the background; for a signed-in shopper also the
 * CustomerSession's client secret that lets the form save, show and remove their cards.
 */
export type PreparedPayment = ActionResult<{ clientSecret: string; customerSessionClientSecret?: string }>;

/** A card form Stripe refused to load: where to go instead, or (as the error) why the form is all there is. */
export type LoadErrorRecovery = ActionResult<{ navigateTo: string }>;

/**
 * Placing the order after Stripe secured the money. Success is a redirect to the confirmation, so only a failure
 * comes back; `clientSecret` is the new PaymentIntent that replaced a released one, for the card form to remount.
 */
export type PlaceOrderResult = ActionFailure & { clientSecret?: string };

export type PaymentLinkStatus = "paid" | "pending" | "canceled";

/** The payment-link page's poll: what Medusa says about the collection now. */
export type PaymentLinkStatusResult = ActionResult<{ status: PaymentLinkStatus }>;
