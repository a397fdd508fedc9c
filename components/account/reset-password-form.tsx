"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { FORGOT_PASSWORD_PATH } from "@/lib/paths";

interface ResetPasswordFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  /** The account's e-mail, from the link: shown, and given to password managers. */
  email: string | null;
  minPasswordLength: number;
}

/** A new password for the account the reset link names; a refused link says so and offers a new one. */
export function ResetPasswordForm({ action, token, email, minPasswordLength }: ResetPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const failed = state.ok ? null : state;
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} noValidate aria-label="Choose a new password" className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {email ? (
        <>
          <p className="break-words text-sm text-neutral-700">
            For <span className="font-medium text-neutral-900">{email}</span>
          </p>
          {/* For password managers: which account the new password belongs to. */}
          <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        </>
      ) : null}
      <TextField
        id="new-password"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        error={failed?.fieldErrors?.password}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <div className="space-y-3 pt-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="btn-primary w-full">
          {pending ? "Saving…" : "Set new password"}
        </button>
        {failed && !failed.fieldErrors?.password ? (
          <p className="text-sm">
            <Link href={FORGOT_PASSWORD_PATH} className="link inline-flex min-h-11 items-center">
              Ask for a new reset link
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
