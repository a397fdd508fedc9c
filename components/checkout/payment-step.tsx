import { ActionForm } from "@/components/action-form";
import { startCardPayment } from "@/lib/checkout";
import { getConfig } from "@/lib/config";
import { SimulatedPaymentsNote } from "./simulated-payments-note";

/** Step 3: the payment method; choosing card starts the Stripe session the review step pays with. */
export function PaymentStep() {
  const { stripeDoubleUrl } = getConfig();
  return (
    <ActionForm action={startCardPayment} submitLabel="Continue to review" pendingLabel="Preparing payment…" aria-label="Payment method">
      <fieldset>
        <legend className="sr-only">Payment method</legend>
        <label className="flex items-start gap-3 rounded-md border border-neutral-900 p-4 ring-1 ring-neutral-900">
          <input type="radio" name="payment_method" value="card" defaultChecked className="mt-0.5 size-4 accent-neutral-900" />
          <span>
            <span className="block text-sm font-medium">Card</span>
            <span className="block text-sm text-neutral-600">
              Processed securely by Stripe. You enter your card details in the last step.
            </span>
          </span>
        </label>
      </fieldset>
      {stripeDoubleUrl ? <SimulatedPaymentsNote /> : null}
    </ActionForm>
  );
}
