"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe, StripeElementsOptions } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { unstable_rethrow, useRouter } from "next/navigation";
import { type FormEvent, startTransition, useEffect, useRef, useState } from "react";
import type { BillingDefaults } from "@/lib/billing-defaults";
import { MESSAGES, describeStripeError } from "@/lib/errors";
import { paymentIntentIdOf } from "@/lib/checkout-steps";
import type { AmountCheck, LoadErrorRecovery } from "@/lib/checkout-state";
import type { PlaceOrderResult } from "@/lib/payments";

/** PaymentIntent states after which the money is secured (the cart may be completed, the link is paid). */
const PAYMENT_SECURED = new Set(["requires_capture", "succeeded", "processing"]);

/** Whether an error is Next's redirect/not-found signal (public check: unstable_rethrow rethrows exactly those). */
function isNextNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

const stripeLoads = new Map<string, Promise<Stripe | null>>();
/** Each load attempt gets a number: Elements' `stripe` prop cannot change in place, so a retry remounts it. */
const loadAttempts = new WeakMap<Promise<Stripe | null>, number>();
let attempts = 0;

function loadAttempt(loading: Promise<Stripe | null>): number {
  return loadAttempts.get(loading) ?? 0;
}

/**
 * Loads Stripe.js once per page. With the offline stand-in (demo only), its script is injected
 * first and awaited, so `window.Stripe` exists and the loader uses it instead of js.stripe.com.
 */
function loadStripeOnce(publishableKey: string, stripeDoubleUrl: string | null): Promise<Stripe | null> {
  // Server rendering of this client component: Stripe.js only exists in the browser.
  if (typeof window === "undefined") return Promise.resolve(null);
  const cacheKey = `${publishableKey}|${stripeDoubleUrl ?? ""}`;
  let loading = stripeLoads.get(cacheKey);
  if (!loading) {
    loading = (stripeDoubleUrl ? injectScript(`${stripeDoubleUrl}/js/endive/stripe.js`) : Promise.resolve()).then(() =>
      loadStripe(publishableKey),
    );
    // A failed load must not stick: the next mount or a retry tries again.
    loading.catch(() => stripeLoads.delete(cacheKey));
    stripeLoads.set(cacheKey, loading);
    loadAttempts.set(loading, ++attempts);
  }
  return loading;
}

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}

const appearance: StripeElementsOptions["appearance"] = {
  theme: "stripe",
  variables: { colorPrimary: "#171717", borderRadius: "6px", fontFamily: "system-ui, sans-serif" },
};

export type { BillingDefaults } from "@/lib/billing-defaults";

interface StripePaymentProps {
  clientSecret: string;
  billingDefaults: BillingDefaults;
  publishableKey: string;
  stripeDoubleUrl: string | null;
  /** Where Stripe sends the shopper back after a redirect (path on this site, query allowed). */
  returnPath: string;
  /** The pay button, e.g. "Place order and pay €64.00" or "Pay €15.41". */
  payLabel: string;
  busyLabel: string;
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
}

/**
 * Card details in Stripe's Payment Element and the one button that pays: checkout's last step and the
 * payment-link page share it, so declines, 3-D Secure and stale amounts behave the same in both.
 */
export function StripePayment({ clientSecret: initialSecret, publishableKey, stripeDoubleUrl, ...rest }: StripePaymentProps) {
  const [stripePromise, setStripePromise] = useState(() => loadStripeOnce(publishableKey, stripeDoubleUrl));
  const [clientSecret, setClientSecret] = useState(initialSecret);
  const [notice, setNotice] = useState<string | null>(null);
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
    <Elements key={`${clientSecret}|${loadAttempt(stripePromise)}`} stripe={stripePromise} options={{ clientSecret, appearance }}>
      <PaymentForm
        clientSecret={clientSecret}
        notice={notice}
        onSessionReplaced={(secret, message) => {
          setNotice(message);
          setClientSecret(secret);
        }}
        {...rest}
      />
    </Elements>
  );
}

interface PaymentFormProps extends Omit<StripePaymentProps, "publishableKey" | "stripeDoubleUrl"> {
  notice: string | null;
  onSessionReplaced: (clientSecret: string, message: string) => void;
}

