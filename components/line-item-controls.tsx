"use client";

import { useActionState } from "react";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { submitWithoutReset } from "./submit-without-reset";

interface LineItemControlsProps {
  lineId: string;
  itemName: string;
  quantity: number;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}

/** − / + / Remove for one cart line; each button sends the quantity it stands for. */
export function LineItemControls({ lineId, itemName, quantity, action }: LineItemControlsProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} aria-label={`Quantity of ${itemName}`}>
      <input type="hidden" name="line_id" value={lineId} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <div className="flex items-center rounded-md border border-neutral-300 bg-white">
          <button
            type="submit"
            name="quantity"
            value={quantity - 1}
            disabled={pending || quantity <= 1}
            aria-label={`Decrease quantity of ${itemName}`}
            className="min-h-11 min-w-11 text-neutral-700 hover:bg-neutral-100 disabled:text-neutral-300"
          >
            −
          </button>
          <output aria-label={`Quantity of ${itemName}`} className="min-w-8 text-center text-sm tabular-nums">
            {quantity}
          </output>
          <button
            type="submit"
            name="quantity"
            value={quantity + 1}
            disabled={pending || quantity >= 99}
            aria-label={`Increase quantity of ${itemName}`}
            className="min-h-11 min-w-11 text-neutral-700 hover:bg-neutral-100 disabled:text-neutral-300"
          >
            +
          </button>
        </div>
        <button
          type="submit"
          name="quantity"
          value={0}
          disabled={pending}
          aria-label={`Remove ${itemName} from cart`}
          className="min-h-11 text-sm text-neutral-600 underline underline-offset-4 hover:text-neutral-900 disabled:opacity-50"
        >
          Remove
        </button>
      </div>
      {!state.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
