import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { type CollectionLike, paymentHistory, paymentTotals } from "@/lib/payment/collections";
import { paymentLinkPath } from "@/lib/paths";

/**
 * Every payment request of an order with what happened to the money: authorized (held on the card),
 * captured (taken) and refunded, and what is still owed with the link to pay it.
 */
export function PaymentHistory({
  orderId,
  currencyCode,
  collections,
}: {
  orderId: string;
  currencyCode: string;
  collections: readonly CollectionLike[];
}) {
  const rows = paymentHistory(collections);
  const totals = paymentTotals(collections);
  const money = (amount: number) => formatMoney(amount, currencyCode);

  if (rows.length === 0) return <p className="mt-3 text-sm text-neutral-600">No payments yet.</p>;

  return (
    <div className="mt-3 space-y-4">
      <ul className="divide-y divide-neutral-200" aria-label="Payments">
        {rows.map((row) => (
          <li key={row.id} className="py-3 text-sm" data-testid="payment-row" data-collection-id={row.id}>
            <div className="flex flex-wrap justify-between gap-2">
              <p className="font-medium">{row.label}</p>
              <p className="tabular-nums">{money(row.requested)}</p>
            </div>
            <p className="text-neutral-600" data-testid="payment-state">
              {row.state}
            </p>
            <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-neutral-700">
              {row.authorized > 0 ? <Amount label="Authorized" value={money(row.authorized)} /> : null}
              {row.captured > 0 ? <Amount label="Captured" value={money(row.captured)} /> : null}
              {row.refunded > 0 ? <Amount label="Refunded" value={money(row.refunded)} /> : null}
            </dl>
            {row.payable ? (
              <Link href={paymentLinkPath(row.id, orderId)} prefetch={false} className="link mt-1 inline-block">
                Pay {money(row.requested)}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <dl className="space-y-2 border-t border-neutral-200 pt-3 text-sm">
        <TotalLine label="Authorized" value={money(totals.authorized)} testId="paid-authorized" />
        <TotalLine label="Captured" value={money(totals.captured)} testId="paid-captured" />
        <TotalLine label="Refunded" value={money(totals.refunded)} testId="paid-refunded" />
        <TotalLine label="Still owed" value={money(totals.owed)} testId="amount-owed" strong />
      </dl>
    </div>
  );
}

function Amount({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

function TotalLine({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between ${strong ? "font-semibold" : ""}`}>
      <dt className={strong ? "" : "text-neutral-600"}>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
