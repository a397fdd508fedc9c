import "server-only";
import { failure } from "../action-result";
import { readViewerCustomerId } from "../cookies";
import { describeBackendError, nullWhenNotFound } from "../errors";
import { looksLikeId } from "../ids";
import { LINE_ITEM_FIELDS, medusa } from "../medusa";
import { formatMoney, isSameAmount } from "../money";
import type { Order, OrderPaymentCollection } from "../orders";
import { belongsToViewer } from "../ownership";
import { isSecuredCollection, paymentLinkState } from "./collections";
import { clientSecretOf, findStripeSession, paymentIntentIdOf } from "./sessions";
import { startStripeSession } from "./stripe-session";
import type { AmountCheck, PaymentLinkStatusResult } from "./types";

/**
 * The page behind Medusa Admin's "Copy payment link": `/payment-collection/{id}?order_id={order}`.
 *
 * The store API has no `GET /store/payment-collections/:id`; a collection is read through its order
 * (`GET /store/orders/:id` is public by the order's unguessable id), which also proves that the
 * collection belongs to that order. Paying is `POST /store/payment-collections/:id/payment-sessions`,
 * then Stripe's Payment Element; with no cart to complete, Medusa authorizes the collection when
 * Stripe's webhook arrives, so the page waits for the backend to say so.
 */

const LINK_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "status",
  "currency_code",
  "total",
  ...LINE_ITEM_FIELDS,
  "customer_id",
  "*billing_address",
  "*payment_collections",
  // The sessions carry the PaymentIntent (and its client secret) the Payment Element mounts with.
  "*payment_collections.payment_sessions",
].join(",");

export type PaymentLink =
  | { kind: "invalid"; reason: "missing-order" | "unknown-order" | "not-this-order" }
  | { kind: "unavailable"; message: string }
  | { kind: "canceled"; order: Order; collection: OrderPaymentCollection }
  | { kind: "paid"; order: Order; collection: OrderPaymentCollection }
  | { kind: "nothing-to-pay"; order: Order; collection: OrderPaymentCollection }
  | { kind: "payable"; order: Order; collection: OrderPaymentCollection; clientSecret: string };

/** The link's order; for a signed-in customer only their own (lib/ownership.ts), as on the order page. */
async function fetchLinkOrder(orderId: string): Promise<Order | null> {
  const [found, viewer] = await Promise.all([
    nullWhenNotFound(medusa().store.order.retrieve(orderId, { fields: LINK_ORDER_FIELDS })),
    readViewerCustomerId(),
  ]);
  return found && belongsToViewer(found.order, viewer) ? found.order : null;
}

type LinkLookup = Extract<PaymentLink, { kind: "invalid" }> | { kind: "found"; order: Order; collection: OrderPaymentCollection };

async function lookUp(collectionId: string, orderId: string | null): Promise<LinkLookup> {
  if (!orderId) return { kind: "invalid", reason: "missing-order" };
  if (!looksLikeId(orderId, "order")) return { kind: "invalid", reason: "unknown-order" };
  const order = await fetchLinkOrder(orderId);
  if (!order) return { kind: "invalid", reason: "unknown-order" };
  const collection = order.payment_collections?.find((candidate) => candidate.id === collectionId);
  if (!looksLikeId(collectionId, "pay_col") || !collection) {
    return { kind: "invalid", reason: "not-this-order" };
  }
  return { kind: "found", order, collection };
}

/** A pending Stripe session for exactly what the collection asks, if there is one to reuse. */
function reusableSecret(collection: OrderPaymentCollection): string | null {
  const session = findStripeSession({ payment_collection: collection });
  if (!session || !isSameAmount(session.amount, collection.amount, collection.currency_code)) return null;
  return clientSecretOf(session);
}

/** Everything the payment-link page shows. Never throws: a broken link is a page, not a 500. */
export async function loadPaymentLink(collectionId: string, orderId: string | null): Promise<PaymentLink> {
  try {
    const lookup = await lookUp(collectionId, orderId);
    if (lookup.kind === "invalid") return lookup;
    const { order, collection } = lookup;
    const state = paymentLinkState(collection);
    if (state.kind !== "payable") return { kind: state.kind, order, collection };
    // Rendering this page starts (or reuses) the session: the link is the shopper's intent to pay,
    // and the Payment Element cannot mount without a PaymentIntent's client secret.
    const clientSecret = reusableSecret(collection) ?? (await startStripeSession({ collectionId: collection.id }));
    return { kind: "payable", order, collection, clientSecret };
  } catch (error) {
    console.error("loadPaymentLink failed", { collectionId, orderId }, error);
    return { kind: "unavailable", message: describeBackendError(error) };
  }
}

const CHANGED_REQUEST = "This payment request has changed. Please reload the page to see what is owed now.";

/**
 * Server action, right before `stripe.confirmPayment` on the link page: the merchant may have changed
 * the collection (another order edit updates its amount) since the page was rendered. Same contract as
 * checkout's `checkPaymentAmount`, so the shared payment form handles both alike.
 */
export async function checkPaymentLinkAmount(collectionId: string, orderId: string, paymentIntentId: string): Promise<AmountCheck> {
  "use server";
  try {
    const lookup = await lookUp(collectionId, orderId);
    if (lookup.kind === "invalid") return failure(CHANGED_REQUEST);
    const { collection } = lookup;
    if (paymentLinkState(collection).kind !== "payable") return failure(CHANGED_REQUEST);
    const reusable = reusableSecret(collection);
    if (reusable && paymentIntentIdOf(reusable) === paymentIntentId) return { ok: true, status: "unchanged" };
    // Another tab started a new payment for this link (this form's PaymentIntent was canceled): use that one.
    if (reusable) {
      return {
        ok: true,
        status: "changed",
        clientSecret: reusable,
        message: `This payment was restarted in another tab or window. The amount owed is ${formatMoney(collection.amount, collection.currency_code)}. Please enter your card details again and confirm.`,
      };
    }
    const clientSecret = await startStripeSession({ collectionId: collection.id });
    return {
      ok: true,
      status: "changed",
      clientSecret,
      message: `The amount owed is now ${formatMoney(collection.amount, collection.currency_code)}. Please check it, enter your card details again and confirm.`,
    };
  } catch (error) {
    console.error("checkPaymentLinkAmount failed", { collectionId, orderId }, error);
    return failure(describeBackendError(error));
  }
}

/**
 * Server action the link page polls after Stripe confirmed: has Medusa authorized the collection yet
 * (it does when Stripe's webhook arrives)? The browser's word is not enough; the backend decides.
 */
export async function readPaymentLinkStatus(collectionId: string, orderId: string): Promise<PaymentLinkStatusResult> {
  "use server";
  try {
    const lookup = await lookUp(collectionId, orderId);
    if (lookup.kind === "invalid") return { ok: true, status: "canceled" };
    if (isSecuredCollection(lookup.collection)) return { ok: true, status: "paid" };
    return { ok: true, status: lookup.collection.status === "canceled" ? "canceled" : "pending" };
  } catch (error) {
    // A blip while polling is not an answer: the page keeps waiting, and the next poll asks again.
    console.error("readPaymentLinkStatus failed", { collectionId, orderId }, error);
    return failure(describeBackendError(error));
  }
}
