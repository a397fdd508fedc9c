"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { type AddressKind, fieldName } from "@/lib/address-fields";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import type { ActionResult } from "@/lib/action-result";
import { cancelPendingFocus, focusWhenShown } from "./focus-target";
import { useSaveAhead } from "./use-save-ahead";
import { FormMessage } from "@/components/form-message";
import { TextField } from "@/components/text-field";
import { submitWithoutReset } from "@/components/submit-without-reset";

interface AddressFormProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Saves the complete form while the shopper pauses on it, so that submitting finds the work done. */
  saveAhead?: (formData: FormData) => Promise<ActionResult>;
  /** Countries the cart's region ships to. */
  shippingCountries: { code: string; name: string }[];
  /** Every country, for a billing address that may be anywhere. */
  billingCountries: { code: string; name: string }[];
  /** What the cart already holds, so editing starts from it. */
  initialValues: Record<string, string>;
  initialBillingSame: boolean;
  submitLabel: string;
  /** After a successful save: the id of the element to focus once the page shows what comes next. */
  focusAfterSave: string;
  /** After a successful save, for a form opened to edit what the cart already holds. */
  onSaved?: () => void;
  /** Offered as "Cancel" next to the submit button, when there is a saved address to go back to. */
  onCancel?: () => void;
}

/** Checkout: contact email, shipping address, billing address (same or different). */
export function AddressForm({
  action,
  saveAhead,
  shippingCountries,
  billingCountries,
  initialValues,
  initialBillingSame,
  submitLabel,
  focusAfterSave,
  onSaved,
  onCancel,
}: AddressFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const [billingSame, setBillingSame] = useState(initialBillingSame);
  // After a failed submit, show exactly what the shopper sent, not what the cart held before.
  const failed = state.ok ? null : state;
  const values = failed?.values ?? initialValues;
  const errors = failed?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const ahead = useSaveAhead(formRef, saveAhead);

  // After a rejected submit, take the shopper (and screen readers) to the first field to fix.
  useEffect(() => {
    if (!failed) return;
    cancelPendingFocus();
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  useEffect(() => {
    if (state !== EMPTY_FORM_STATE && state.ok) onSaved?.();
    // Only a new answer from the action counts, not a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const submit = submitWithoutReset(formAction);

  const field = (name: string, label: string, options: { autoComplete?: string; type?: string; optional?: boolean } = {}) => (
    <TextField name={name} label={label} {...options} defaultValue={values[name] ?? ""} error={errors[name]} />
  );

  const addressFields = (kind: AddressKind, countries: { code: string; name: string }[]) => {
    const section = kind === "shipping" ? "shipping" : "billing";
    const countryField = fieldName(kind, "country_code");
    const countryError = errors[countryField];
    return (
      <div className="grid gap-4 sm:grid-cols-2">
        {field(fieldName(kind, "first_name"), "First name", { autoComplete: `${section} given-name` })}
        {field(fieldName(kind, "last_name"), "Last name", { autoComplete: `${section} family-name` })}
        <div className="sm:col-span-2">
          {field(fieldName(kind, "company"), "Company", { autoComplete: `${section} organization`, optional: true })}
        </div>
        <div className="sm:col-span-2">
          {field(fieldName(kind, "address_1"), "Street and house number", { autoComplete: `${section} address-line1` })}
        </div>
        <div className="sm:col-span-2">
          {field(fieldName(kind, "address_2"), "Apartment, suite, etc.", {
            autoComplete: `${section} address-line2`,
            optional: true,
          })}
        </div>
        {field(fieldName(kind, "postal_code"), "Postal code", { autoComplete: `${section} postal-code` })}
        {field(fieldName(kind, "city"), "City", { autoComplete: `${section} address-level2` })}
        {field(fieldName(kind, "province"), "State / province", { autoComplete: `${section} address-level1`, optional: true })}
        <div>
          <label htmlFor={countryField} className="label">
            Country
          </label>
          <select
            id={countryField}
            name={countryField}
            defaultValue={values[countryField] ?? ""}
            required
            autoComplete={`${section} country`}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? `${countryField}-error` : undefined}
            className="input"
          >
            <option value="" disabled>
              Choose a country
            </option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          {countryError ? (
            <p id={`${countryField}-error`} className="mt-1 text-sm text-red-700">
              {countryError}
            </p>
          ) : null}
        </div>
        <div className="sm:col-span-2">
          {field(fieldName(kind, "phone"), "Phone", { autoComplete: `${section} tel`, type: "tel", optional: true })}
        </div>
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      action={formAction}
      onBlur={ahead.onBlur}
      onInput={ahead.onInput}
      data-saved-ahead={saveAhead ? ahead.state : undefined}
      onSubmit={(event) => {
        ahead.cancel();
        focusWhenShown(focusAfterSave);
        submit(event);
      }}
      noValidate aria-label="Contact and addresses" className="space-y-8">
      <fieldset className="space-y-4">
        <legend className="mb-3 text-sm font-semibold">Contact</legend>
        {field("email", "Email", { autoComplete: "email", type: "email" })}
      </fieldset>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold">Shipping address</legend>
        {addressFields("shipping", shippingCountries)}
      </fieldset>
      <label htmlFor="billing_same" className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
        <input
          id="billing_same"
          name="billing_same"
          type="checkbox"
          checked={billingSame}
          onChange={(event) => setBillingSame(event.target.checked)}
          className="size-4 rounded border-neutral-300 accent-neutral-900"
        />
        Billing address is the same as shipping address
      </label>
      {billingSame ? null : (
        <fieldset>
          <legend className="mb-3 text-sm font-semibold">Billing address</legend>
          {addressFields("billing", billingCountries)}
        </fieldset>
      )}
      <div className="space-y-3">
        <FormMessage state={state} />
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" disabled={pending} className="btn-primary w-full sm:w-auto">
            {pending ? "Saving…" : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" onClick={onCancel} disabled={pending} className="btn-secondary w-full sm:w-auto">
              Cancel
            </button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
