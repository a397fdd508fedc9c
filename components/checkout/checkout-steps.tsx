import { CheckoutSection } from "@/components/checkout-section";
import { LineItemSummary } from "@/components/line-item-summary";
import { OrderTotals } from "@/components/order-totals";
import type { Cart } from "@/lib/cart";
import { CHECKOUT_STEPS, type CheckoutStep, furthestAllowedStep, stepIndex } from "@/lib/checkout-steps";
import { MESSAGES } from "@/lib/errors";
import { checkoutStepPath } from "@/lib/paths";
import { CurrentStep } from "./current-step";
import { StepSummary } from "./step-summary";

const STEP_TITLES: Record<CheckoutStep, string> = {
  address: "Contact and address",
  delivery: "Delivery",
  payment: "Payment",
  review: "Review and place order",
};

interface CheckoutStepsProps {
  cart: Cart;
  /** The step the shopper is on (the page has checked that the cart allows it). */
  step: CheckoutStep;
  /** Why the shopper is back at a step: a payment that did not go through, or a released hold. */
  notice?: string;
  paymentFailed: boolean;
}

/** The four steps as sections (done ones summarised and editable, later ones locked) and the order summary. */
export function CheckoutSteps({ cart, step, notice, paymentFailed }: CheckoutStepsProps) {
  const furthest = furthestAllowedStep(cart);

  // Steps before the furthest allowed one are complete (and editable); the rest wait their turn.
  const stateOf = (section: CheckoutStep) =>
    section === step ? "current" : stepIndex(section) < stepIndex(furthest) ? "done" : "locked";

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      {paymentFailed || notice ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {notice ?? MESSAGES.notPaid}
        </p>
      ) : null}
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_24rem]">
        <ol className="space-y-4" aria-label="Checkout steps">
          {CHECKOUT_STEPS.map((section, index) => (
            <li key={section}>
              <CheckoutSection
                number={index + 1}
                title={STEP_TITLES[section]}
                state={stateOf(section)}
                editHref={section === "review" ? undefined : checkoutStepPath(section)}
              >
                {section === step ? <CurrentStep step={step} cart={cart} /> : <StepSummary step={section} cart={cart} />}
              </CheckoutSection>
            </li>
          ))}
        </ol>
        <aside aria-labelledby="order-summary-heading" className="card h-fit p-5 lg:sticky lg:top-6">
          <h2 id="order-summary-heading" className="font-semibold">
            Order summary
          </h2>
          <LineItemSummary items={cart.items ?? []} currencyCode={cart.currency_code} />
          <div className="mt-4 border-t border-neutral-200 pt-4">
            <OrderTotals totals={cart} shippingKnown={(cart.shipping_methods?.length ?? 0) > 0} />
          </div>
        </aside>
      </div>
    </>
  );
}
