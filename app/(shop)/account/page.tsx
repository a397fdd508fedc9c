import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountOverview } from "@/components/account/account-overview";
import { SignInOrSignUp } from "@/components/account/sign-in-or-sign-up";
import { ORDER_HISTORY_LIMIT, getCustomer, getCustomerOrders, signIn, signUp } from "@/lib/account";
import { addSavedAddress, deleteSavedAddress, getSavedAddresses, updateSavedAddress } from "@/lib/address-book";
import { PASSWORD_RESET_MESSAGES } from "@/lib/password-reset";
import { safeNextPath } from "@/lib/paths";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";
import { MIN_PASSWORD } from "@/lib/validation";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

/** Signed in: the customer's orders and address book. Otherwise: sign in or create an account, then on to `next` (e.g. the checkout). */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; password?: string | string[] }> }) {
  const [customer, query] = await Promise.all([getCustomer(), searchParams]);
  const next = safeNextPath(typeof query.next === "string" ? query.next : null);
  if (!customer) {
    const notice = query.password === "changed" ? PASSWORD_RESET_MESSAGES.changed : undefined;
    return <SignInOrSignUp next={next} signIn={signIn} signUp={signUp} minPasswordLength={MIN_PASSWORD} notice={notice} />;
  }
  if (next) redirect(next);
  const [orders, addresses, countries, current] = await Promise.all([
    getCustomerOrders(),
    getSavedAddresses(),
    getCountryChoices(),
    getCurrentCountry(),
  ]);
  return (
    <AccountOverview
      customer={customer}
      orders={orders}
      limit={ORDER_HISTORY_LIMIT}
      addressBook={{
        addresses,
        countries: countries.map(({ code, name }) => ({ code, name })),
        defaultCountry: current.code,
        addAddress: addSavedAddress,
        updateAddress: updateSavedAddress,
        deleteAddress: deleteSavedAddress,
      }}
    />
  );
}
