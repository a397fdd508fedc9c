"use client";

import { type ComponentProps, useEffect, useEffectEvent, useState } from "react";
import { loadStripeOnce } from "@/components/payment/load-stripe";
import { StripePayment } from "@/components/payment/stripe-payment";
import { MESSAGES } from "@/lib/errors";
import type { PreparedPayment } from "@/lib/payment/types";

type CheckoutPaymentProps = Omit<ComponentProps<typeof StripePayment>, "clientSecret" | "customerSessionClientSecret"> & {
  /** The cart's Stripe session for its total, or null when one must be prepared first. */
  clientSecret: string | null;
  prepare: () => Promise<PreparedPayment>;
};

/**
 * The card form, prepared while the shopper looks at the page: without a usable session it asks the server for one
 * and loads Stripe.js at the same time, so that pressing "Pay" is the only wait left.
 */
export function CheckoutPayment({ clientSecret: readySecret, prepare, ...payment }: CheckoutPaymentProps) {
  const [prepared, setPrepared] = useState<PreparedPayment | null>(null);
  const [attempt, setAttempt] = useState(0);
  const needsSession = readySecret === null;
  // With the latest props: a re-render hands over new function identities, not a new need for a session.
  const startPreparing = useEffectEvent(() => {
    void loadStripeOnce(payment.publishableKey, payment.stripeDoubleUrl);
    return prepare();
  });

  useEffect(() => {
    if (!needsSession) return;
    let current = true;
    startPreparing().then(
      (result) => current && setPrepared(result),
      (error: unknown) => {
        console.error(error);
        if (current) setPrepared({ ok: false, error: MESSAGES.unreachable });
      },
    );
    return () => {
      current = false;
    };
  }, [needsSession, attempt]);

  // The one prepared here stays in use once the server sees it too: the form keeps what the shopper typed.
  const clientSecret = (prepared?.ok ? prepared.clientSecret : null) ?? readySecret;
  const customerSessionClientSecret = prepared?.ok ? prepared.customerSessionClientSecret : undefined;
  if (clientSecret) return <StripePayment clientSecret={clientSecret} customerSessionClientSecret={customerSessionClientSecret} {...payment} />;
  if (prepared && !prepared.ok) {
    return (
      <div className="space-y-3">
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {prepared.error}
        </p>
        <button
          type="button"
          className="btn-primary w-full"
          onClick={() => {
            setPrepared(null);
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  return (
    <p role="status" className="flex min-h-40 items-center justify-center text-sm text-neutral-500">
      Preparing the secure card form…
    </p>
  );
}
