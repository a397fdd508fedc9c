import { StripePayment } from "@/components/payment/stripe-payment";
import { billingDefaultsOf } from "@/lib/billing-defaults";
import type { Cart } from "@/lib/cart";
import { checkPaymentAmount, placeOrder, recoverCheckout } from "@/lib/checkout";
import { getConfig } from "@/lib/config";
import { MESSAGES } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { checkoutReturnPath } from "@/lib/paths";
import { clientSecretOf, findStripeSession } from "@/lib/payment/sessions";
import { SimulatedPaymentsNote } from "./simulated-payments-note";

/** Step 4: what the shopper pays, the card form, and the button that pays and places the order. */
export function ReviewStep({ cart }: { cart: Cart }) {
  const config = getConfig();
  const clientSecret = clientSecretOf(findStripeSession(cart));
  // furthestAllowedStep only allows review with a usable session; this is the type-level guard.
  if (!clientSecret) return <p className="text-sm">{MESSAGES.unknown}</p>;
  return (
    <div className="space-y-5">
      <p className="text-sm text-neutral-600">
        Check your order, enter your card details and place the order. You will be charged{" "}
        <strong className="text-neutral-900">{formatMoney(cart.total, cart.currency_code)}</strong>.
      </p>
      {config.stripeDoubleUrl ? <SimulatedPaymentsNote /> : null}
      <StripePayment
        clientSecret={clientSecret}
        billingDefaults={billingDefaultsOf(cart.billing_address, cart.email)}
        publishableKey={config.stripePublishableKey}
        stripeDoubleUrl={config.stripeDoubleUrl}
        returnPath={checkoutReturnPath(cart.id)}
        payLabel={`Place order and pay ${formatMoney(cart.total, cart.currency_code)}`}
        busyLabel="Placing order…"
        checkPaymentAmount={checkPaymentAmount}
        onPaymentSecured={placeOrder}
        recoverFromLoadError={recoverCheckout}
        unreachableMessage="We could not reach the store to place your order. Please try again — you will not be charged twice."
      />
    </div>
  );
}
