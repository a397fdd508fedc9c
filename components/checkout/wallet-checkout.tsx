import type { Cart } from "@/lib/cart";
import { placeOrder } from "@/lib/checkout";
import { isFree } from "@/lib/checkout-progress";
import { getConfig } from "@/lib/config";
import { checkoutReturnPath } from "@/lib/paths";
import { changeWalletAddress, changeWalletShippingRate, confirmWalletPayment, walletSheetFor } from "@/lib/wallet";
import { sheetAmount } from "@/lib/wallet-sheet";
import { ExpressCheckout } from "./express-checkout";

/**
 * The wallet button for this cart, wired to the wallet's server actions; nothing for a cart with nothing to pay.
 * What the sheet opens with needs Medusa's delivery options, which the page starts reading with the cart
 * (`preloadShippingOptions`).
 */
export function WalletCheckout({ cart, separatorLabel }: { cart: Cart; separatorLabel?: string }) {
  if (isFree(cart)) return null;
  return (
    <section aria-label="Express checkout" className="space-y-3">
      <WalletButtonFor cart={cart} />
      {separatorLabel ? (
        <p className="flex items-center gap-3 text-sm text-neutral-500" aria-hidden="true">
          <span className="h-px flex-1 bg-neutral-200" />
          {separatorLabel}
          <span className="h-px flex-1 bg-neutral-200" />
        </p>
      ) : null}
    </section>
  );
}

async function WalletButtonFor({ cart }: { cart: Cart }) {
  const config = getConfig();
  const start = await walletSheetFor(cart);
  return (
    <ExpressCheckout
      amount={sheetAmount(cart)}
      currency={cart.currency_code.toLowerCase()}
      publishableKey={config.stripePublishableKey}
      stripeDoubleUrl={config.stripeDoubleUrl}
      returnPath={checkoutReturnPath(cart.id)}
      start={start}
      changeAddress={changeWalletAddress}
      changeShippingRate={changeWalletShippingRate}
      confirmPayment={confirmWalletPayment}
      placeOrder={placeOrder}
    />
  );
}
