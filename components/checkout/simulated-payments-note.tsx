/** Shown while the storefront pays through the local Stripe stand-in: no real card is charged. */
export function SimulatedPaymentsNote() {
  return (
    <p className="mt-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      Demo store: payments are simulated. No real card is charged — use the test card 4242 4242 4242 4242.
    </p>
  );
}
