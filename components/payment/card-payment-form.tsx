"use client";

import { PaymentElement } from "@stripe/react-stripe-js";
import { useState } from "react";
import type { BillingDefaults } from "@/lib/billing-defaults";
import type { Payment } from "./use-payment";

interface CardPaymentFormProps {
  payment: Payment;
  billingDefaults: BillingDefaults;
  /** The pay button, e.g. "Place order and pay €64.00" or "Pay €15.41". */
  payLabel: string;
  busyLabel: string;
  /** Why the form was remounted on a new PaymentIntent (a new amount, another tab), if it was. */
  notice: string | null;
}

/** Stripe's Payment Element and the one button that pays; what pressing it does is `usePayment`'s. */
export function CardPaymentForm({ payment, billingDefaults, payLabel, busyLabel, notice }: CardPaymentFormProps) {
  const [elementReady, setElementReady] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void payment.pay();
      }}
      aria-label="Payment"
      className="space-y-5"
    >
      {notice ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <div className="min-h-40">
        <PaymentElement
          options={{ layout: "tabs", defaultValues: { billingDetails: billingDefaults } }}
          onReady={() => setElementReady(true)}
          onLoadError={payment.onLoadError}
        />
        {elementReady ? null : <p className="text-sm text-neutral-500">Loading the secure card form…</p>}
      </div>
      {payment.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {payment.error}
        </p>
      ) : null}
      <button type="submit" disabled={payment.busy || !payment.ready || !elementReady} className="btn-primary w-full">
        {payment.busy ? busyLabel : payLabel}
      </button>
    </form>
  );
}
