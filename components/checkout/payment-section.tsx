import { billingDefaultsOf } from "@/lib/billing-defaults";
import type { Cart } from "@/lib/cart";
import { ActionForm } from "@/components/action-form";
import { checkPaymentAmount, placeFreeOrder, placeOrder, prepareCardPayment, recoverCheckout } from "@/lib/checkout";
import { getConfig } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { checkoutReturnPath } from "@/lib/paths";
import { clientSecretOf, findStripeSession } from "@/lib/payment/sessions";
import { CheckoutPayment } from "./checkout-payment";
import { SimulatedPaymentsNote } from "./simulated-payments-note";

/**
 * What the shopper pays and the card form. `ready`: the cart's Stripe session is for its total and the form mounts
 * on it; otherwise the form starts one in the background as soon as it is on screen. A free order (promotions cover
 * everything) needs no card.
 */
export function PaymentSection({ cart, ready, free }: { cart: Cart; ready: boolean; free: boolean }) {
  const config = getConfig();
  const total = formatMoney(cart.total, cart.currency_code);
  if (free) {
    return (
      <ActionForm action={placeFreeOrder} submitLabel="Place order" pendingLabel="Placing order…" aria-label="Free order">
        <p className="text-sm text-neutral-600">Your promotion codes cover the whole order: there is nothing to pay.</p>
      </ActionForm>
    );
  }
  const clientSecret = ready ? clientSecretOf(findStripeSession(cart)) : null;
  return (
    <div className="space-y-5">
      <p className="text-sm text-neutral-600">
        You will be charged <strong className="text-neutral-900">{total}</strong>. Card details go straight to Stripe.
      </p>
      {config.stripeDoubleUrl ? <SimulatedPaymentsNote /> : null}
      <CheckoutPayment
        // A new total is a new payment (Medusa drops the old session): never let a form for the old one linger. The
        // same total keeps the form, and what the shopper typed in it, across re-renders.
        key={`${cart.total}|${cart.currency_code}`}
        clientSecret={clientSecret}
        prepare={prepareCardPayment}
        billingDefaults={billingDefaultsOf(cart.billing_address, cart.email)}
        publishableKey={config.stripePublishableKey}
        stripeDoubleUrl={config.stripeDoubleUrl}
        returnPath={checkoutReturnPath(cart.id)}
        payLabel={`Place order and pay ${total}`}
        busyLabel="Placing order…"
        checkPaymentAmount={checkPaymentAmount}
        onPaymentSecured={placeOrder}
        recoverFromLoadError={recoverCheckout}
        unreachableMessage="We could not reach the store to place your order. Please try again — you will not be charged twice."
      />
    </div>
  );
}
