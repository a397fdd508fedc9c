"use client";

import { type ComponentProps, type ReactNode, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { AddressForm } from "./address-form";

type FormProps = Omit<ComponentProps<typeof AddressForm>, "submitLabel" | "saveAhead" | "onSaved" | "onCancel">;

interface AddressEditorProps {
  /** The cart already holds a complete contact and address. */
  saved: boolean;
  summary: ReactNode;
  form: FormProps;
  /** For the first address only: a change to a saved one waits for "Save address", since "Cancel" must undo it. */
  saveAhead: (formData: FormData) => Promise<ActionResult>;
}

/**
 * The saved address with a "Change" button, or the form. Opening the form is the shopper's own business, kept in the
 * browser; what is saved is always the cart's (a reload shows the saved address).
 */
export function AddressEditor({ saved, summary, form, saveAhead }: AddressEditorProps) {
  const [editing, setEditing] = useState(false);
  if (!saved) return <AddressForm {...form} saveAhead={saveAhead} submitLabel="Continue to delivery" />;
  if (editing) {
    return <AddressForm {...form} submitLabel="Save address" onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  }
  return (
    <div className="space-y-4">
      {summary}
      <button type="button" onClick={() => setEditing(true)} className="btn-secondary w-full sm:w-auto">
        Change contact or address
      </button>
    </div>
  );
}
