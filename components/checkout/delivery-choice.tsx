"use client";

import { useActionState, useEffect, useRef, useSyncExternalStore } from "react";
import { FormMessage } from "@/components/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";

interface DeliveryChoiceProps {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** The option the cart has, if any. */
  chosen: string | null;
  options: { id: string; name: string; price: string; available: boolean }[];
}

/**
 * The delivery options as radios; choosing one saves it at once (the total and the card form follow), with no button
 * to press. Without JavaScript a button saves the choice.
 */
export function DeliveryChoice({ action, chosen, options }: DeliveryChoiceProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  // False in the server's HTML (the fallback button is there), true once React runs in the browser.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const formRef = useRef<HTMLFormElement>(null);
  // A choice Medusa did not take must not stay checked next to a total that does not include it.
  useEffect(() => {
    if (state.ok) return;
    for (const radio of formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []) {
      radio.checked = radio.value === chosen;
    }
  }, [state, chosen]);
  const submit = submitWithoutReset(formAction);

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={submit}
      onChange={() => formRef.current?.requestSubmit()}
      aria-label="Delivery"
      aria-busy={pending}
      // The option the cart holds, so tools can tell a saved choice from one still being saved.
      data-saved-option={chosen ?? ""}
    >
      <fieldset>
        <legend className="sr-only">Delivery option</legend>
        <div className="space-y-3">
          {options.map((option) => (
            <label
              key={option.id}
              className="flex min-h-11 cursor-pointer items-center justify-between gap-4 rounded-md border border-neutral-300 p-4 has-checked:border-neutral-900 has-checked:ring-1 has-checked:ring-neutral-900"
            >
              <span className="flex items-center gap-3">
                <input
                  type="radio"
                  name="shipping_option_id"
                  value={option.id}
                  defaultChecked={option.id === chosen}
                  disabled={!option.available}
                  className="size-4 accent-neutral-900"
                />
                <span className="text-sm font-medium">{option.name}</span>
              </span>
              <span className="text-sm tabular-nums">{option.price}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 space-y-3">
        <p role="status" className="text-sm text-neutral-600">
          {pending ? "Updating delivery and total…" : ""}
        </p>
        <FormMessage state={state} />
        {hydrated ? null : (
          <button type="submit" className="btn-secondary w-full sm:w-auto">
            Use this delivery
          </button>
        )}
      </div>
    </form>
  );
}

function subscribeToNothing(): () => void {
  return () => undefined;
}
