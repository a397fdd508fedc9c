import "server-only";
import type { Cart } from "../cart";
import { hasPaymentReadyFor } from "../checkout-progress";
import { httpStatusOf } from "../errors";
import { customerHeaders, medusa } from "../medusa";
import { clientSecretOf, findStripeSession, stripeCustomerOf } from "./sessions";
import { startStripeSession } from "./stripe-session";

/**
 * Saved cards for signed-in shoppers. Medusa gives a signed-in customer's cart a Stripe customer (its account holder)
 * when the cart starts a Stripe session with the customer's token (lib/payment/stripe-session.ts); the backend's
 * `POST /store/customers/me/stripe-customer-session` then makes a Stripe CustomerSession for that Stripe customer,
 * whose client secret lets the Payment Element offer "save this card", show the saved cards and remove one.
 */

export interface CustomerSession {
  clientSecret: string;
  /** The Stripe customer it is for: the Payment Element only mounts it on a PaymentIntent for the same customer. */
  stripeCustomerId: string;
}

interface CustomerSessionResponse {
  customer_session: { client_secret: string; customer: string; expires_at: number };
}

/**
 * A CustomerSession for the token's customer, or null when there is nothing to offer: a token Medusa no longer
 * accepts (401), a customer without a Stripe account holder yet (404), or any other failure (logged). The card form
 * then works as a guest's: saved cards must never stand between a shopper and paying.
 */
export async function startCustomerSession(token: string): Promise<CustomerSession | null> {
  try {
    const { customer_session } = await medusa().client.fetch<CustomerSessionResponse>("/store/customers/me/stripe-customer-session", {
      method: "POST",
      headers: customerHeaders(token),
    });
    return { clientSecret: customer_session.client_secret, stripeCustomerId: customer_session.customer };
  } catch (error) {
    const status = httpStatusOf(error);
    if (status !== 401 && status !== 404) console.error("startCustomerSession failed", error);
    return null;
  }
}

/**
 * A signed-in shopper's card form: the cart's Stripe session when it is for the cart's total and for the customer's
 * Stripe customer (a session started as a guest, before signing in, has none and is replaced), and the
 * CustomerSession for that Stripe customer.
 */
export async function prepareSignedInCardPayment(
  cart: Cart,
  token: string,
): Promise<{ clientSecret: string; customerSessionClientSecret?: string }> {
  const session = findStripeSession(cart);
  const sessionCustomer = stripeCustomerOf(session);
  const current = clientSecretOf(session);
  const reusable = current && sessionCustomer && hasPaymentReadyFor(cart) ? current : null;
  let clientSecret = reusable ?? (await startStripeSession({ cart }));
  // The account holder exists once a session was started with the token: the CustomerSession can only come after.
  const customerSession = await startCustomerSession(token);
  if (!customerSession) return { clientSecret };
  // Another customer's PaymentIntent (the browser signed in as someone else meanwhile): the form would refuse it.
  if (reusable && sessionCustomer !== customerSession.stripeCustomerId) clientSecret = await startStripeSession({ cart });
  return { clientSecret, customerSessionClientSecret: customerSession.clientSecret };
}
