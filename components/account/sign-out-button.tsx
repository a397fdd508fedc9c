import { signOut } from "@/lib/account";

/** Signs out (a plain form: it works before the page's script has loaded, or without it). */
export function SignOutButton({ className = "btn-secondary" }: { className?: string }) {
  return (
    <form action={signOut}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
