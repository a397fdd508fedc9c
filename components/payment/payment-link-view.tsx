import Link from "next/link";
import type { ReactNode } from "react";
import { LineItemSummary } from "@/components/line-item-summary";
import { PaymentHistory } from "./payment-history";
import { PaymentLinkCheckout } from "./payment-link-checkout";
import { billingDefaultsOf } from "@/lib/billing-defaults";
import { formatMoney } from "@/lib/money";
import type { Order } from "@/lib/orders";
import type { PaymentLink } from "@/lib/payment/link";
import type { AmountCheck, PaymentLinkStatusResult } from "@/lib/payment/types";
import { orderPath, paymentLinkPath } from "@/lib/paths";

const INVALID: Record<Extract<PaymentLink, { kind: "invalid" }>["reason"], string> = {
  "missing-order": "This payment link is incomplete: it does not say which order it is for. Please use the whole link you were sent.",
  "unknown-order": "We could not find the order this payment link is for. Please check that you copied the whole link.",
  "not-this-order": "This payment link does not match its order. Please use the exact link you were sent, or contact us.",
};

/**
 * What the payment-link page shows for each state of the link. The payment actions come from the page,
 * bound to this collection and order.
 */
export function PaymentLinkView({
  link,
  collectionId,
  stripe,
  checkPaymentAmount,
  readStatus,
}: {
  link: PaymentLink;
  collectionId: string;
  stripe: { publishableKey: string; doubleUrl: string | null };
  checkPaymentAmount: (paymentIntentId: string) => Promise<AmountCheck>;
  readStatus: () => Promise<PaymentLinkStatusResult>;
}) {
  switch (link.kind) {
    case "invalid":
      return (
        <Notice title="This payment link does not work">
          <p>{INVALID[link.reason]}</p>
        </Notice>
      );
    case "unavailable":
      return (
        <Notice title="We cannot take this payment right now">
          <p>{link.message}</p>
        </Notice>
      );
    case "canceled":
      return (
        <LinkLayout order={link.order} title="This payment request was withdrawn">
          <p className="text-sm text-neutral-700">
            The store no longer asks for this payment, so there is nothing to pay here.
          </p>
          <OrderPageLink order={link.order} />
        </LinkLayout>
      );
    case "nothing-to-pay":
      return (
        <LinkLayout order={link.order} title="Nothing to pay">
          <p className="text-sm text-neutral-700">This payment request is for no amount; there is nothing to pay.</p>
          <OrderPageLink order={link.order} />
        </LinkLayout>
      );
    case "paid":
      return (
        <LinkLayout order={link.order} title="Paid">
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
            {formatMoney(link.collection.amount, link.collection.currency_code)} has been paid. There is nothing more to
            pay on this link.
          </p>
          <OrderPageLink order={link.order} />
        </LinkLayout>
      );
    case "payable": {
      const { order, collection, clientSecret } = link;
      const orderId = order.id;
      return (
        <LinkLayout order={order} title={`Pay ${formatMoney(collection.amount, collection.currency_code)}`}>
          <p className="text-sm text-neutral-700">
            Amount now owed:{" "}
            <strong className="text-neutral-900" data-testid="amount-due">
              {formatMoney(collection.amount, collection.currency_code)}
            </strong>
          </p>
          {stripe.doubleUrl ? (
            <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
              Demo store: payments are simulated. No real card is charged — use the test card 4242 4242 4242 4242.
            </p>
          ) : null}
          <PaymentLinkCheckout
            clientSecret={clientSecret}
            publishableKey={stripe.publishableKey}
            stripeDoubleUrl={stripe.doubleUrl}
            billingDefaults={billingDefaultsOf(order.billing_address, order.email)}
            returnPath={paymentLinkPath(collectionId, orderId)}
            amountLabel={formatMoney(collection.amount, collection.currency_code)}
            checkPaymentAmount={checkPaymentAmount}
            readStatus={readStatus}
          />
        </LinkLayout>
      );
    }
  }
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-8 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-3 text-neutral-600">{children}</div>
      <Link href="/" className="btn-secondary mt-8">
        Go to the shop
      </Link>
    </div>
  );
}

function OrderPageLink({ order }: { order: Order }) {
  return (
    <Link href={orderPath(order.id)} prefetch={false} className="btn-secondary">
      View your order
    </Link>
  );
}

/** The order the payment is for, beside what to do about it. */
function LinkLayout({ order, title, children }: { order: Order; title: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="space-y-5">
        <p className="text-sm text-neutral-600">
          Order <span data-testid="order-number">#{order.display_id}</span>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{title}</h1>
        {children}
      </div>
      <aside aria-labelledby="order-heading" className="card h-fit p-5">
        <h2 id="order-heading" className="font-semibold">
          Your order #{order.display_id}
        </h2>
        <LineItemSummary items={order.items ?? []} currencyCode={order.currency_code} />
        <div className="mt-3 flex justify-between border-t border-neutral-200 pt-3 text-sm font-semibold">
          <span>Order total</span>
          <span className="tabular-nums">{formatMoney(order.total, order.currency_code)}</span>
        </div>
        <h3 className="mt-5 text-sm font-semibold">Payments so far</h3>
        <PaymentHistory orderId={order.id} currencyCode={order.currency_code} collections={order.payment_collections ?? []} />
      </aside>
    </div>
  );
}
