import { beforeAll, describe, expect, test } from "vitest";
import type Medusa from "@medusajs/js-sdk";
import type { HttpTypes } from "@medusajs/types";
import {
  cartReadyForPayment,
  createCustomerAccount,
  isFetchError,
  retrievePaymentIntent,
  shopperEmail,
  storeSdk,
} from "@medusa-stripe-checkout/test-support/stack";

/**
 * The backend's own store route for saved cards, `POST /store/customers/me/stripe-customer-session`, against the
 * running local stack: who may ask, and whose Stripe customer the session is for.
 */

const ROUTE = "/store/customers/me/stripe-customer-session";
const PASSWORD = "correct-horse-battery-staple";

interface CustomerSessionAnswer {
  customer_session: { client_secret: string; customer: string; expires_at: number };
}

let store: Medusa;

beforeAll(() => {
  store = storeSdk();
});

function askForCustomerSession(headers: Record<string, string> = {}): Promise<CustomerSessionAnswer> {
  return store.client.fetch<CustomerSessionAnswer>(ROUTE, { method: "POST", headers });
}

/** The HTTP status the route refused with; fails the test if it answered. */
async function refusalStatus(asking: Promise<unknown>): Promise<number> {
  const outcome = await asking.then(
    () => null,
    (error: unknown) => error,
  );
  if (!isFetchError(outcome)) throw new Error(`expected the route to refuse, got ${outcome === null ? "an answer" : String(outcome)}`);
  return outcome.status ?? Number.NaN;
}

/** A customer's cart starting its Stripe session with their token, as the storefront does for a signed-in shopper. */
async function stripeSessionStartedBy(headers: Record<string, string>, email: string): Promise<string> {
  const cart = await cartReadyForPayment(store, email);
  const { payment_collection: created } = await store.client.fetch<{ payment_collection: HttpTypes.StorePaymentCollection }>(
    "/store/payment-collections",
    { method: "POST", body: { cart_id: cart.id } },
  );
  const { payment_collection } = await store.client.fetch<{ payment_collection: HttpTypes.StorePaymentCollection }>(
    `/store/payment-collections/${created.id}/payment-sessions`,
    { method: "POST", body: { provider_id: "pp_stripe_stripe" }, headers },
  );
  const session = payment_collection.payment_sessions?.find((candidate) => candidate.provider_id === "pp_stripe_stripe");
  const paymentIntentId = session?.data?.id;
  if (typeof paymentIntentId !== "string") throw new Error("the cart's Stripe session names no PaymentIntent");
  const customer = (await retrievePaymentIntent(paymentIntentId)).customer;
  if (!customer) throw new Error("the PaymentIntent of a signed-in customer's cart has no Stripe customer");
  return customer;
}

describe("POST /store/customers/me/stripe-customer-session", () => {
  test("refuses a shopper who is not signed in, and a token that is not a customer's", async () => {
    expect(await refusalStatus(askForCustomerSession())).toBe(401);
    expect(await refusalStatus(askForCustomerSession({ authorization: "Bearer not-a-token" }))).toBe(401);
  });

  test("a customer whose carts never started a Stripe session has no saved cards to offer yet (404)", async () => {
    const email = shopperEmail("no-holder");
    const headers = await createCustomerAccount(email, PASSWORD);
    expect(await refusalStatus(askForCustomerSession(headers))).toBe(404);
  });

  test("after a signed-in cart starts its Stripe session: a CustomerSession for the Stripe customer on that PaymentIntent, and only for that customer's own", async () => {
    const emailA = shopperEmail("holder-a");
    const emailB = shopperEmail("holder-b");
    const [headersA, headersB] = await Promise.all([createCustomerAccount(emailA, PASSWORD), createCustomerAccount(emailB, PASSWORD)]);

    const stripeCustomerA = await stripeSessionStartedBy(headersA, emailA);
    const { customer_session: session } = await askForCustomerSession(headersA);
    expect(session.customer).toBe(stripeCustomerA);
    expect(session.client_secret).toMatch(/^cuss_secret_/);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);

    // B has no Stripe customer yet: A's is never handed to B.
    expect(await refusalStatus(askForCustomerSession(headersB))).toBe(404);
    const stripeCustomerB = await stripeSessionStartedBy(headersB, emailB);
    expect(stripeCustomerB).not.toBe(stripeCustomerA);
    expect((await askForCustomerSession(headersB)).customer_session.customer).toBe(stripeCustomerB);
    // Asking again makes a new session for the same customer, not the one handed out before.
    const again = (await askForCustomerSession(headersA)).customer_session;
    expect(again.customer).toBe(stripeCustomerA);
    expect(again.client_secret).not.toBe(session.client_secret);
  });
});
