import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { setNewPassword } from "@/lib/password-reset";
import { FORGOT_PASSWORD_PATH } from "@/lib/paths";
import { MIN_PASSWORD } from "@/lib/validation";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

/** The reset e-mail's link: a new password for its token (Medusa checks the token when the password is saved). */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[]; email?: string | string[] }> }) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const email = typeof query.email === "string" ? query.email : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Choose a new password</h1>
      <div className="card mt-8 p-5 sm:p-6">
        {token ? (
          <ResetPasswordForm action={setNewPassword} token={token} email={email} minPasswordLength={MIN_PASSWORD} />
        ) : (
          <p className="text-sm text-neutral-700">
            This link is incomplete.{" "}
            <Link href={FORGOT_PASSWORD_PATH} className="link">
              Ask for a new reset link
            </Link>
            .
          </p>
        )}
      </div>
    </div>
  );
}
