import type { Metadata } from "next";
import { PaymentLinkView } from "@/components/payment/payment-link-view";
import { getConfig } from "@/lib/config";
import { checkPaymentLinkAmount, loadPaymentLink, readPaymentLinkStatus } from "@/lib/payment/link";

export const metadata: Metadata = { title: "Pay for your order", robots: { index: false } };

interface PaymentLinkPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ order_id?: string | string[] }>;
}

/** Medusa Admin's "Copy payment link": `/payment-collection/{collection id}?order_id={order id}`. */
export default async function PaymentLinkPage({ params, searchParams }: PaymentLinkPageProps) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const orderId = typeof query.order_id === "string" ? query.order_id : null;
  const link = await loadPaymentLink(id, orderId);
  const config = getConfig();
  // Bound to the link's own ids; the actions check again that the collection belongs to the order.
  const boundOrderId = orderId ?? "";
  return (
    <PaymentLinkView
      link={link}
      collectionId={id}
      stripe={{ publishableKey: config.stripePublishableKey, doubleUrl: config.stripeDoubleUrl }}
      checkPaymentAmount={checkPaymentLinkAmount.bind(null, id, boundOrderId)}
      readStatus={readPaymentLinkStatus.bind(null, id, boundOrderId)}
    />
  );
}
