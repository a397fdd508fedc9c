// A wallet checkout written the way a storefront writes one with Stripe's Express Checkout Element: Elements in
// deferred mode (amount and currency, no PaymentIntent yet), shipping rates worked out from the address the
// wallet reports, the amount kept in step with elements.update(), and the PaymentIntent created on the server
// once the shopper has approved the payment in the sheet.
import { useRef, useState, type ReactNode } from "react";
import type {
  LineItem,
  ShippingRate,
  StripeElements,
  StripeExpressCheckoutElementClickEvent,
  StripeExpressCheckoutElementConfirmEvent,
  StripeExpressCheckoutElementShippingAddressChangeEvent,
  StripeExpressCheckoutElementShippingRateChangeEvent,
  Stripe,
} from "@stripe/stripe-js";
import { Elements, ExpressCheckoutElement, useElements, useStripe } from "@stripe/react-stripe-js";

const params = new URLSearchParams(location.search);
const currency = params.get("currency") === "jpy" ? "jpy" : "eur";
/** Scenarios the browser tests ask for. */
const scenario = {
  clickDelayMs: Number(params.get("clickDelayMs") ?? "0"),
  rejectCountry: params.get("rejectCountry"),
  /** Leave elements.update() out of the address handler: the line items then exceed the amount. */
  skipAmountUpdate: params.get("skipAmountUpdate") === "1",
  /** Create the PaymentIntent for more than the wallet showed. */
  amountOffset: Number(params.get("amountOffset") ?? "0"),
  threeDSecure: params.get("threeDSecure") === "1",
  /** The Elements captureMethod: "manual" like the PaymentIntents the harness creates, unless a test asks for another ("default" leaves it out). */
  captureMethod: params.get("captureMethod") ?? "manual",
};

// The cart: two pairs of socks. Amounts in the currency's smallest unit (cents for eur, yen for jpy).
const CART = currency === "jpy" ? { name: "Wool socks × 2", amount: 4500 } : { name: "Wool socks × 2", amount: 2000 };
const DOMESTIC = currency === "jpy" ? ["JP"] : ["DE", "FR", "NL", "AT", "BE", "ES", "IT", "IE", "PT", "FI"];

function ratesFor(country: string): ShippingRate[] {
  if (DOMESTIC.includes(country)) {
    return currency === "jpy"
      ? [{ id: "standard", displayName: "Standard", amount: 500 }]
      : [
          {
            id: "standard",
            displayName: "Standard",
            amount: 490,
            deliveryEstimate: { minimum: { unit: "business_day", value: 2 }, maximum: { unit: "business_day", value: 4 } },
          },
          { id: "express", displayName: "Express", amount: 1200, deliveryEstimate: { maximum: { unit: "business_day", value: 1 } } },
        ];
  }
  return [{ id: "international", displayName: "International", amount: currency === "jpy" ? 1500 : 1500 }];
}

const INITIAL_RATES = ratesFor(DOMESTIC[0] ?? "DE");
const INITIAL_AMOUNT = CART.amount + (INITIAL_RATES[0]?.amount ?? 0);
const LINE_ITEMS: LineItem[] = [{ name: CART.name, amount: CART.amount }];

