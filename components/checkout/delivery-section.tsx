import type { Cart } from "@/lib/cart";
import { chooseDelivery, getShippingOptions, shippingOptionAmount } from "@/lib/checkout";
import { formatMoney } from "@/lib/money";
import { DeliveryChoice } from "./delivery-choice";

/** The delivery options Medusa offers for this cart's address and items, the chosen one checked. */
export async function DeliverySection({ cart }: { cart: Cart }) {
  const options = await getShippingOptions(cart.id);
  if (options.length === 0) {
    return <p className="text-sm text-neutral-700">We cannot deliver to this address yet. Please change the address above.</p>;
  }
  return (
    <DeliveryChoice
      action={chooseDelivery}
      chosen={cart.shipping_methods?.[0]?.shipping_option_id ?? null}
      options={options.map((option) => {
        const amount = shippingOptionAmount(option);
        return {
          id: option.id,
          name: option.name,
          price: amount === null ? "Price on request" : amount === 0 ? "Free" : formatMoney(amount, cart.currency_code),
          available: !option.insufficient_inventory,
        };
      })}
    />
  );
}
