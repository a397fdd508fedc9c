"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { TextField } from "@/components/text-field";

interface SignUpFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  next: string | null;
  minPasswordLength: number;
}

/** A new account: name, email and a password; the shopper is signed in with it at once. */
export function SignUpForm({ action, next, minPasswordLength }: SignUpFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const failed = state.ok ? null : state;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} noValidate aria-label="Create an account" className="space-y-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="sign-up-first_name"
          name="first_name"
          label="First name"
          autoComplete="given-name"
          defaultValue={values.first_name}
          error={errors.first_name}
        />
        <TextField
          id="sign-up-last_name"
          name="last_name"
          label="Last name"
          autoComplete="family-name"
          defaultValue={values.last_name}
          error={errors.last_name}
        />
      </div>
      <TextField
        id="sign-up-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        id="sign-up-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint={`At least ${minPasswordLength} characters.`}
      />
      <div className="space-y-3 pt-2">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} className="btn-primary w-full">
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
