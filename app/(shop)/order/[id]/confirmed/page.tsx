import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddressBlock } from "@/components/address-block";
import { LineItemSummary } from "@/components/line-item-summary";
import { OrderTotals } from "@/components/order-totals";
import { formatMoney } from "@/lib/money";
import { getOrder } from "@/lib/orders";

export const metadata: Metadata = { title: "Order confirmed", robots: { index: false } };

export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await getOrder(id);
  if (!order) notFound();

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-medium text-emerald-700">Order placed</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Thank you for your order</h1>
      <p className="mt-2 text-neutral-600">
        Your order number is{" "}
        <strong className="text-neutral-900" data-testid="order-number">
          #{order.display_id}
        </strong>
        . We will send updates to <span className="text-neutral-900">{order.email}</span>.
      </p>

      <div className="card mt-8 divide-y divide-neutral-200">
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
      </div>
      {/* No prefetch: it would render the home page (products, a new cart lookup) for every order placed. */}
      <Link href="/" prefetch={false} className="btn-secondary mt-8">
        Continue shopping
      </Link>
    </div>
  );
}
