"use client";

import { type ReactNode, useActionState } from "react";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { FormMessage } from "./form-message";
import { submitWithoutReset } from "./submit-without-reset";

interface ActionFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Server-rendered fields; they stay server components. */
  children?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  /** Accessible name of the form, when the page has several. */
  "aria-label"?: string;
}

/**
 * A form bound to a server action that reports failure in words next to the button and cannot be
 * submitted twice while the action runs. Every single-button form in the shop uses it.
 */
export function ActionForm({ action, children, submitLabel, pendingLabel, className, ...rest }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className={className} aria-label={rest["aria-label"]}>
      {children}
      <div className="mt-6 space-y-3">
        <FormMessage state={state} />
        <button type="submit" disabled={pending} aria-disabled={pending} className="btn-primary w-full sm:w-auto">
          {pending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
