import Link from "next/link";
import { ActionForm } from "@/components/action-form";
import type { Cart } from "@/lib/cart";
import { chooseDelivery, getShippingOptions, shippingOptionAmount } from "@/lib/checkout";
import { formatMoney } from "@/lib/money";
import { checkoutStepPath } from "@/lib/paths";

/** Step 2: the delivery options Medusa offers for this cart's address and items. */
export async function DeliveryStep({ cart }: { cart: Cart }) {
  const options = await getShippingOptions(cart.id);
  if (options.length === 0) {
    return (
      <p className="text-sm text-neutral-700">
        We cannot deliver to this address yet.{" "}
        <Link href={checkoutStepPath("address")} prefetch={false} className="link">
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
