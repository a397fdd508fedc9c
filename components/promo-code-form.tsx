"use client";

import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { type PromotionLike, removableCodes } from "@/lib/promotion-codes";
import { FormMessage } from "./form-message";

type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

interface PromoCodeFormProps {
  /** The cart's promotions as Medusa lists them (`cart.promotions`); automatic ones get no Remove button. */
  promotions: readonly PromotionLike[] | null | undefined;
  /** Server action taking the typed code as `code` (lib/promotions.ts `applyPromotionCode`). */
  applyAction: FormAction;
  /** Server action taking the code to remove as `code` (lib/promotions.ts `removePromotionCode`). */
  removeAction: FormAction;
}

/**
 * A promotion code field with Apply, and the applied codes each with Remove. Presentational: the page passes the
 * cart's promotions and the two server actions, which re-render the page, so the totals beside it follow. One
 * message at a time, the latest action's: a failure is announced at once (role=alert), a success quietly.
 */
export function PromoCodeForm({ promotions, applyAction, removeAction }: PromoCodeFormProps) {
  const [applyState, apply, applying] = useActionState(applyAction, EMPTY_FORM_STATE);
  const [removeState, remove, removing] = useActionState(removeAction, EMPTY_FORM_STATE);
  const [latest, setLatest] = useState<"apply" | "remove">("apply");
  const [typed, setTyped] = useState("");
  // Empty the field once a code went on, keep it after a refusal so the shopper can correct it. Adjusted while
  // rendering (not in an effect) so the field is never shown with the applied code for a frame.
  const [seenApplyState, setSeenApplyState] = useState(applyState);
  if (seenApplyState !== applyState) {
    setSeenApplyState(applyState);
    if (applyState.ok) setTyped("");
  }

  const inputId = useId();
  const messageId = useId();
  const pending = applying || removing;
  const codes = removableCodes(promotions);
  const state = latest === "apply" ? applyState : removeState;
  const invalid = latest === "apply" && !applyState.ok;

  // Dispatched by hand, like submitWithoutReset: React's reset after an action would empty the field on a refusal.
  // Without JavaScript both forms still post to their actions.
  const submitTo = (which: "apply" | "remove") => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    setLatest(which);
    startTransition(() => (which === "apply" ? apply : remove)(formData));
  };

  return (
    <div className="space-y-3">
      <form action={apply} onSubmit={submitTo("apply")}>
        <label htmlFor={inputId} className="label">
          Promotion code
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            name="code"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="done"
            maxLength={64}
            aria-invalid={invalid}
            aria-describedby={invalid ? messageId : undefined}
            className="input min-h-11 min-w-0 flex-1"
          />
          <button type="submit" disabled={pending} aria-disabled={pending} className="btn-secondary min-h-11 shrink-0">
            {applying ? "Applying…" : "Apply"}
          </button>
        </div>
      </form>
      <div id={messageId}>
        <FormMessage state={state} />
      </div>
      {codes.length > 0 ? (
        <form action={remove} onSubmit={submitTo("remove")} aria-label="Applied promotion codes">
          <ul className="space-y-1">
            {codes.map((code) => (
              <li key={code} className="flex items-center justify-between gap-3 text-sm">
                <span className="min-w-0 font-medium break-all">{code}</span>
                <button
                  type="submit"
                  name="code"
                  value={code}
                  disabled={pending}
                  aria-label={`Remove code ${code}`}
                  className="min-h-11 min-w-11 shrink-0 px-2 text-neutral-600 underline underline-offset-4 hover:text-neutral-900 disabled:opacity-50"
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </form>
      ) : null}
    </div>
  );
}
