"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { TextField } from "@/components/text-field";
import { FORGOT_PASSWORD_PATH } from "@/lib/paths";

interface SignInFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Where to go once signed in (a path of this shop), e.g. back to the checkout. */
  next: string | null;
}

/** Email and password; on success the action takes the shopper on, on failure it says why in one sentence. */
export function SignInForm({ action, next }: SignInFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const failed = state.ok ? null : state;
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} noValidate aria-label="Sign in" className="space-y-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        id="sign-in-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={failed?.values?.email}
        error={failed?.fieldErrors?.email}
      />
      <TextField
        id="sign-in-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={failed?.fieldErrors?.password}
      />
      <p className="-mt-2 text-sm">
        <Link href={FORGOT_PASSWORD_PATH} prefetch={false} className="link inline-flex min-h-11 items-center">
          Forgot password?
        </Link>
      </p>
      <div className="space-y-3 pt-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="btn-primary w-full">
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
