"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { MESSAGES } from "@/lib/errors";

/** How often the page asks the server again while Stripe or Medusa finishes. */
const RECHECK_MS = 2000;

/**
 * Stripe is still deciding, or the money is held and Medusa is placing the order. The state is the server's:
 * re-rendering the page derives it again and leads, by itself, to the confirmation (or back to the card form if
 * the payment failed). `data-payment-state` lets tooling recognise this state.
 */
export function PaymentConfirming() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), RECHECK_MS);
    return () => clearInterval(timer);
  }, [router]);

  return (
    <section
      data-payment-state="confirming"
      aria-labelledby="payment-confirming-heading"
      className="card mx-auto mt-8 max-w-xl p-6 text-center"
    >
      <h2 id="payment-confirming-heading" className="text-lg font-semibold">
        We are confirming your payment
      </h2>
      <p role="status" className="mt-2 text-sm text-neutral-700">
        {MESSAGES.paymentSafe}
      </p>
      <p className="mt-2 text-sm text-neutral-500">Please do not pay again.</p>
    </section>
  );
}
