import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmountOwedBanner, OrderDetails } from "@/components/order-details";
import { getOrder } from "@/lib/orders";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

/**
 * The shopper's order page, reachable again by its unguessable URL: status, items, totals and what
 * happened to the money since checkout. Always rendered fresh, since webhooks and the merchant change it.
 */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await getOrder(id);
  if (!order) notFound();

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
        Order <span data-testid="order-number">#{order.display_id}</span>
      </h1>
      <p className="mt-2 text-neutral-600">
        Updates go to <span className="text-neutral-900">{order.email}</span>.
      </p>
      <AmountOwedBanner order={order} />
      <OrderDetails order={order} />
      <Link href="/" className="btn-secondary mt-8">
        Continue shopping
      </Link>
    </div>
  );
}
