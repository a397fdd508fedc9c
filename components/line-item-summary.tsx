import { formatMoney } from "@/lib/money";
import { ProductImage } from "./product-image";

export interface SummaryItem {
  id: string;
  title: string;
  product_title?: string | null;
  variant_title?: string | null;
  thumbnail?: string | null;
  quantity: number;
  unit_price: number;
  /** Before tax, like the subtotal the lines add up to. */
  subtotal?: number | null;
}

/** A read-only list of lines, for the checkout summary and the confirmation. */
export function LineItemSummary({ items, currencyCode }: { items: SummaryItem[]; currencyCode: string }) {
  return (
    <ul className="divide-y divide-neutral-200">
      {items.map((item) => {
        const name = item.product_title ?? item.title;
        return (
          <li key={item.id} className="flex gap-4 py-3">
            <div className="w-14 shrink-0">
              <ProductImage src={item.thumbnail} name={name} decorative sizes="56px" />
            </div>
            <div className="flex flex-1 justify-between gap-4 text-sm">
              <div>
                <p className="font-medium">{name}</p>
                <p className="text-neutral-600">
                  {item.variant_title ? `${item.variant_title} · ` : ""}Qty {item.quantity}
                </p>
              </div>
              <p className="tabular-nums">{formatMoney(item.subtotal ?? item.unit_price * item.quantity, currencyCode)}</p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
