"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { BillingDefaults } from "@/lib/billing-defaults";
import type { AmountCheck, PaymentLinkStatusResult } from "@/lib/payment/types";
import { pollDelays } from "./poll-delays";
import { StripePayment } from "./stripe-payment";

type Phase = "form" | "processing" | "paid" | "slow" | "canceled";

interface PaymentLinkCheckoutProps {
  clientSecret: string;
  publishableKey: string;
  stripeDoubleUrl: string | null;
  billingDefaults: BillingDefaults;
  /** This page, so that a bank's redirect comes back here. */
  returnPath: string;
  amountLabel: string;
  checkPaymentAmount: (paymentIntentId: string) => Promise<AmountCheck>;
  readStatus: () => Promise<PaymentLinkStatusResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The payment-link page's interactive part: the shared payment form, then — because no cart completes
 * here and Medusa authorizes the collection only when Stripe's webhook arrives — "processing" while it
 * asks the backend, with back-off and a limit, until the collection is paid.
 */
export function PaymentLinkCheckout({ readStatus, amountLabel, ...payment }: PaymentLinkCheckoutProps) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("form");
  const polling = useRef(false);

  async function poll(): Promise<void> {
    // One poll loop, even if the form reports the payment twice (confirm, then a resumed check).
    if (polling.current) return;
    polling.current = true;
    setPhase("processing");
    try {
      for (const delay of pollDelays()) {
        await sleep(delay);
        const answer = await readStatus();
        // A failed read is not an answer: keep polling.
        const status = answer.ok ? answer.status : "pending";
        if (status === "paid") {
          setPhase("paid");
          // Re-render the server part: the order summary now counts this payment as paid.
          router.refresh();
          return;
        }
        if (status === "canceled") {
          setPhase("canceled");
          return;
        }
      }
      setPhase("slow");
    } finally {
      polling.current = false;
    }
  }

  function waitForBackend(): Promise<undefined> {
    // The payment form calls this inside a transition, and React holds a transition's updates until it
    // ends: polling there would never show "processing". A fresh task runs it outside the transition.
    setTimeout(() => void poll(), 0);
    return Promise.resolve(undefined);
  }

  function checkAgain() {
    void poll();
  }

  switch (phase) {
    case "processing":
      return (
        <div role="status" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          <p className="font-medium">Processing your payment…</p>
          <p className="mt-1">Stripe accepted your card. We are waiting for the store to confirm it; this takes a few seconds.</p>
        </div>
      );
    case "paid":
      return (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p className="font-medium">Paid</p>
          <p className="mt-1">Thank you — {amountLabel} has been paid.</p>
        </div>
      );
    case "slow":
      return (
        <div role="status" className="space-y-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">Your payment is still being processed</p>
          <p>
            Stripe accepted your card, but the store has not confirmed it yet. You will not be charged twice; check
            again in a moment.
          </p>
          <button type="button" className="btn-secondary" onClick={checkAgain}>
            Check again
          </button>
        </div>
      );
    case "canceled":
      return (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          This payment request was withdrawn by the store. If your card was charged, the hold will be released.
        </p>
      );
    case "form":
      return (
        <StripePayment
          {...payment}
          payLabel={`Pay ${amountLabel}`}
          busyLabel="Paying…"
          onPaymentSecured={waitForBackend}
          // A reload, or a return from the bank, right after paying: do not ask for the card again.
          resumeSecuredPayment
        />
      );
  }
}
