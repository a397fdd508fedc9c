"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { submitWithoutReset } from "./submit-without-reset";

export interface VariantChoice {
  id: string;
  label: string;
  priceLabel: string;
  inStock: boolean;
}

interface VariantPickerProps {
  /** What the choice is called, e.g. "Size". */
  optionTitle: string;
  variants: VariantChoice[];
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}

/** Choose a variant, see its price and stock, add it to the cart. */
export function VariantPicker({ optionTitle, variants, action }: VariantPickerProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  const firstInStock = variants.find((variant) => variant.inStock) ?? variants[0];
  const [selectedId, setSelectedId] = useState(firstInStock?.id ?? "");
  const selected = variants.find((variant) => variant.id === selectedId);

  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-6">
      <p className="text-2xl font-medium" aria-live="polite">
        {selected?.priceLabel ?? "—"}
      </p>
      {variants.length > 1 ? (
        <fieldset>
          <legend className="label">{optionTitle}</legend>
          <div className="flex flex-wrap gap-2">
            {variants.map((variant) => (
              <label
                key={variant.id}
                className="relative cursor-pointer rounded-md border border-neutral-300 bg-white px-4 py-2 text-sm has-checked:border-neutral-900 has-checked:bg-neutral-900 has-checked:text-white has-disabled:cursor-not-allowed has-disabled:text-neutral-400 has-disabled:line-through has-focus-visible:outline-2 has-focus-visible:outline-offset-2"
              >
                <input
                  type="radio"
                  name="variant_id"
                  value={variant.id}
                  checked={variant.id === selectedId}
                  onChange={() => setSelectedId(variant.id)}
                  disabled={!variant.inStock}
                  className="sr-only"
                />
                {variant.label}
                {variant.inStock ? null : <span className="sr-only"> (sold out)</span>}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="variant_id" value={selectedId} />
      )}
      <p className="text-sm text-neutral-600">{selected?.inStock ? "In stock, ships in 1–2 days." : "Sold out."}</p>
      <input type="hidden" name="quantity" value="1" />
      <div className="space-y-3">
        <button type="submit" disabled={pending || !selected?.inStock} className="btn-primary w-full sm:w-64">
          {!selected?.inStock ? "Sold out" : pending ? "Adding…" : "Add to cart"}
        </button>
        {!state.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
          </p>
        ) : null}
        {state.ok && state.notice ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.notice}{" "}
            <Link href="/cart" prefetch={false} className="link">
              View cart
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
