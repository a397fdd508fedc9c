"use client";

import { useElements, useStripe } from "@stripe/react-stripe-js";
import { unstable_rethrow, useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState } from "react";
import { MESSAGES, describeStripeError } from "@/lib/errors";
import { isPaymentSecured, paymentIntentIdOf } from "@/lib/payment/sessions";
import type { AmountCheck, LoadErrorRecovery, PlaceOrderResult } from "@/lib/payment/types";

export interface PaymentOptions {
  clientSecret: string;
  /** Where Stripe sends the shopper back after a redirect (path on this site, query allowed). */
  returnPath: string;
  /** Right before confirming: is the PaymentIntent this form holds still the one to pay, for the amount owed? */
  checkPaymentAmount: (paymentIntentId: string) => Promise<AmountCheck>;
  /**
   * Stripe refused to load the form (the PaymentIntent can no longer be confirmed: paid, or canceled by another
   * tab): ask the server what to show instead. Without it, the form says it could not load.
   */
  recoverFromLoadError?: (clientSecret: string) => Promise<LoadErrorRecovery>;
  /**
   * After Stripe secured the money: checkout places the order (a server action that redirects), the
   * payment link waits for the webhook. Returns an error for the shopper, or nothing.
   */
  onPaymentSecured: () => Promise<PlaceOrderResult | undefined | void>;
  /**
   * Ask Stripe on mount whether this PaymentIntent was already confirmed (a reload, or the shopper back
   * from a bank's page) and, if so, go straight to `onPaymentSecured` instead of asking for the card again.
   */
  resumeSecuredPayment?: boolean;
  /** Shown when `onPaymentSecured` cannot reach the server. */
  unreachableMessage?: string;
  /** The server replaced the PaymentIntent (new amount, another tab, a released hold): remount on `clientSecret`. */
  onSessionReplaced: (clientSecret: string, message: string) => void;
}

export interface Payment {
  busy: boolean;
  error: string | null;
  /** Stripe.js and Elements are there: the pay button may be offered. */
  ready: boolean;
  /** The pay button: submit the form, check the amount, confirm with Stripe, then hand over to `onPaymentSecured`. */
  pay: () => Promise<void>;
  /** For the Payment Element's `onLoadError`. */
  onLoadError: () => void;
}

/** Whether an error is Next's redirect/not-found signal (public check: unstable_rethrow rethrows exactly those). */
export function isNextNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

const DEFAULT_UNREACHABLE = "We could not reach the store. Please try again — you will not be charged twice.";

/**
 * The pay state machine, for any payment element inside `<Elements>`: one payment at a time, the amount checked
 * against the server right before confirming, declines and 3-D Secure in words, a payment Stripe already secured
 * never asked for twice. Checkout's card form and the payment-link page use it, and so can a wallet button.
 */
export function usePayment({
  clientSecret,
  returnPath,
  checkPaymentAmount,
  recoverFromLoadError,
  onPaymentSecured,
  resumeSecuredPayment = false,
  unreachableMessage = DEFAULT_UNREACHABLE,
  onSessionReplaced,
}: PaymentOptions): Payment {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Refs, not state: they must block a second press before React re-renders.
  const inFlight = useRef(false);
  const paymentSecured = useRef(false);

  function release(message: string | null) {
    setError(message);
    inFlight.current = false;
    setBusy(false);
  }

  function afterPaymentSecured() {
    // In a transition so that checkout's redirect to the confirmation page is a navigation, not an
    // error; the callback only returns when something is left for the shopper to do.
    startTransition(async () => {
      try {
        const result = await onPaymentSecured();
        // The payment was released and a new PaymentIntent replaces it (checkout, stock ran out): remount the
        // card form on it, so a retry confirms the new one (the secured ref belongs to the old form).
        if (result?.clientSecret) onSessionReplaced(result.clientSecret, result.error || MESSAGES.unknown);
        else if (result) release(result.error);
      } catch (caught) {
        // A redirect from the action also rejects this promise; the router is already following it.
        if (isNextNavigation(caught)) return;
        console.error(caught);
        release(unreachableMessage);
      }
    });
  }

  useEffect(() => {
    if (!resumeSecuredPayment || !stripe) return;
    let active = true;
    // Only Stripe knows right after confirming; the backend learns it from the webhook seconds later.
    stripe
      .retrievePaymentIntent(clientSecret)
      .then(({ paymentIntent }) => {
        if (!active || !paymentIntent || !isPaymentSecured(paymentIntent.status) || inFlight.current) return;
        inFlight.current = true;
        paymentSecured.current = true;
        setBusy(true);
        afterPaymentSecured();
      })
      .catch((caught: unknown) => console.error("could not read the PaymentIntent", caught));
    return () => {
      active = false;
    };
    // afterPaymentSecured is recreated each render; the check belongs to this Stripe and this secret.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stripe, clientSecret, resumeSecuredPayment]);

  function onLoadError() {
    // With resumeSecuredPayment, a paid PaymentIntent is picked up by the resume check above: no error for it.
    if (resumeSecuredPayment) {
      if (!paymentSecured.current) setError(MESSAGES.cardFormNotLoaded);
      return;
    }
    if (!recoverFromLoadError) return setError(MESSAGES.cardFormNotLoaded);
    setBusy(true);
    recoverFromLoadError(clientSecret).then(
      (recovery) => {
        if (recovery.ok) {
          router.replace(recovery.navigateTo);
          router.refresh();
          return;
        }
        setBusy(false);
        setError(recovery.error);
      },
      (caught: unknown) => {
        console.error(caught);
        setBusy(false);
        setError(MESSAGES.cardFormNotLoaded);
      },
    );
  }

  async function pay() {
    if (inFlight.current || !stripe || !elements) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);

    try {
      if (!paymentSecured.current) {
        // Stripe asks for submit() first, before any other async work.
        const submitted = await elements.submit();
        if (submitted.error) return release(describeStripeError(submitted.error));

        const check = await checkPaymentAmount(paymentIntentIdOf(clientSecret) ?? "");
        if (!check.ok) return release(check.error);
        if (check.status === "ordered") {
          router.replace(check.href);
          return;
        }
        if (check.status === "changed") {
          inFlight.current = false;
          onSessionReplaced(check.clientSecret, check.message);
          return;
        }

        const returnUrl = new URL(returnPath, window.location.origin).toString();
        const confirmed = await stripe.confirmPayment({
          elements,
          clientSecret,
          confirmParams: { return_url: returnUrl },
          redirect: "if_required",
        });
        if (confirmed.error) return release(describeStripeError(confirmed.error));
        if (!isPaymentSecured(confirmed.paymentIntent.status)) {
          return release("Your payment was not completed. Please try again or use another card.");
        }
        paymentSecured.current = true;
      }
    } catch (caught) {
      console.error(caught);
      return release("Something went wrong with the payment. Please check your connection and try again.");
    }

    afterPaymentSecured();
  }

  return { busy, error, ready: Boolean(stripe && elements), pay, onLoadError };
}
