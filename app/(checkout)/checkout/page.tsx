import { redirect } from "next/navigation";
import { CheckoutSections } from "@/components/checkout/checkout-sections";
import { PaymentConfirming } from "@/components/payment/payment-confirming";
import { preloadShippingOptions } from "@/lib/checkout";
import { CART_PATH, checkoutPath, orderConfirmationPath } from "@/lib/paths";
import { getCheckoutState } from "@/lib/payment/checkout-state";

interface CheckoutPageProps {
  searchParams: Promise<{ step?: string | string[]; payment?: string | string[] }>;
}

/** Loads where the checkout stands and picks what to show: the confirmation, the wait, or the checkout's sections. */
export default async function CheckoutPage({ searchParams }: CheckoutPageProps) {
  void preloadShippingOptions();
  const [state, query] = await Promise.all([getCheckoutState(), searchParams]);
  // Paid (or already an order): the confirmation, never a second card form.
  if (state.kind === "ordered") redirect(orderConfirmationPath(state.orderId));
  if (state.kind === "confirming") {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
        <PaymentConfirming />
      </>
    );
  }
  if (state.kind === "none" || (state.cart.items?.length ?? 0) === 0) redirect(CART_PATH);
  const paymentFailed = query.payment === "failed";
  // Links and bookmarks from when checkout had a page per step: all of it is on this one page now.
  if (query.step !== undefined) redirect(checkoutPath({ paymentFailed }));
  return <CheckoutSections cart={state.cart} notice={state.notice} paymentFailed={paymentFailed} />;
}
