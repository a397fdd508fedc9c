import Link from "next/link";
import { ACCOUNT_PATH } from "@/lib/paths";
import { SignOutButton } from "./sign-out-button";

function PersonIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="12" cy="8" r="3.5" />
      <path d="M5 20c.8-3.6 3.6-5.5 7-5.5s6.2 1.9 7 5.5" strokeLinecap="round" />
    </svg>
  );
}

const TRIGGER =
  "flex min-h-11 min-w-11 shrink-0 cursor-pointer items-center justify-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-neutral-100";

/**
 * The header's way into accounts. A guest gets a link to sign in or create an account; a signed-in customer a small
 * menu (a native disclosure: no script needed) with their orders and signing out. Whether someone is signed in comes
 * from the cookie alone, so the header asks Medusa nothing more.
 */
export function AccountMenu({ signedIn }: { signedIn: boolean }) {
  if (!signedIn) {
    return (
      <Link href={ACCOUNT_PATH} prefetch={false} aria-label="Account: sign in or create an account" className={TRIGGER}>
        <PersonIcon />
        <span className="hidden sm:inline">Account</span>
      </Link>
    );
  }
  return (
    <details className="relative">
      <summary aria-label="Account" data-testid="account-menu" className={`${TRIGGER} list-none [&::-webkit-details-marker]:hidden`}>
        <PersonIcon />
        <span className="hidden sm:inline">Account</span>
      </summary>
      <div className="absolute right-0 z-10 mt-2 w-48 rounded-md border border-neutral-200 bg-white p-2 shadow-lg">
        <Link href={ACCOUNT_PATH} prefetch={false} className="flex min-h-11 items-center rounded-md px-3 text-sm hover:bg-neutral-100">
          Your orders
        </Link>
        <SignOutButton className="flex min-h-11 w-full items-center rounded-md px-3 text-left text-sm hover:bg-neutral-100" />
      </div>
    </details>
  );
}
