import { AddressBlock } from "@/components/address-block";
import type { Cart } from "@/lib/cart";
import type { CheckoutStep } from "@/lib/checkout-steps";
import { formatMoney } from "@/lib/money";

/** What a finished step chose, shown in its collapsed section. */
export function StepSummary({ step, cart }: { step: CheckoutStep; cart: Cart }) {
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
