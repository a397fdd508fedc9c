"use client";

import { Elements, ExpressCheckoutElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type {
  StripeElementsOptionsMode,
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
  StripeExpressCheckoutElementShippingAddressChangeEvent,
  StripeExpressCheckoutElementShippingRateChangeEvent,
} from "@stripe/stripe-js";
import { useRouter } from "next/navigation";
import { startTransition, useRef, useState } from "react";
import { loadStripeOnce } from "@/components/payment/load-stripe";
import { isNextNavigation } from "@/components/payment/use-payment";
import { MESSAGES, describeStripeError } from "@/lib/errors";
import { isPaymentSecured } from "@/lib/payment/sessions";
import type { PlaceOrderResult } from "@/lib/payment/types";
import type { ActionResult } from "@/lib/action-result";
import type { WalletAddressChange, WalletConfirm, WalletQuote, WalletRateChange, WalletStart } from "@/lib/wallet-sheet";

export interface ExpressCheckoutProps {
  /** The cart's total in the currency's minor units (above zero: a free order needs no wallet). */
  amount: number;
  /** Lower-case ISO code, as Stripe wants it. */
  currency: string;
  publishableKey: string;
  stripeDoubleUrl: string | null;
  /** Where Stripe would send the shopper back after a redirect (a wallet's card seldom needs one). */
  returnPath: string;
  /** What the sheet opens with, from the page's own render (the sheet must open within a second of the tap). */
  start: WalletStart;
  changeAddress: (address: unknown) => Promise<WalletAddressChange>;
  changeShippingRate: (rate: unknown) => Promise<WalletRateChange>;
  confirmPayment: (details: unknown) => Promise<WalletConfirm>;
  placeOrder: () => Promise<PlaceOrderResult | undefined | void>;
}

/** Stable: a new options object would make react-stripe-js update the Element on every render. */
const ELEMENT_OPTIONS = { buttonType: { googlePay: "pay" }, buttonHeight: 48 } as const;

const UNREACHABLE = "We could not reach the store to place your order. Please try again — you will not be charged twice.";

/**
 * Paying with a wallet in one tap (Stripe's Express Checkout Element): its own Elements group without a PaymentIntent
 * (deferred mode), the sheet's address and delivery priced by Medusa on the cart, and the payment confirmed on the
 * cart's Stripe session, the card form's own, before the order is placed as the card form places it.
 */
export function ExpressCheckout({ amount, currency, publishableKey, stripeDoubleUrl, ...rest }: ExpressCheckoutProps) {
  const [stripePromise] = useState(() => loadStripeOnce(publishableKey, stripeDoubleUrl));
  // Stable options: amount changes go to elements.update() from the sheet's handlers, which need them at once.
  // Medusa's Stripe provider creates PaymentIntents with a manual capture: Stripe wants the group to say the same.
  const [options] = useState<StripeElementsOptionsMode>(() => ({ mode: "payment", amount, currency, captureMethod: "manual" }));
  return (
    <Elements stripe={stripePromise} options={options}>
      <WalletButton amount={amount} currency={currency} {...rest} />
    </Elements>
  );
}

type WalletButtonProps = Omit<ExpressCheckoutProps, "publishableKey" | "stripeDoubleUrl">;

function WalletButton({ amount, currency, returnPath, start, changeAddress, changeShippingRate, confirmPayment, placeOrder }: WalletButtonProps) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  // The amount the sheet shows now, for the server's check at confirm.
  const shown = useRef(amount);
  // One payment at a time: a second confirm waits for the first to settle.
  const inFlight = useRef(false);

  function onClick(event: StripeExpressCheckoutElementClickEvent) {
    setError(null);
    if (!elements || !start.ok) {
      setError(start.ok ? "The wallet is still getting ready. Please try again in a moment." : start.error);
      return;
    }
    shown.current = start.amount;
    try {
      void elements.update({ amount: start.amount });
      event.resolve({
        emailRequired: true,
        phoneNumberRequired: true,
        shippingAddressRequired: true,
        allowedShippingCountries: start.allowedShippingCountries,
        lineItems: start.lineItems,
        shippingRates: start.shippingRates,
      });
    } catch (caught) {
      // Stripe.js refuses what it cannot show (an IntegrationError): say so instead of a button that does nothing.
      console.error(caught);
      setError("The wallet could not be opened for this order. Please pay by card below.");
    }
  }

  /**
   * A change in the sheet: the server puts it on the cart and answers the new quote, which the sheet shows (the Elements
   * amount first, as Stripe wants); a refusal or no answer rejects the change, with the reason beside the button.
   */
  async function requote<Quote extends WalletQuote>(ask: () => Promise<ActionResult<Quote>>, reject: () => void, resolve: (quote: Quote) => void) {
    try {
      const quote = await ask();
      if (!quote.ok || !elements) {
        if (!quote.ok) setError(quote.error);
        reject();
        return;
      }
      setError(null);
      shown.current = quote.amount;
      await elements.update({ amount: quote.amount });
      resolve(quote);
    } catch (caught) {
      console.error(caught);
      setError(MESSAGES.unreachable);
      reject();
    }
  }

  function onShippingAddressChange(event: StripeExpressCheckoutElementShippingAddressChangeEvent) {
    return requote(
      () => changeAddress(event.address),
      () => event.reject(),
      (quote) => event.resolve({ shippingRates: quote.shippingRates, lineItems: quote.lineItems }),
    );
  }

  function onShippingRateChange(event: StripeExpressCheckoutElementShippingRateChangeEvent) {
    return requote(
      () => changeShippingRate({ id: event.shippingRate.id }),
      () => event.reject(),
      (quote) => event.resolve({ lineItems: quote.lineItems }),
    );
  }

  function fail(event: StripeExpressCheckoutElementConfirmEvent, message: string) {
    setError(message);
    event.paymentFailed({ reason: "fail", message });
    inFlight.current = false;
  }

  async function onConfirm(event: StripeExpressCheckoutElementConfirmEvent) {
    if (!stripe || !elements || inFlight.current) return;
    inFlight.current = true;
    setError(null);
    let secured = false;
    try {
      // Stripe asks for submit() first, before any other async work.
      const submitted = await elements.submit();
      if (submitted.error) return fail(event, describeStripeError(submitted.error));
      const prepared = await confirmPayment({
        amount: shown.current,
        currency,
        email: event.billingDetails?.email,
        phone: event.billingDetails?.phone,
        shipping: event.shippingAddress,
        billing: event.billingDetails,
      });
      if (!prepared.ok) return fail(event, prepared.error);
      const confirmed = await stripe.confirmPayment({
        elements,
        clientSecret: prepared.clientSecret,
        confirmParams: { return_url: new URL(returnPath, window.location.origin).toString() },
        redirect: "if_required",
      });
      if (confirmed.error) return fail(event, describeStripeError(confirmed.error));
      if (!isPaymentSecured(confirmed.paymentIntent.status)) return fail(event, "Your payment was not completed. Please try again.");
      secured = true;
    } catch (caught) {
      console.error(caught);
      return fail(event, "Something went wrong with the payment. Please check your connection and try again.");
    }
    if (!secured) return;
    // Money is held: the order is placed exactly as the card form places it (a redirect to the confirmation). If the
    // answer is lost, a reload of the checkout finds the cart's paid session and places the order then.
    startTransition(async () => {
      try {
        const result = await placeOrder();
        if (result) setError(result.error);
        if (result?.clientSecret) router.refresh();
      } catch (caught) {
        if (isNextNavigation(caught)) return;
        console.error(caught);
        setError(UNREACHABLE);
      }
      inFlight.current = false;
    });
  }

  return (
    // The button's height is kept from the start, so that its loading never moves the page under a finger.
    <div data-ready={ready ? "true" : "false"} className="min-h-12 space-y-2">
      <ExpressCheckoutElement
        options={ELEMENT_OPTIONS}
        onReady={() => setReady(true)}
        onClick={onClick}
        onShippingAddressChange={(event) => void onShippingAddressChange(event)}
        onShippingRateChange={(event) => void onShippingRateChange(event)}
        onConfirm={(event) => void onConfirm(event)}
        onCancel={() => {
          // What the shopper chose in the sheet is on the cart now: show it, and open the next sheet from it.
          router.refresh();
        }}
      />
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
