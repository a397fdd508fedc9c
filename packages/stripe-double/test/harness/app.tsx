// A minimal Payment Element checkout written the way a storefront writes one, with the real
// @stripe/stripe-js loader and @stripe/react-stripe-js, so the browser test proves the double works with them.
// With ?flow=express the page is a wallet checkout with the Express Checkout Element instead (express-app.tsx).
import { StrictMode, useState, type FormEvent } from "react";
import { createRoot } from "react-dom/client";
import { loadStripe, type StripePaymentElementChangeEvent } from "@stripe/stripe-js";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { ExpressApp } from "./express-app";

const params = new URLSearchParams(location.search);
const publishableKey = params.get("pk") ?? "";
const clientSecret = params.get("cs") ?? "";
// A CustomerSession's client secret: the Payment Element then offers saving the card and shows saved ones.
const customerSessionClientSecret = params.get("cuss") ?? undefined;
const redirect = params.get("redirect") === "always" ? "always" : "if_required";

const stripePromise = loadStripe(publishableKey);

function Checkout() {
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [complete, setComplete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string; type: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; code: string; type: string } | null>(null);
  const [retrievedStatus, setRetrievedStatus] = useState<string | null>(null);

  // What a storefront does when the form refuses to load: read the PaymentIntent's state instead.
  function onLoadError(event: { error: { message?: string; code?: string; type: string } }) {
    setLoadError({ message: event.error.message ?? "", code: event.error.code ?? "", type: event.error.type });
    void stripe?.retrievePaymentIntent(clientSecret).then(({ paymentIntent }) => setRetrievedStatus(paymentIntent?.status ?? "unknown"));
  }

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const submitted = await elements.submit();
      if (submitted.error) {
        setError({ message: submitted.error.message ?? "", code: submitted.error.code ?? "", type: submitted.error.type });
        return;
      }
      const confirmParams = {
        return_url: `${location.origin}/return`,
        payment_method_data: { billing_details: { name: "Ada Lovelace", email: "ada@example.com" } },
      };
      const result =
        redirect === "always"
          ? await stripe.confirmPayment({ elements, confirmParams })
          : await stripe.confirmPayment({ elements, confirmParams, redirect: "if_required" });
      if (result.error) {
        setError({ message: result.error.message ?? "", code: result.error.code ?? "", type: result.error.type });
      } else if ("paymentIntent" in result && result.paymentIntent) {
        setStatus(result.paymentIntent.status);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={pay} data-ready={ready ? "true" : "false"} data-complete={complete ? "true" : "false"}>
      <PaymentElement
        onReady={() => setReady(true)}
        onChange={(event: StripePaymentElementChangeEvent) => setComplete(event.complete)}
        onLoadError={onLoadError}
      />
      <button type="submit" disabled={!stripe || !elements || busy}>
        Pay
      </button>
      {error ? (
        <p role="alert" data-code={error.code} data-type={error.type}>
          {error.message}
        </p>
      ) : null}
      {status ? <p data-testid="status">{status}</p> : null}
      {loadError ? (
        <p data-testid="load-error" data-code={loadError.code} data-type={loadError.type}>
          {loadError.message}
        </p>
      ) : null}
      {retrievedStatus ? <p data-testid="retrieved-status">{retrievedStatus}</p> : null}
    </form>
  );
}

function App() {
  if (params.get("flow") === "express") return <ExpressApp stripePromise={stripePromise} />;
  return (
    <Elements
      key={clientSecret}
      stripe={stripePromise}
      options={customerSessionClientSecret ? { clientSecret, customerSessionClientSecret, appearance: { theme: "stripe" } } : { clientSecret, appearance: { theme: "stripe" } }}
    >
      <Checkout />
    </Elements>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("the harness page has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
