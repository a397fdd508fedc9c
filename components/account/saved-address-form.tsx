"use client";

import { useActionState, useEffect, useRef } from "react";
import { AddressFields } from "@/components/address-fields";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

interface SavedAddressFormProps {
  action: Action;
  /** The address being changed, or none for a new one. */
  addressId?: string;
  title: string;
  countries: { code: string; name: string }[];
  initialValues: Record<string, string>;
  /** After a successful save, with what to tell the customer. */
  onDone: (notice: string | undefined) => void;
  onCancel: () => void;
}

/** Adding or changing one address of the customer's address book. */
export function SavedAddressForm({ action, addressId, title, countries, initialValues, onDone, onCancel }: SavedAddressFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const failed = state.ok ? null : state;
  const formRef = useRef<HTMLFormElement>(null);
  const idPrefix = `${addressId ?? "new"}-`;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("input, select")?.focus();
  }, []);

  useEffect(() => {
    if (!state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (state !== EMPTY_FORM_STATE) onDone(state.notice);
    // Only a new answer from the action counts, not a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={submitWithoutReset(formAction)}
      noValidate
      aria-label={title}
      className="card space-y-4 p-4 sm:p-5"
    >
      <h3 className="text-base font-semibold">{title}</h3>
      {addressId ? <input type="hidden" name="address_id" value={addressId} /> : null}
      <AddressFields kind={null} idPrefix={idPrefix} countries={countries} values={failed?.values ?? initialValues} errors={failed?.fieldErrors ?? {}} />
      <FormMessage state={state} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
          {pending ? "Saving…" : "Save address"}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} className="btn-secondary w-full sm:w-auto">
          Cancel
        </button>
      </div>
    </form>
  );
}
