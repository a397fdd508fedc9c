import Link from "next/link";
import { AddressBlock } from "@/components/address-block";
import { LineItemSummary } from "@/components/line-item-summary";
import { OrderTotals } from "@/components/order-totals";
import { PaymentHistory } from "@/components/payment/payment-history";
import { formatMoney } from "@/lib/money";
import type { Order } from "@/lib/orders";
import { firstOpenCollection, paymentTotals } from "@/lib/payment/collections";
import { paymentLinkPath } from "@/lib/paths";

export const ORDER_STATUS: Record<string, string> = {
  pending: "Received",
  completed: "Completed",
  draft: "Draft",
  archived: "Archived",
  canceled: "Canceled",
  requires_action: "Needs attention",
};

/** A banner when the order still owes money (after an order edit, or an amount the merchant asked for). */
export function AmountOwedBanner({ order }: { order: Order }) {
  const collections = order.payment_collections ?? [];
  const open = firstOpenCollection(collections);
  if (!open) return null;
  const owed = paymentTotals(collections).owed;
  return (
    <div role="status" className="mt-6 flex flex-wrap items-center justify-between gap-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p>
        This order still has <strong>{formatMoney(owed, order.currency_code)}</strong> to pay.
      </p>
      <Link href={paymentLinkPath(open.id, order.id)} prefetch={false} className="btn-primary">
        Pay {formatMoney(open.amount, order.currency_code)}
      </Link>
    </div>
  );
}

/** Everything about a placed order: status, items, addresses, totals and the payments' history. */
export function OrderDetails({ order }: { order: Order }) {
  return (
    <div className="card mt-8 divide-y divide-neutral-200">
      <section aria-labelledby="status-heading" className="grid gap-4 p-5 text-sm sm:grid-cols-2">
        <h2 id="status-heading" className="sr-only">
          Status
        </h2>
        <div>
          <p className="text-neutral-600">Order status</p>
          <p className="font-medium" data-testid="order-status">
            {ORDER_STATUS[order.status] ?? order.status}
          </p>
        </div>
        <div>
          <p className="text-neutral-600">Placed</p>
          <p className="font-medium">{new Date(order.created_at).toLocaleDateString("en-US", { dateStyle: "long" })}</p>
        </div>
      </section>
      <section aria-labelledby="items-heading" className="p-5">
        <h2 id="items-heading" className="font-semibold">
          Items
        </h2>
        <LineItemSummary items={order.items ?? []} currencyCode={order.currency_code} />
      </section>
      <div className="grid gap-6 p-5 sm:grid-cols-3">
        <section aria-labelledby="shipping-heading">
          <h2 id="shipping-heading" className="mb-2 text-sm font-semibold">
            Shipping address
          </h2>
          <AddressBlock address={order.shipping_address} />
        </section>
        <section aria-labelledby="billing-heading">
          <h2 id="billing-heading" className="mb-2 text-sm font-semibold">
            Billing address
          </h2>
          <AddressBlock address={order.billing_address} />
        </section>
        <section aria-labelledby="delivery-heading">
          <h2 id="delivery-heading" className="mb-2 text-sm font-semibold">
            Delivery
          </h2>
          {(order.shipping_methods ?? []).map((method) => (
            <p key={method.id} className="text-sm text-neutral-700">
              {method.name} · {formatMoney(method.amount, order.currency_code)}
            </p>
          ))}
        </section>
      </div>
      <section aria-labelledby="totals-heading" className="p-5">
        <h2 id="totals-heading" className="sr-only">
          Amounts
        </h2>
        <OrderTotals totals={order} shippingKnown />
      </section>
      <section aria-labelledby="payments-heading" className="p-5">
        <h2 id="payments-heading" className="font-semibold">
          Payments
        </h2>
        <PaymentHistory orderId={order.id} currencyCode={order.currency_code} collections={order.payment_collections ?? []} />
      </section>
    </div>
  );
}
