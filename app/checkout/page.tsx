import { redirect } from "next/navigation";
import { CheckoutSteps } from "@/components/checkout/checkout-steps";
import { PaymentConfirming } from "@/components/payment/payment-confirming";
import { resolveCheckoutStep } from "@/lib/checkout-steps";
import { CART_PATH, checkoutStepPath, orderConfirmationPath } from "@/lib/paths";
import { getCheckoutState } from "@/lib/payment/checkout-state";

interface CheckoutPageProps {
  searchParams: Promise<{ step?: string | string[]; payment?: string | string[] }>;
}

/** Loads where the checkout stands and picks what to show: the confirmation, the wait, or the step the cart allows. */
export default async function CheckoutPage({ searchParams }: CheckoutPageProps) {
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
  const { cart, notice } = state;

  // The cart, not the URL, decides how far the shopper may go.
  const { step, redirect: mustRedirect } = resolveCheckoutStep(query.step, cart);
  const paymentFailed = query.payment === "failed";
  if (mustRedirect) redirect(checkoutStepPath(step, { paymentFailed }));
  return <CheckoutSteps cart={cart} step={step} notice={notice} paymentFailed={paymentFailed} />;
}
