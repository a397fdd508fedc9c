import type { Metadata } from "next";
import Link from "next/link";
import { WalletCheckout } from "@/components/checkout/wallet-checkout";
import { LineItemControls } from "@/components/line-item-controls";
import { OrderTotals } from "@/components/order-totals";
import { PromoCodeForm } from "@/components/promo-code-form";
import { ProductImage } from "@/components/product-image";
import { redirect } from "next/navigation";
import { updateLineQuantity } from "@/lib/cart";
import { preloadShippingOptions } from "@/lib/checkout";
import { MESSAGES } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { CHECKOUT_PATH, orderConfirmationPath } from "@/lib/paths";
import { getCheckoutState } from "@/lib/payment/checkout-state";
import { applyPromotionCode, removePromotionCode } from "@/lib/promotions";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage({ searchParams }: { searchParams: Promise<{ payment?: string | string[] }> }) {
  void preloadShippingOptions();
  const [state, query] = await Promise.all([getCheckoutState(), searchParams]);
  // A cart that is (or, its payment being held, becomes) an order shows that order, never "empty".
  if (state.kind === "ordered") redirect(orderConfirmationPath(state.orderId));
  if (state.kind === "confirming") redirect(CHECKOUT_PATH);
  const cart = state.kind === "open" ? state.cart : null;
  const items = cart?.items ?? [];
  const notRecognised =
    query.payment === "not-recognised" ? (
      <p role="alert" className="mx-auto mb-6 max-w-xl rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        {MESSAGES.paymentNotRecognised}
      </p>
    ) : null;

  if (!cart || items.length === 0) {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        {notRecognised}
        <h1 className="text-2xl font-semibold tracking-tight">Your cart is empty</h1>
        <p className="mt-2 text-neutral-600">Find something you like and add it here.</p>
        <Link href="/" className="btn-primary mt-6">
          Browse products
        </Link>
      </div>
    );
  }

  return (
    <>
      {notRecognised}
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Cart</h1>
      <div className="mt-8 grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Items in your cart" className="card h-fit">
          <ul className="divide-y divide-neutral-200">
            {items.map((item) => {
              const name = item.product_title ?? item.title;
              const label = item.variant_title ? `${name}, ${item.variant_title}` : name;
              return (
                <li key={item.id} className="flex gap-4 p-4 sm:p-5">
                  <div className="w-16 shrink-0 sm:w-24">
                    <ProductImage src={item.thumbnail} name={name} decorative sizes="(min-width: 640px) 96px, 64px" />
                  </div>
                  <div className="flex min-w-0 flex-1 flex-col justify-between gap-3 sm:flex-row">
                    <div>
                      <h2 className="font-medium">
                        {item.product_handle ? (
                          <Link href={`/products/${item.product_handle}`} className="hover:underline">
                            {name}
                          </Link>
                        ) : (
                          name
                        )}
                      </h2>
                      {item.variant_title ? <p className="text-sm text-neutral-600">{item.variant_title}</p> : null}
                      <p className="mt-1 text-sm text-neutral-600">{formatMoney(item.unit_price, cart.currency_code)} each</p>
                      <div className="mt-3">
                        <LineItemControls
                          lineId={item.id}
                          itemName={label}
                          quantity={item.quantity}
                          action={updateLineQuantity}
                        />
                      </div>
                    </div>
                    <p className="font-medium tabular-nums sm:text-right">
                      {formatMoney(item.subtotal ?? item.unit_price * item.quantity, cart.currency_code)}
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        <aside aria-labelledby="cart-summary-heading" className="card h-fit p-5">
          <h2 id="cart-summary-heading" className="mb-4 font-semibold">
            Summary
          </h2>
          <OrderTotals totals={cart} shippingKnown={(cart.shipping_methods?.length ?? 0) > 0} />
          <div className="mt-5 border-t border-neutral-200 pt-4">
            <PromoCodeForm promotions={cart.promotions} applyAction={applyPromotionCode} removeAction={removePromotionCode} />
          </div>
          {/* Straight to the step this cart is on (/checkout alone redirects there: one more round trip), and no
              prefetch: the checkout is rendered per cart, so a prefetch is a second full render nobody may use. */}
          <div className="mt-6">
            <WalletCheckout cart={cart} separatorLabel="or" />
          </div>
          <Link href={CHECKOUT_PATH} prefetch={false} className="btn-primary mt-4 w-full">
            Go to checkout
          </Link>
        </aside>
      </div>
    </>
  );
}
