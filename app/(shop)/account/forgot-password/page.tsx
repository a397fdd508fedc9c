import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { requestPasswordReset } from "@/lib/password-reset";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

/** Asks for the e-mail of an account whose password was forgotten. */
export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Reset your password</h1>
      <p className="mt-2 text-neutral-600">Give the e-mail of your account and we will send you a link to choose a new password.</p>
      <div className="card mt-8 p-5 sm:p-6">
        <ForgotPasswordForm action={requestPasswordReset} />
      </div>
    </div>
  );
}
