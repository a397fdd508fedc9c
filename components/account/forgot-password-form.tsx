"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { TextField } from "@/components/text-field";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { ACCOUNT_PATH } from "@/lib/paths";

/** Asks for the account's e-mail; the answer is the same whether or not there is an account. */
export function ForgotPasswordForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const failed = state.ok ? null : state;
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} noValidate aria-label="Reset your password" className="space-y-4">
      <TextField
        id="reset-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={failed?.values?.email}
        error={failed?.fieldErrors?.email}
      />
      <div className="space-y-3 pt-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="btn-primary w-full">
          {pending ? "Sending…" : "Send me a reset link"}
        </button>
        <p className="text-sm">
          <Link href={ACCOUNT_PATH} className="link inline-flex min-h-11 items-center">
            Back to sign in
          </Link>
        </p>
      </div>
    </form>
  );
}