function PaymentForm({
  clientSecret,
  billingDefaults,
  returnPath,
  payLabel,
  busyLabel,
  notice,
  checkPaymentAmount,
  onPaymentSecured,
  recoverFromLoadError,
  resumeSecuredPayment = false,
  unreachableMessage = "We could not reach the store. Please try again — you will not be charged twice.",
  onSessionReplaced,
}: PaymentFormProps) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [elementReady, setElementReady] = useState(false);
  // Refs, not state: they must block a second press before React re-renders.
  const inFlight = useRef(false);
  const paymentSecured = useRef(false);

  function afterPaymentSecured(release: (message: string | null) => void) {
    // In a transition so that checkout's redirect to the confirmation page is a navigation, not an
    // error; the callback only returns when something is left for the shopper to do.
    startTransition(async () => {
      try {
        const result = await onPaymentSecured();
        // The payment was released and a new PaymentIntent replaces it (checkout, stock ran out): remount the
        // card form on it, so a retry confirms the new one (the secured ref belongs to the old form).
        if (result?.clientSecret) onSessionReplaced(result.clientSecret, result.error ?? MESSAGES.unknown);
        else if (result?.error) release(result.error);
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
        if (!active || !paymentIntent || !PAYMENT_SECURED.has(paymentIntent.status) || inFlight.current) return;
        inFlight.current = true;
        paymentSecured.current = true;
        setBusy(true);
        afterPaymentSecured((message) => {
          setError(message);
          inFlight.current = false;
          setBusy(false);
        });
      })
      .catch((caught: unknown) => console.error("could not read the PaymentIntent", caught));
    return () => {
      active = false;
    };
    // afterPaymentSecured is recreated each render; the check belongs to this Stripe and this secret.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stripe, clientSecret, resumeSecuredPayment]);

  function onLoadError() {
    const couldNotLoad = "The card form could not load. Please reload the page to try again.";
    // With resumeSecuredPayment, a paid PaymentIntent is picked up by the resume check above: no error for it.
    if (resumeSecuredPayment) {
      if (!paymentSecured.current) setError(couldNotLoad);
      return;
    }
    if (!recoverFromLoadError) return setError(couldNotLoad);
    setBusy(true);
    recoverFromLoadError(clientSecret).then(
      (recovery) => {
        if ("navigateTo" in recovery) {
          router.replace(recovery.navigateTo);
          router.refresh();
          return;
        }
        setBusy(false);
        setError(recovery.message);
      },
      (caught: unknown) => {
        console.error(caught);
        setBusy(false);
        setError(couldNotLoad);
      },
    );
  }

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || !stripe || !elements) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const release = (message: string | null) => {
      setError(message);
      inFlight.current = false;
      setBusy(false);
    };

    try {
      if (!paymentSecured.current) {
        // Stripe asks for submit() first, before any other async work.
        const submitted = await elements.submit();
        if (submitted.error) return release(describeStripeError(submitted.error));

        const check = await checkPaymentAmount(paymentIntentIdOf(clientSecret) ?? "");
        if (check.status === "error") return release(check.message);
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
        if (!PAYMENT_SECURED.has(confirmed.paymentIntent.status)) {
          return release("Your payment was not completed. Please try again or use another card.");
        }
        paymentSecured.current = true;
      }
    } catch (caught) {
      console.error(caught);
      return release("Something went wrong with the payment. Please check your connection and try again.");
    }

    afterPaymentSecured(release);
  }

  return (
    <form onSubmit={pay} aria-label="Payment" className="space-y-5">
      {notice ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <div className="min-h-40">
        <PaymentElement
          options={{ layout: "tabs", defaultValues: { billingDetails: billingDefaults } }}
          onReady={() => setElementReady(true)}
          onLoadError={onLoadError}
        />
        {elementReady ? null : <p className="text-sm text-neutral-500">Loading the secure card form…</p>}
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy || !stripe || !elements || !elementReady} className="btn-primary w-full">
        {busy ? busyLabel : payLabel}
      </button>
    </form>
  );
}
