"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { ADDRESS_FIELDS, SAVED_ADDRESS_CHOICE_FIELD, SAVE_TO_ADDRESS_BOOK_FIELD, fieldName } from "@/lib/address-fields";
import type { SavedAddressChoice } from "@/lib/saved-addresses";
import { EMPTY_FORM_STATE, type FormState, readField } from "@/lib/form";
import type { ActionResult } from "@/lib/action-result";
import { cancelPendingFocus, focusWhenShown } from "./focus-target";
import { useSaveAhead } from "./use-save-ahead";
import { FormMessage } from "@/components/form-message";
import { TextField } from "@/components/text-field";
import { AddressFields } from "@/components/address-fields";
import { SavedAddressPicker } from "./saved-address-picker";

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
  /** A signed-in customer's saved addresses the cart can ship to: picking one fills the shipping address. */
  savedAddresses?: SavedAddressChoice[];
  /** The saved address the form starts with ("" for a new address). */
  initialSavedAddressId?: string;
  /** A signed-in customer may keep a new shipping address in their address book. */
  offerSaveToAccount?: boolean;
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
  savedAddresses = [],
  initialSavedAddressId = "",
  offerSaveToAccount = false,
}: AddressFormProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const [billingSame, setBillingSame] = useState(initialBillingSame);
  // After a failed submit, show exactly what the shopper sent, not what the cart held before.
  const failed = state.ok ? null : state;
  const values = failed?.values ?? initialValues;
  const errors = failed?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const ahead = useSaveAhead(formRef, saveAhead);
  const router = useRouter();
  const [showingNext, startShowingNext] = useTransition();
  const busy = pending || showingNext;

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

  const [savedAddressId, setSavedAddressId] = useState(failed?.values?.[SAVED_ADDRESS_CHOICE_FIELD] ?? initialSavedAddressId);
  // The fields stay the browser's own (uncontrolled): picking a saved address writes its values into them, as typing
  // would, so the shopper can still change any of them and the form's save ahead sees what is on screen.
  const pickSavedAddress = (id: string) => {
    setSavedAddressId(id);
    const form = formRef.current;
    if (!form) return;
    const chosen = savedAddresses.find((choice) => choice.id === id);
    for (const field of ADDRESS_FIELDS) {
      const input = form.elements.namedItem(fieldName("shipping", field));
      if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) continue;
      // "A new address" empties the fields to type into, keeping the country.
      if (chosen) input.value = chosen.values[input.name] ?? "";
      else if (field !== "country_code") input.value = "";
    }
  };
  // A saved address changed by hand is a new address (which may then be saved to the account).
  const leaveSavedAddressWhenEdited = () => {
    const chosen = savedAddresses.find((choice) => choice.id === savedAddressId);
    const form = formRef.current;
    if (!chosen || !form) return;
    const edited = ADDRESS_FIELDS.some((field) => {
      const input = form.elements.namedItem(fieldName("shipping", field));
      return (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) && input.value.trim() !== (chosen.values[input.name] ?? "");
    });
    if (edited) setSavedAddressId("");
  };

  const field = (name: string, label: string, options: { autoComplete?: string; type?: string; optional?: boolean } = {}) => (
    <TextField name={name} label={label} {...options} defaultValue={values[name] ?? ""} error={errors[name]} />
  );

  return (
    <form
      ref={formRef}
      action={formAction}
      onBlur={ahead.onBlur}
      onInput={ahead.onInput}
      data-saved-ahead={saveAhead ? ahead.state : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        ahead.cancel();
        focusWhenShown(focusAfterSave);
        const formData = new FormData(event.currentTarget);
        startShowingNext(async () => {
          // A save ahead still under way finishes first: the cart is written once at a time, and the card payment it
          // starts is not raced by another one.
          await ahead.settled();
          // Saved ahead exactly as it is (and nothing to keep in the address book, which only Continue does): the
          // cart holds it, so the page only has to show what follows, without the action reading the cart again.
          // (Work after an await is started in a transition of its own, so the button stays busy until it is done.)
          const showNext = ahead.hasSaved(formData) && readField(formData, SAVE_TO_ADDRESS_BOOK_FIELD) !== "on";
          startShowingNext(() => (showNext ? router.refresh() : formAction(formData)));
        });
      }}
      noValidate aria-label="Contact and addresses" className="space-y-8">
      <fieldset className="space-y-4">
        <legend className="mb-3 text-sm font-semibold">Contact</legend>
        {field("email", "Email", { autoComplete: "email", type: "email" })}
      </fieldset>
      <fieldset>
        <legend className="mb-3 text-sm font-semibold">Shipping address</legend>
        {savedAddresses.length > 0 ? (
          <SavedAddressPicker
            choices={savedAddresses}
            selectedId={savedAddressId}
            onPick={pickSavedAddress}
          />
        ) : null}
        <div onInput={leaveSavedAddressWhenEdited}>
          <AddressFields kind="shipping" countries={shippingCountries} values={values} errors={errors} />
        </div>
        {offerSaveToAccount && savedAddressId === "" ? (
          <label htmlFor={SAVE_TO_ADDRESS_BOOK_FIELD} className="mt-2 flex min-h-11 cursor-pointer items-center gap-3 text-sm">
            <input
              id={SAVE_TO_ADDRESS_BOOK_FIELD}
              name={SAVE_TO_ADDRESS_BOOK_FIELD}
              type="checkbox"
              defaultChecked={values[SAVE_TO_ADDRESS_BOOK_FIELD] === "on"}
              className="size-4 rounded border-neutral-300 accent-neutral-900"
            />
            Save this address to my account
          </label>
        ) : null}
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
          <AddressFields kind="billing" countries={billingCountries} values={values} errors={errors} />
        </fieldset>
      )}
      <div className="space-y-3">
        <FormMessage state={state} />
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" disabled={busy} className="btn-primary w-full sm:w-auto">
            {busy ? "Saving…" : submitLabel}
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
