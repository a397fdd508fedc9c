import Link from "next/link";
import { hasCustomerSession } from "@/lib/account";
import { chooseCountry, getCart, itemCount } from "@/lib/cart";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";
import { AccountMenu } from "./account/account-menu";
import { CountrySelect } from "./country-select";

export async function SiteHeader() {
  const [cart, countries, country, signedIn] = await Promise.all([
    getCart(),
    getCountryChoices(),
    getCurrentCountry(),
    hasCustomerSession(),
  ]);
  const count = itemCount(cart);
  return (
    <header className="border-b border-neutral-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3 sm:gap-4 sm:px-6 sm:py-4">
        <Link href="/" prefetch={false} className="flex min-h-11 shrink-0 items-center text-lg font-semibold tracking-tight">
          Atelier
        </Link>
        <div className="flex min-w-0 items-center gap-2 sm:gap-5">
          <CountrySelect
            countries={countries.map(({ code, name, currencyCode }) => ({ code, name, currencyCode }))}
            current={country.code}
            action={chooseCountry}
          />
          <AccountMenu signedIn={signedIn} />
          <Link
            href="/cart"
            prefetch={false}
            aria-label={`Cart, ${count} ${count === 1 ? "item" : "items"}`}
            className="flex min-h-11 shrink-0 items-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-neutral-100"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M6 7h12l-1 13H7L6 7Z" strokeLinejoin="round" />
              <path d="M9 7a3 3 0 0 1 6 0" />
            </svg>
            <span className="hidden sm:inline">Cart</span>
            <span
              data-testid="cart-count"
              className="min-w-5 rounded-full bg-neutral-900 px-1.5 text-center text-xs leading-5 text-white"
            >
              {count}
            </span>
          </Link>
        </div>
      </div>
    </header>
  );
}
