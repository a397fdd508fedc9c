import type { Cart } from "@/lib/cart";
import { placeOrder } from "@/lib/checkout";
import { isFree } from "@/lib/checkout-progress";
import { getConfig } from "@/lib/config";
import { checkoutReturnPath } from "@/lib/paths";
import { changeWalletAddress, changeWalletShippingRate, confirmWalletPayment, walletSheetFor } from "@/lib/wallet";
import { sheetAmount } from "@/lib/wallet-sheet";
import { ExpressCheckout } from "./express-checkout";

/** The wallet button for this cart, wired to the wallet's server actions; nothing for a cart with nothing to pay. */
export async function WalletCheckout({ cart, separatorLabel }: { cart: Cart; separatorLabel?: string }) {
  if (isFree(cart)) return null;
  const config = getConfig();
  const start = await walletSheetFor(cart);
  return (
    <ExpressCheckout
      amount={sheetAmount(cart)}
      currency={cart.currency_code.toLowerCase()}
      publishableKey={config.stripePublishableKey}
      stripeDoubleUrl={config.stripeDoubleUrl}
      returnPath={checkoutReturnPath(cart.id)}
      {...(separatorLabel ? { separatorLabel } : {})}
      start={start}
      changeAddress={changeWalletAddress}
      changeShippingRate={changeWalletShippingRate}
      confirmPayment={confirmWalletPayment}
      placeOrder={placeOrder}
    />
  );
}
