import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { AddressBlock } from "@/components/address-block";
import { AddressForm } from "@/components/address-form";
import { CheckoutSection } from "@/components/checkout-section";
import { LineItemSummary } from "@/components/line-item-summary";
import { OrderTotals } from "@/components/order-totals";
import { StripePayment } from "@/components/stripe-payment";
import { billingDefaultsOf } from "@/lib/billing-defaults";
import { ADDRESS_FIELDS, fieldName } from "@/lib/address-form";
import { PaymentConfirming } from "@/components/payment-confirming";
import type { Cart } from "@/lib/cart";
import { chooseDelivery, getShippingOptions, saveContactAndAddresses, shippingOptionAmount } from "@/lib/checkout";
import {
  CHECKOUT_STEPS,
  type CheckoutStep,
  clientSecretOf,
  findStripeSession,
  furthestAllowedStep,
  resolveCheckoutStep,
  stepIndex,
} from "@/lib/checkout-steps";
import { getConfig } from "@/lib/config";
import { MESSAGES } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { checkPaymentAmount, confirmationPath, getCheckoutState, recoverCheckout } from "@/lib/checkout-state";
import { placeOrder, startCardPayment } from "@/lib/payments";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";

const STEP_TITLES: Record<CheckoutStep, string> = {
  address: "Contact and address",
  delivery: "Delivery",
  payment: "Payment",
  review: "Review and place order",
};

interface CheckoutPageProps {
  searchParams: Promise<{ step?: string | string[]; payment?: string | string[] }>;
}

export default async function CheckoutPage({ searchParams }: CheckoutPageProps) {
  const [state, query] = await Promise.all([getCheckoutState(), searchParams]);
  // Paid (or already an order): the confirmation, never a second card form.
  if (state.kind === "ordered") redirect(confirmationPath(state.orderId));
  if (state.kind === "confirming") {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
        <PaymentConfirming />
      </>
    );
  }
  if (state.kind === "none" || (state.cart.items?.length ?? 0) === 0) redirect("/cart");
  const { cart, notice } = state;

  // The cart, not the URL, decides how far the shopper may go.
  const { step, redirect: mustRedirect } = resolveCheckoutStep(query.step, cart);
  const paymentFailed = query.payment === "failed";
  if (mustRedirect) redirect(`/checkout?step=${step}${paymentFailed ? "&payment=failed" : ""}`);
  const furthest = furthestAllowedStep(cart);

  // Steps before the furthest allowed one are complete (and editable); the rest wait their turn.
  const stateOf = (section: CheckoutStep) =>
    section === step ? "current" : stepIndex(section) < stepIndex(furthest) ? "done" : "locked";

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Checkout</h1>
      {paymentFailed || notice ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {notice ?? MESSAGES.notPaid}
        </p>
      ) : null}
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_24rem]">
        <ol className="space-y-4" aria-label="Checkout steps">
          {CHECKOUT_STEPS.map((section, index) => (
            <li key={section}>
              <CheckoutSection
                number={index + 1}
                title={STEP_TITLES[section]}
                state={stateOf(section)}
                editHref={section === "review" ? undefined : `/checkout?step=${section}`}
              >
                {section === step ? <CurrentStep step={step} cart={cart} /> : <StepSummary step={section} cart={cart} />}
              </CheckoutSection>
            </li>
          ))}
        </ol>
        <aside aria-labelledby="order-summary-heading" className="card h-fit p-5 lg:sticky lg:top-6">
          <h2 id="order-summary-heading" className="font-semibold">
            Order summary
          </h2>
          <LineItemSummary items={cart.items ?? []} currencyCode={cart.currency_code} />
          <div className="mt-4 border-t border-neutral-200 pt-4">
            <OrderTotals totals={cart} shippingKnown={(cart.shipping_methods?.length ?? 0) > 0} />
          </div>
        </aside>
      </div>
    </>
  );
}

async function CurrentStep({ step, cart }: { step: CheckoutStep; cart: Cart }) {
  switch (step) {
    case "address":
      return <AddressStep cart={cart} />;
    case "delivery":
      return <DeliveryStep cart={cart} />;
    case "payment":
      return <PaymentStep />;
    case "review":
      return <ReviewStep cart={cart} />;
  }
}

