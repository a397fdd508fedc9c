import { formatMoney } from "@/lib/money";

export interface Totals {
  currency_code: string;
  item_subtotal?: number | null;
  /** Delivery before tax: tax is its own line, so the lines add up to the total. */
  shipping_subtotal?: number | null;
  tax_total?: number | null;
  discount_total?: number | null;
  total: number;
}

/** Subtotal, delivery, tax, discount and total, for a cart or an order. */
export function OrderTotals({ totals, shippingKnown }: { totals: Totals; shippingKnown: boolean }) {
  const money = (amount: number | null | undefined) => formatMoney(amount ?? 0, totals.currency_code);
  return (
    <dl className="space-y-2 text-sm">
      <div className="flex justify-between">
        <dt className="text-neutral-600">Subtotal</dt>
        <dd className="tabular-nums">{money(totals.item_subtotal)}</dd>
      </div>
      <div className="flex justify-between">
        <dt className="text-neutral-600">Delivery</dt>
        <dd className="tabular-nums">{shippingKnown ? money(totals.shipping_subtotal) : "Chosen at checkout"}</dd>
      </div>
      {totals.discount_total ? (
        <div className="flex justify-between">
          <dt className="text-neutral-600">Discount</dt>
          <dd className="tabular-nums">−{money(totals.discount_total)}</dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt className="text-neutral-600">Tax</dt>
        <dd className="tabular-nums">{money(totals.tax_total)}</dd>
      </div>
      <div className="flex justify-between border-t border-neutral-200 pt-3 text-base font-semibold">
        <dt>Total</dt>
        <dd className="tabular-nums" data-testid="order-total">
          {money(totals.total)}
        </dd>
      </div>
    </dl>
  );
}
