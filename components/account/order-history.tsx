import Link from "next/link";
import { ORDER_STATUS } from "@/components/order-details";
import type { CustomerOrder } from "@/lib/account";
import { formatMoney } from "@/lib/money";
import { orderPath } from "@/lib/paths";

/** The customer's orders, newest first, each opening its order page. */
export function OrderHistory({ orders, limit }: { orders: CustomerOrder[]; limit: number }) {
  if (orders.length === 0) {
    return (
      <p className="mt-4 text-neutral-600">
        No orders yet. Orders you place while signed in appear here.
      </p>
    );
  }
  return (
    <>
      <ul aria-label="Your orders" className="card mt-4 divide-y divide-neutral-200">
        {orders.map((order) => {
          const items = (order.items ?? []).reduce((sum, item) => sum + item.quantity, 0);
          return (
            <li key={order.id}>
              <Link
                href={orderPath(order.id)}
                prefetch={false}
                className="flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 hover:bg-neutral-50 sm:px-5"
              >
                <span className="font-medium">
                  Order <span data-testid="order-history-number">#{order.display_id}</span>
                </span>
                <span className="text-sm text-neutral-600">
                  {new Date(order.created_at).toLocaleDateString("en-US", { dateStyle: "medium" })}
                  {" · "}
                  {items === 1 ? "1 item" : `${items} items`}
                  {" · "}
                  {ORDER_STATUS[order.status] ?? order.status}
                </span>
                <span className="font-medium tabular-nums">{formatMoney(order.total, order.currency_code)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {orders.length >= limit ? (
        <p className="mt-3 text-sm text-neutral-600">Showing your {limit} most recent orders.</p>
      ) : null}
    </>
  );
}
