import { LineItemSummary } from "@/components/line-item-summary";
import { OrderTotals } from "@/components/order-totals";
import { PromoCodeForm } from "@/components/promo-code-form";
import type { Cart } from "@/lib/cart";
import { checkoutProgress } from "@/lib/checkout-progress";
import { MESSAGES } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { applyPromotionCode, removePromotionCode } from "@/lib/promotions";
import { AddressSection } from "./address-section";
import { CheckoutSection, SECTION_HEADING_IDS } from "./checkout-section";
import { DeliverySection } from "./delivery-section";
import { PaymentSection } from "./payment-section";
import { WalletCheckout } from "./wallet-checkout";

interface CheckoutSectionsProps {
  cart: Cart;
  /** Why the shopper is back at the card form: a payment that did not go through, or a released hold. */
  notice?: string;
  paymentFailed: boolean;
}

/**
 * The whole checkout on one page: contact and address, delivery, payment, each shown as soon as the cart allows it,
 * and the order summary with the promotion code field (collapsed above the sections on phones, beside them on wide
 * screens).
 */
export function CheckoutSections({ cart, notice, paymentFailed }: CheckoutSectionsProps) {
  const progress = checkoutProgress(cart);
  const shippingKnown = (cart.shipping_methods?.length ?? 0) > 0;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      {paymentFailed || notice ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {notice ?? MESSAGES.notPaid}
        </p>
      ) : null}
      <div className="mt-6 grid gap-6 lg:mt-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-8">
        {/* One summary for every width: a collapsed bar with the total on phones, always open beside the sections on
            wide screens (where the bar is hidden and the closed details' content is shown anyway). */}
        <aside aria-label="Order summary" className="card h-fit lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1">
          <details className="group lg:[&::details-content]:[content-visibility:visible]">
            <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-4 px-4 py-3 text-sm font-medium lg:hidden">
              <span>
                <span className="group-open:hidden">Show order summary</span>
                <span className="hidden group-open:inline">Hide order summary</span>
              </span>
              <span className="tabular-nums">{formatMoney(cart.total, cart.currency_code)}</span>
            </summary>
            <div className="border-t border-neutral-200 px-4 pb-4 lg:border-0 lg:p-5">
              <h2 className="hidden font-semibold lg:block">Order summary</h2>
              <LineItemSummary items={cart.items ?? []} currencyCode={cart.currency_code} />
              <div className="mt-4 border-t border-neutral-200 pt-4">
                <OrderTotals totals={cart} shippingKnown={shippingKnown} />
              </div>
              <div className="mt-4 border-t border-neutral-200 pt-4">
                <PromoCodeForm promotions={cart.promotions} applyAction={applyPromotionCode} removeAction={removePromotionCode} />
              </div>
            </div>
          </details>
        </aside>
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-1">
          <WalletCheckout cart={cart} separatorLabel="or pay by card below" />
          <CheckoutSection number={1} title="Contact and address" headingId={SECTION_HEADING_IDS.address} state={progress.address}>
            <AddressSection cart={cart} saved={progress.address === "done"} />
          </CheckoutSection>
          <CheckoutSection
            number={2}
            title="Delivery"
            headingId={SECTION_HEADING_IDS.delivery}
            state={progress.delivery}
            lockedHint="Delivery options appear once we have your address."
          >
            <DeliverySection cart={cart} />
          </CheckoutSection>
          <CheckoutSection
            number={3}
            title="Payment"
            headingId={SECTION_HEADING_IDS.payment}
            state={progress.payment === "locked" ? "locked" : "open"}
            lockedHint="The card form appears once delivery is chosen."
          >
            <PaymentSection cart={cart} ready={progress.payment === "ready"} free={progress.payment === "free"} />
          </CheckoutSection>
        </div>
      </div>
    </>
  );
}
