"use client";

import { Elements } from "@stripe/react-stripe-js";
import type { StripeElementsOptions } from "@stripe/stripe-js";
import { useEffect, useState } from "react";
import type { BillingDefaults } from "@/lib/billing-defaults";
import { CardPaymentForm } from "./card-payment-form";
import { loadAttempt, loadStripeOnce } from "./load-stripe";
import { type PaymentOptions, usePayment } from "./use-payment";

const appearance: StripeElementsOptions["appearance"] = {
  theme: "stripe",
  variables: { colorPrimary: "#171717", borderRadius: "6px", fontFamily: "system-ui, sans-serif" },
};

/**
 * Why the form moved to a PaymentIntent, by its client secret. The page re-renders with the new total in the same
 * answer, and checkout then mounts a new form for it: the shopper must still read why the card is asked for again.
 */
const noticesFor = new Map<string, string>();

interface StripePaymentProps extends Omit<PaymentOptions, "onSessionReplaced"> {
  /** A signed-in shopper's Stripe CustomerSession: the form then offers to save the card and shows saved ones. */
  customerSessionClientSecret?: string;
  billingDefaults: BillingDefaults;
  publishableKey: string;
  stripeDoubleUrl: string | null;
  payLabel: string;
  busyLabel: string;
}

/**
 * Paying by card with Stripe: loads Stripe.js (with a retry when it cannot), mounts Elements on the PaymentIntent,
 * and remounts it when the server replaces that PaymentIntent. Checkout's last step and the payment-link page share
 * it, so declines, 3-D Secure and stale amounts behave the same in both.
 */
export function StripePayment({ clientSecret: initialSecret, customerSessionClientSecret, publishableKey, stripeDoubleUrl, ...rest }: StripePaymentProps) {
  const [stripePromise, setStripePromise] = useState(() => loadStripeOnce(publishableKey, stripeDoubleUrl));
  const [clientSecret, setClientSecret] = useState(initialSecret);
  const [notice, setNotice] = useState<string | null>(() => noticesFor.get(initialSecret) ?? null);
  const [loadFailed, setLoadFailed] = useState(false);

  // Stripe.js comes from js.stripe.com: a blocker, a flaky network or an outage there must not leave a blank
  // step. Say so and offer a retry (the failed load is forgotten by loadStripeOnce, so a retry fetches again).
  useEffect(() => {
    let current = true;
    stripePromise.then(
      (stripe) => current && setLoadFailed(stripe === null && typeof window !== "undefined"),
      () => current && setLoadFailed(true),
    );
    return () => {
      current = false;
    };
  }, [stripePromise]);

  if (loadFailed) {
    return (
      <div className="space-y-3" role="alert">
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          The secure card form could not be loaded. Please check your connection (or an ad blocker) and try again.
          Nothing has been charged.
        </p>
        <button
          type="button"
          className="btn-primary w-full"
          onClick={() => {
            setLoadFailed(false);
            setStripePromise(loadStripeOnce(publishableKey, stripeDoubleUrl));
          }}
        >
          Try loading the card form again
        </button>
      </div>
    );
  }

  return (
    // A new client secret is a new PaymentIntent: remount Elements (it cannot change in place).
    <Elements
      key={`${clientSecret}|${customerSessionClientSecret ?? ""}|${loadAttempt(stripePromise)}`}
      stripe={stripePromise}
      options={customerSessionClientSecret ? { clientSecret, appearance, customerSessionClientSecret } : { clientSecret, appearance }}
    >
      <CardPayment
        clientSecret={clientSecret}
        notice={notice}
        onSessionReplaced={(secret, message) => {
          noticesFor.set(secret, message);
          setNotice(message);
          setClientSecret(secret);
        }}
        {...rest}
      />
    </Elements>
  );
}

type CardPaymentProps = PaymentOptions & Pick<StripePaymentProps, "billingDefaults" | "payLabel" | "busyLabel"> & { notice: string | null };

/** Inside Elements: the pay state machine, driving the card form. */
function CardPayment({ billingDefaults, payLabel, busyLabel, notice, ...options }: CardPaymentProps) {
  const payment = usePayment(options);
  return <CardPaymentForm payment={payment} billingDefaults={billingDefaults} payLabel={payLabel} busyLabel={busyLabel} notice={notice} />;
}
