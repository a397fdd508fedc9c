import { formatMoney } from "@/lib/money";
import { type PromotionLike, appliedCodes } from "@/lib/promotion-codes";

export interface Totals {
  currency_code: string;
  item_subtotal?: number | null;
  /** Delivery before tax: tax is its own line, so the lines add up to the total. */
  shipping_subtotal?: number | null;
  tax_total?: number | null;
  discount_total?: number | null;
  /** The discount before tax: the line shown, so that the lines add up to the total. */
  discount_subtotal?: number | null;
  /** The codes behind the discount, named on its line. */
  promotions?: readonly PromotionLike[] | null;
  total: number;
}

/** Subtotal, delivery, tax, discount and total, for a cart or an order. */
export function OrderTotals({ totals, shippingKnown }: { totals: Totals; shippingKnown: boolean }) {
  const money = (amount: number | null | undefined) => formatMoney(amount ?? 0, totals.currency_code);
  // A caller that did not ask for discount_subtotal still shows the discount (then including its tax).
  const discount = totals.discount_subtotal ?? totals.discount_total ?? 0;
  const codes = appliedCodes(totals.promotions);
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
      {discount ? (
        <div className="flex justify-between gap-3">
          <dt className="min-w-0 break-words text-neutral-600">{codes.length > 0 ? `Discount (${codes.join(", ")})` : "Discount"}</dt>
          <dd className="shrink-0 tabular-nums text-emerald-700" data-testid="order-discount">
            −{money(discount)}
          </dd>
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
