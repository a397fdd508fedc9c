"use client";

import { useActionState, useRef, useState } from "react";
import { AddressBlock } from "@/components/address-block";
import { FormMessage } from "@/components/form-message";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { type SavedAddress, describeAddress, toFormValues } from "@/lib/saved-addresses";
import { SavedAddressForm } from "./saved-address-form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

interface AddressBookProps {
  addresses: SavedAddress[];
  countries: { code: string; name: string }[];
  defaultCountry: string;
  addAddress: Action;
  updateAddress: Action;
  deleteAddress: Action;
}

/**
 * The customer's saved addresses on the account page: each with "Edit" and "Delete", and "Add an address". One form
 * is open at a time; what was done is said in one status line, and the focus goes back to the section's heading.
 */
export function AddressBook({ addresses, countries, defaultCountry, addAddress, updateAddress, deleteAddress }: AddressBookProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<FormState>(EMPTY_FORM_STATE);
  // Kept here, not in the entry: the entry a delete removes is gone when its answer arrives.
  const [, deleteAction, deleting] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await deleteAddress(previous, formData);
    setNotice(result);
    return result;
  }, EMPTY_FORM_STATE);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const close = (message?: string) => {
    setEditing(null);
    setNotice(message ? { ok: true, notice: message } : EMPTY_FORM_STATE);
    headingRef.current?.focus();
  };
  const open = (id: string) => {
    setEditing(id);
    setNotice(EMPTY_FORM_STATE);
  };

  return (
    <section aria-labelledby="addresses-heading" className="mt-10">
      <h2 id="addresses-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        Your addresses
      </h2>
      <div className="mt-2 space-y-2" aria-live="polite">
        <FormMessage state={notice} />
      </div>
      {addresses.length === 0 ? <p className="mt-3 text-sm text-neutral-600">No saved addresses yet.</p> : null}
      <ul aria-label="Your addresses" className="mt-4 space-y-3">
        {addresses.map((address) =>
          editing === address.id ? (
            <li key={address.id}>
              <SavedAddressForm
                action={updateAddress}
                addressId={address.id}
                title="Edit address"
                countries={countries}
                initialValues={toFormValues(address, (field) => field)}
                onDone={close}
                onCancel={() => close()}
              />
            </li>
          ) : (
            <li key={address.id} className="card flex flex-wrap items-start justify-between gap-3 p-4" data-address-id={address.id}>
              <AddressBlock address={address} />
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  onClick={() => open(address.id)}
                  aria-label={`Edit address: ${describeAddress(address)}`}
                  className="btn-secondary min-h-11"
                >
                  Edit
                </button>
                <form action={deleteAction}>
                  <input type="hidden" name="address_id" value={address.id} />
                  <button
                    type="submit"
                    disabled={deleting}
                    aria-label={`Delete address: ${describeAddress(address)}`}
                    className="btn-secondary min-h-11"
                  >
                    Delete
                  </button>
                </form>
              </div>
            </li>
          ),
        )}
      </ul>
      <div className="mt-4">
        {editing === "new" ? (
          <SavedAddressForm
            action={addAddress}
            title="New address"
            countries={countries}
            initialValues={{ country_code: defaultCountry }}
            onDone={close}
            onCancel={() => close()}
          />
        ) : (
          <button type="button" onClick={() => open("new")} className="btn-secondary w-full sm:w-auto">
            Add an address
          </button>
        )}
      </div>
    </section>
  );
}