async function AddressStep({ cart }: { cart: Cart }) {
  const allCountries = await getCountryChoices();
  const shippingCountries = (cart.region?.countries ?? [])
    .flatMap((country) => (country.iso_2 ? [{ code: country.iso_2, name: country.display_name ?? country.iso_2 }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));

  const initialValues: Record<string, string> = { email: cart.email ?? "" };
  for (const field of ADDRESS_FIELDS) {
    initialValues[fieldName("shipping", field)] = cart.shipping_address?.[field] ?? "";
    initialValues[fieldName("billing", field)] = cart.billing_address?.[field] ?? "";
  }
  // Start from the country the shopper chose in the header, when the cart's region ships there.
  if (!initialValues.shipping_country_code) {
    const current = (await getCurrentCountry()).code;
    if (shippingCountries.some((country) => country.code === current)) initialValues.shipping_country_code = current;
  }
  const billingSame =
    !cart.billing_address ||
    ADDRESS_FIELDS.every((field) => (cart.billing_address?.[field] ?? "") === (cart.shipping_address?.[field] ?? ""));

  return (
    <AddressForm
      action={saveContactAndAddresses}
      shippingCountries={shippingCountries}
      billingCountries={allCountries.map(({ code, name }) => ({ code, name }))}
      initialValues={initialValues}
      initialBillingSame={billingSame}
    />
  );
}

async function DeliveryStep({ cart }: { cart: Cart }) {
  const options = await getShippingOptions(cart.id);
  if (options.length === 0) {
    return (
      <p className="text-sm text-neutral-700">
        We cannot deliver to this address yet.{" "}
        <Link href="/checkout?step=address" prefetch={false} className="link">
          Change the address
        </Link>
      </p>
    );
  }
  const chosen = cart.shipping_methods?.[0]?.shipping_option_id ?? options[0]?.id;
  return (
    <ActionForm action={chooseDelivery} submitLabel="Continue to payment" pendingLabel="Saving…" aria-label="Delivery">
      <fieldset>
        <legend className="sr-only">Delivery option</legend>
        <div className="space-y-3">
          {options.map((option) => {
            const amount = shippingOptionAmount(option);
            return (
              <label
                key={option.id}
                className="flex cursor-pointer items-center justify-between gap-4 rounded-md border border-neutral-300 p-4 has-checked:border-neutral-900 has-checked:ring-1 has-checked:ring-neutral-900"
              >
                <span className="flex items-center gap-3">
                  <input
                    type="radio"
                    name="shipping_option_id"
                    value={option.id}
                    defaultChecked={option.id === chosen}
                    disabled={option.insufficient_inventory}
                    className="size-4 accent-neutral-900"
                  />
                  <span className="text-sm font-medium">{option.name}</span>
                </span>
                <span className="text-sm tabular-nums">
                  {amount === null ? "Price on request" : amount === 0 ? "Free" : formatMoney(amount, cart.currency_code)}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </ActionForm>
  );
}

function PaymentStep() {
  const { stripeDoubleUrl } = getConfig();
  return (
    <ActionForm action={startCardPayment} submitLabel="Continue to review" pendingLabel="Preparing payment…" aria-label="Payment method">
      <fieldset>
        <legend className="sr-only">Payment method</legend>
        <label className="flex items-start gap-3 rounded-md border border-neutral-900 p-4 ring-1 ring-neutral-900">
          <input type="radio" name="payment_method" value="card" defaultChecked className="mt-0.5 size-4 accent-neutral-900" />
          <span>
            <span className="block text-sm font-medium">Card</span>
            <span className="block text-sm text-neutral-600">
              Processed securely by Stripe. You enter your card details in the last step.
            </span>
          </span>
        </label>
      </fieldset>
      {stripeDoubleUrl ? <SimulatedPaymentsNote /> : null}
    </ActionForm>
  );
}

function ReviewStep({ cart }: { cart: Cart }) {
  const config = getConfig();
  const clientSecret = clientSecretOf(findStripeSession(cart));
  // furthestAllowedStep only allows review with a usable session; this is the type-level guard.
  if (!clientSecret) return <p className="text-sm">{MESSAGES.unknown}</p>;
  return (
    <div className="space-y-5">
      <p className="text-sm text-neutral-600">
        Check your order, enter your card details and place the order. You will be charged{" "}
        <strong className="text-neutral-900">{formatMoney(cart.total, cart.currency_code)}</strong>.
      </p>
      {config.stripeDoubleUrl ? <SimulatedPaymentsNote /> : null}
      <StripePayment
        clientSecret={clientSecret}
        billingDefaults={billingDefaultsOf(cart.billing_address, cart.email)}
        publishableKey={config.stripePublishableKey}
        stripeDoubleUrl={config.stripeDoubleUrl}
        returnPath={`/checkout/return?cart_id=${encodeURIComponent(cart.id)}`}
        payLabel={`Place order and pay ${formatMoney(cart.total, cart.currency_code)}`}
        busyLabel="Placing order…"
        checkPaymentAmount={checkPaymentAmount}
        onPaymentSecured={placeOrder}
        recoverFromLoadError={recoverCheckout}
        unreachableMessage="We could not reach the store to place your order. Please try again — you will not be charged twice."
      />
    </div>
  );
}

function SimulatedPaymentsNote() {
  return (
    <p className="mt-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      Demo store: payments are simulated. No real card is charged — use the test card 4242 4242 4242 4242.
    </p>
  );
}

function StepSummary({ step, cart }: { step: CheckoutStep; cart: Cart }) {
  switch (step) {
    case "address":
      return (
        <div className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <h3 className="mb-1 font-medium">Contact</h3>
            <p className="text-neutral-700">{cart.email}</p>
          </div>
          <div>
            <h3 className="mb-1 font-medium">Shipping address</h3>
            <AddressBlock address={cart.shipping_address} />
          </div>
          <div>
            <h3 className="mb-1 font-medium">Billing address</h3>
            <AddressBlock address={cart.billing_address} />
          </div>
        </div>
      );
    case "delivery":
      return (
        <p className="text-sm text-neutral-700">
          {(cart.shipping_methods ?? [])
            .map((method) => `${method.name} · ${formatMoney(method.amount, cart.currency_code)}`)
            .join(", ")}
        </p>
      );
    case "payment":
      return <p className="text-sm text-neutral-700">Card, processed by Stripe</p>;
    case "review":
      return null;
  }
}