interface LoggedEvent {
  type: string;
  payload: unknown;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function ExpressCheckout({ log }: { log: (type: string, payload: unknown) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const amount = useRef(INITIAL_AMOUNT);
  const [ready, setReady] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; code: string; type: string } | null>(null);
  const [thrown, setThrown] = useState<string | null>(null);

  // The amount the wallet shows is the Elements amount: update it before resolving the event that changed it.
  function setAmount(elementsGroup: StripeElements, next: number) {
    amount.current = next;
    void elementsGroup.update({ amount: next });
  }

  function onClick(event: StripeExpressCheckoutElementClickEvent) {
    log("click", { expressPaymentType: event.expressPaymentType });
    const resolve = () => {
      try {
        event.resolve({
          emailRequired: true,
          phoneNumberRequired: true,
          shippingAddressRequired: true,
          allowedShippingCountries: ["DE", "FR", "GB", "JP", "US"],
          shippingRates: INITIAL_RATES,
          lineItems: LINE_ITEMS,
          business: { name: "Harness Socks" },
        });
        if (scenario.clickDelayMs > 0) log("click resolved late", null);
      } catch (caught) {
        setThrown(errorText(caught));
      }
    };
    if (scenario.clickDelayMs > 0) setTimeout(resolve, scenario.clickDelayMs);
    else resolve();
  }

  function onShippingAddressChange(event: StripeExpressCheckoutElementShippingAddressChangeEvent) {
    log("shippingaddresschange", { name: event.name, address: event.address });
    if (!elements) return;
    if (event.address.country === scenario.rejectCountry) {
      event.reject();
      return;
    }
    const rates = ratesFor(event.address.country);
    if (!scenario.skipAmountUpdate) setAmount(elements, CART.amount + (rates[0]?.amount ?? 0));
    try {
      event.resolve({ shippingRates: rates, lineItems: LINE_ITEMS });
    } catch (caught) {
      setThrown(errorText(caught));
    }
  }

  function onShippingRateChange(event: StripeExpressCheckoutElementShippingRateChangeEvent) {
    log("shippingratechange", { shippingRate: event.shippingRate });
    if (!elements) return;
    setAmount(elements, CART.amount + event.shippingRate.amount);
    event.resolve({ lineItems: LINE_ITEMS });
  }

  async function pay(client: Stripe, group: StripeElements, event: StripeExpressCheckoutElementConfirmEvent) {
    const submitted = await group.submit();
    if (submitted.error) {
      event.paymentFailed({ reason: "fail" });
      return;
    }
    const response = await fetch("/create-intent", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ amount: amount.current + scenario.amountOffset, currency, threeDSecure: scenario.threeDSecure }),
    });
    const { client_secret: clientSecret } = (await response.json()) as { client_secret: string };
    const result = await client.confirmPayment({
      elements: group,
      clientSecret,
      confirmParams: { return_url: `${location.origin}/return` },
      redirect: "if_required",
    });
    if (result.error) {
      setError({ message: result.error.message ?? "", code: result.error.code ?? "", type: result.error.type });
      event.paymentFailed({ reason: "fail", message: result.error.message });
    } else {
      setStatus(result.paymentIntent.status);
    }
  }

  function onConfirm(event: StripeExpressCheckoutElementConfirmEvent) {
    log("confirm", {
      expressPaymentType: event.expressPaymentType,
      billingDetails: event.billingDetails,
      shippingAddress: event.shippingAddress,
      shippingRate: event.shippingRate,
    });
    setError(null);
    if (!stripe || !elements) return;
    pay(stripe, elements, event).catch((caught: unknown) => setThrown(errorText(caught)));
  }

  return (
    <section aria-label="Express checkout" data-ready={ready ? "true" : "false"}>
      <ExpressCheckoutElement
        options={{ buttonType: { googlePay: "pay" } }}
        onReady={(event) => {
          log("ready", { availablePaymentMethods: event.availablePaymentMethods });
          setReady(JSON.stringify(event.availablePaymentMethods));
        }}
        onClick={onClick}
        onShippingAddressChange={onShippingAddressChange}
        onShippingRateChange={onShippingRateChange}
        onConfirm={onConfirm}
        onCancel={() => log("cancel", null)}
      />
      {ready ? <p data-testid="available">{ready}</p> : null}
      {status ? <p data-testid="status">{status}</p> : null}
      {error ? (
        <p role="alert" data-code={error.code} data-type={error.type}>
          {error.message}
        </p>
      ) : null}
      {thrown ? <p data-testid="thrown">{thrown}</p> : null}
    </section>
  );
}

export function ExpressApp({ stripePromise }: { stripePromise: Promise<Stripe | null> }) {
  const [events, setEvents] = useState<LoggedEvent[]>([]);
  const log = (type: string, payload: unknown) => setEvents((previous) => [...previous, { type, payload }]);
  // Stable options: amount changes go through elements.update(), as the handlers need them at once.
  const [options] = useState(() => ({
    mode: "payment" as const,
    amount: INITIAL_AMOUNT,
    currency,
    ...(scenario.captureMethod === "default" ? {} : { captureMethod: scenario.captureMethod as "manual" | "automatic" }),
    appearance: { theme: "stripe" as const },
  }));
  const list: ReactNode[] = events.map((event, index) => (
    <li key={index} data-event={event.type}>
      {JSON.stringify(event.payload)}
    </li>
  ));
  return (
    <Elements stripe={stripePromise} options={options}>
      <ExpressCheckout log={log} />
      <ol aria-label="Express Checkout events">{list}</ol>
    </Elements>
  );
}
