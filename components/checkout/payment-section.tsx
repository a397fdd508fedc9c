import { billingDefaultsOf } from "@/lib/billing-defaults";
import type { Cart } from "@/lib/cart";
import { ActionForm } from "@/components/action-form";
import { hasCustomerSession } from "@/lib/account";
import { checkPaymentAmount, placeFreeOrder, placeOrder, prepareCardPayment, recoverCheckout } from "@/lib/checkout";
import { getConfig } from "@/lib/config";
import { formatMoney } from "@/lib/money";
import { checkoutReturnPath } from "@/lib/paths";
import { clientSecretOf, findStripeSession } from "@/lib/payment/sessions";
import { CheckoutPayment } from "./checkout-payment";
import { SimulatedPaymentsNote } from "./simulated-payments-note";

/**
 * What the shopper pays and the card form. `ready`: the cart's Stripe session is for its total and a guest's form
 * mounts on it; otherwise (and always for a signed-in shopper) the form starts or finds one in the background as soon
 * as it is on screen. A free order (promotions cover
 * everything) needs no card.
 */
export async function PaymentSection({ cart, ready, free }: { cart: Cart; ready: boolean; free: boolean }) {
  const config = getConfig();
  const total = formatMoney(cart.total, cart.currency_code);
  if (free) {
    return (
      <ActionForm action={placeFreeOrder} submitLabel="Place order" pendingLabel="Placing order…" aria-label="Free order">
        <p className="text-sm text-neutral-600">Your promotion codes cover the whole order: there is nothing to pay.</p>
      </ActionForm>
    );
  }
  // A signed-in shopper's form is always prepared by the server action, which also brings their saved cards (read
  // from the cookie alone: a guest's page asks Medusa nothing more).
  const clientSecret = ready && !(await hasCustomerSession()) ? clientSecretOf(findStripeSession(cart)) : null;
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
