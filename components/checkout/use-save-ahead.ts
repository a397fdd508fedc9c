"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";

export type SaveAheadState = "idle" | "saving" | "saved";

/** How long after the shopper leaves a field, or stops typing, a complete form is saved ahead. */
const AFTER_LEAVING_FIELD_MS = 250;
const AFTER_TYPING_MS = 1_000;

/**
 * Saves a form while the shopper is still on it, once it is complete and they pause: leaving a field (long enough
 * not to be the click on the form's own button) or stopping typing. Its submit then finds the work done. Only a form
 * that passes the browser's own checks is sent, and each version of it once; the last answer decides the state.
 */
export function useSaveAhead(formRef: RefObject<HTMLFormElement | null>, save: ((formData: FormData) => Promise<ActionResult>) | undefined) {
  const timer = useRef<number | undefined>(undefined);
  const latestRequest = useRef(0);
  const sent = useRef<string | null>(null);
  // The version the cart holds by the latest answer, and that answer while it is awaited.
  const saved = useRef<string | null>(null);
  const answered = useRef<Promise<void>>(Promise.resolve());
  const [state, setState] = useState<SaveAheadState>("idle");

  const cancel = useCallback(() => window.clearTimeout(timer.current), []);
  useEffect(() => cancel, [cancel]);

  const schedule = useCallback(
    (delayMs: number) => {
      if (!save) return;
      cancel();
      timer.current = window.setTimeout(() => {
        const form = formRef.current;
        if (!form?.checkValidity()) return;
        const formData = new FormData(form);
        const version = versionOf(formData);
        if (version === sent.current) return;
        sent.current = version;
        const request = ++latestRequest.current;
        saved.current = null;
        setState("saving");
        const settle = (ok: boolean) => {
          if (request !== latestRequest.current) return;
          // A refusal is said by the submit, next to the fields; the same form may be tried again.
          if (!ok) sent.current = null;
          saved.current = ok ? version : null;
          setState(ok ? "saved" : "idle");
        };
        answered.current = save(formData).then((result) => settle(result.ok), () => settle(false));
      }, delayMs);
    },
    [cancel, formRef, save],
  );

  return {
    state,
    onBlur: () => schedule(AFTER_LEAVING_FIELD_MS),
    onInput: () => schedule(AFTER_TYPING_MS),
    cancel,
    /** Resolves once the latest save ahead has been answered (at once when none is under way). */
    settled: () => answered.current,
    /** This very form, as it would be submitted, is what the latest save ahead stored. */
    hasSaved: (formData: FormData) => saved.current !== null && versionOf(formData) === saved.current,
  };
}

/** What the shopper filled in, comparable between two moments. */
function versionOf(formData: FormData): string {
  return JSON.stringify([...formData.entries()].filter(([, value]) => typeof value === "string"));
}
