import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForgetCompletedCart } from "@/components/forget-completed-cart";
import { AmountOwedBanner, OrderDetails } from "@/components/order-details";
import { completedCartToken } from "@/lib/cart";
import { readCartId } from "@/lib/cookies";
import { getOrder, orderCartId } from "@/lib/orders";
import { orderPath } from "@/lib/paths";

export const metadata: Metadata = { title: "Order confirmed", robots: { index: false } };

/** Right after checkout: the order page with a thank-you header. Its own address stays /order/{id}. */
export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [order, cartId] = await Promise.all([getOrder(id), readCartId()]);
  if (!order) notFound();
  // The cookie still names the cart that became this order: it is forgotten once this page is on screen.
  const forgetToken = cartId !== null && orderCartId(order) === cartId ? completedCartToken(cartId) : null;

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-medium text-emerald-700">Order placed</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight sm:text-3xl">Thank you for your order</h1>
      <p className="mt-2 text-neutral-600">
        Your order number is{" "}
        <strong className="text-neutral-900" data-testid="order-number">
          #{order.display_id}
        </strong>
        . We will send updates to <span className="text-neutral-900">{order.email}</span>. You can come back to{" "}
        <Link href={orderPath(order.id)} prefetch={false} className="link">
          this order&apos;s page
        </Link>{" "}
        at any time.
      </p>
      {forgetToken ? <ForgetCompletedCart cartToken={forgetToken} /> : null}
      <AmountOwedBanner order={order} />
      <OrderDetails order={order} />
      <Link href="/" prefetch={false} className="btn-secondary mt-8">
        Continue shopping
      </Link>
    </div>
  );
}
