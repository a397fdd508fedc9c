import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountOverview } from "@/components/account/account-overview";
import { SignInOrSignUp } from "@/components/account/sign-in-or-sign-up";
import { ORDER_HISTORY_LIMIT, getCustomer, getCustomerOrders, signIn, signUp } from "@/lib/account";
import { safeNextPath } from "@/lib/paths";
import { MIN_PASSWORD } from "@/lib/validation";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

/** Signed in: the customer's orders. Otherwise: sign in or create an account, then on to `next` (e.g. the checkout). */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const [customer, query] = await Promise.all([getCustomer(), searchParams]);
  const next = safeNextPath(typeof query.next === "string" ? query.next : null);
  if (!customer) {
    return <SignInOrSignUp next={next} signIn={signIn} signUp={signUp} minPasswordLength={MIN_PASSWORD} />;
  }
  if (next) redirect(next);
  const orders = await getCustomerOrders();
  return <AccountOverview customer={customer} orders={orders} limit={ORDER_HISTORY_LIMIT} />;
}
