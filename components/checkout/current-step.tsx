import type { Cart } from "@/lib/cart";
import type { CheckoutStep } from "@/lib/checkout-steps";
import { AddressStep } from "./address-step";
import { DeliveryStep } from "./delivery-step";
import { PaymentStep } from "./payment-step";
import { ReviewStep } from "./review-step";

/** The form of the step the shopper is on. */
export function CurrentStep({ step, cart }: { step: CheckoutStep; cart: Cart }) {
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
