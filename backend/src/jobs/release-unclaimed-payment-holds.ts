import type { IPaymentModuleService, Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";

/**
 * Releases money held for carts that never became orders.
 *
 * When a shopper pays and closes the tab, Stripe's webhook makes Medusa complete the cart. If that completion
 * fails — the last item sold out meanwhile — Medusa 2.21.2 logs the error and stops: the cart stays open, its
 * payment session stays as it was, and the PaymentIntent stays authorized in Stripe, holding the shopper's money
 * for up to seven days with no order. Nothing in Medusa looks at it again (the storefront's own release only runs
 * when the shopper is there to be refused).
 *
 * Every run, this job takes the payment sessions of carts that are still not completed a grace period after the
 * session last changed (longer than Medusa's webhook delay, so a webhook or a shopper's own completion always gets
 * there first), asks the payment provider whether money is held (Medusa's own authorization call: it creates the
 * Payment record if Stripe says the PaymentIntent is authorized), and if so cancels that payment through the
 * payment module — Stripe's PaymentIntent is canceled, the hold released — and removes the session, so that a
 * later completion cannot place an order on a released payment: the shopper's next visit starts a new session.
 * Each release is logged as a warning with the PaymentIntent's id; a failed release is logged as an error and
 * tried again on the next run.
 *
 * Configuration (environment of the process that runs scheduled jobs — the worker, in Medusa's production setup):
 *   RELEASE_HOLDS_AFTER_MS   grace period, default 900000 (15 minutes)
 *   RELEASE_HOLDS_SCHEDULE   cron expression (six fields allow seconds), default every minute
 *   RELEASE_HOLDS_LOOKBACK_MS  how far back sessions are looked at, default 86400000 (a day)
 *
 * Sessions of completed carts match the same statuses and far outnumber the stuck ones, so a run pages through
 * every session in the window (cheap database reads), newest first, and asks Stripe only about those whose cart
 * is still open, at most MAX_CHECKS_PER_RUN of them: a stuck hold is found on the first run after its grace period.
 */

const graceMs = Number(process.env.RELEASE_HOLDS_AFTER_MS ?? 15 * 60_000);
/** A stuck hold is found within minutes of its grace period; a day covers any worker outage worth surviving. */
const lookbackMs = Number(process.env.RELEASE_HOLDS_LOOKBACK_MS ?? 24 * 60 * 60_000);
const PAGE = 200;
/** Provider calls per run: each open cart's session is one call to Stripe. */
const MAX_CHECKS_PER_RUN = 100;
/**
 * Session statuses under which Stripe may hold money while Medusa has no order. `error` too: Medusa marks a session
 * so after Stripe's webhook for a failed attempt, but a card form still holding that PaymentIntent can pay it after.
 */
const OPEN_STATUSES = ["pending", "requires_more", "authorized", "error"];

type CandidateSession = {
  id: string;
  data: Record<string, unknown> | null;
  payment?: { id: string; canceled_at: string | Date | null } | null;
  payment_collection?: { id: string; cart?: { id: string; completed_at: string | Date | null } | null } | null;
};

export default async function releaseUnclaimedPaymentHolds(container: MedusaContainer): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER);
  const now = Date.now();

  const candidates: CandidateSession[] = [];
  for (let skip = 0; candidates.length < MAX_CHECKS_PER_RUN; skip += PAGE) {
    const { data } = await query.graph({
      entity: "payment_session",
      fields: ["id", "data", "payment.id", "payment.canceled_at", "payment_collection.id", "payment_collection.cart.id", "payment_collection.cart.completed_at"],
      filters: { status: OPEN_STATUSES, updated_at: { $lt: new Date(now - graceMs), $gt: new Date(now - lookbackMs) } },
      pagination: { take: PAGE, skip, order: { updated_at: "DESC" } },
    });
    // Only carts' sessions: an order's own collection (a balance paid by link) has no cart and belongs to its order.
    candidates.push(
      ...(data as CandidateSession[]).filter(
        (session) => session.payment_collection?.cart && !session.payment_collection.cart.completed_at && !session.payment?.canceled_at,
      ),
    );
    if (data.length < PAGE) break;
  }
  candidates.splice(MAX_CHECKS_PER_RUN);

  for (const session of candidates) {
    const cartId = session.payment_collection?.cart?.id;
    if (!cartId) continue;
    try {
      await releaseIfHeld(container, session.id, cartId, logger);
    } catch (error) {
      logger.error(
        `Could not release the payment hold of session ${session.id} (cart ${cartId}, PaymentIntent ${String(session.data?.id ?? "unknown")}); next run tries again: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

async function releaseIfHeld(container: MedusaContainer, sessionId: string, cartId: string, logger: Logger): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const paymentModule = container.resolve<IPaymentModuleService>(Modules.PAYMENT);
  const locking = container.resolve(Modules.LOCKING);

  // Cart completion holds this lock (its key is the cart id): a completion under way finishes first.
  await locking.execute(cartId, async () => {
    const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } });
    if (!carts[0] || carts[0].completed_at) return;

    let payment;
    try {
      payment = await paymentModule.authorizePaymentSession(sessionId, {});
    } catch {
      // The provider says nothing is authorized (not paid, or already released): nothing is held.
      return;
    }
    if (!payment) return; // Authorization deferred by the provider: no money held yet.

    const released = await paymentModule.cancelPayment(payment.id);
    await paymentModule.deletePaymentSession(sessionId);
    const intentId = String((released.data as Record<string, unknown> | null)?.id ?? "unknown");
    logger.warn(
      `Released a payment hold with no order: PaymentIntent ${intentId} (payment ${payment.id}, session ${sessionId}, cart ${cartId}) was authorized but the cart was not completed within ${graceMs} ms.`,
    );
  }, { timeout: 10 });
}

export const config = {
  name: "release-unclaimed-payment-holds",
  schedule: process.env.RELEASE_HOLDS_SCHEDULE ?? "* * * * *",
};
