import type { ComponentProps } from "react";
import type { Customer, CustomerOrder } from "@/lib/account";
import { AddressBook } from "./address-book";
import { OrderHistory } from "./order-history";
import { SignOutButton } from "./sign-out-button";

interface AccountOverviewProps {
  customer: Customer;
  orders: CustomerOrder[];
  limit: number;
  addressBook: ComponentProps<typeof AddressBook>;
}

/** The signed-in customer's page: who they are signed in as, their orders, their addresses, and signing out. */
export function AccountOverview({ customer, orders, limit, addressBook }: AccountOverviewProps) {
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ");
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{name ? `Hello, ${name}` : "Your account"}</h1>
          <p className="mt-2 break-words text-neutral-600">
            Signed in as <span data-testid="account-email" className="text-neutral-900">{customer.email}</span>
          </p>
        </div>
        <SignOutButton />
      </div>
      <section aria-labelledby="orders-heading" className="mt-10">
        <h2 id="orders-heading" className="text-lg font-semibold">
          Your orders
        </h2>
        <OrderHistory orders={orders} limit={limit} />
      </section>
      <AddressBook {...addressBook} />
    </div>
  );
}
