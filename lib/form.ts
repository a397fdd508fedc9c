import type { ActionFailure } from "./action-result";

/**
 * What a server action tells its form: on success an optional notice; on failure a message for the whole form,
 * messages per field, and the values that were sent so nothing the shopper typed is lost.
 */
export type FormState =
  | { ok: true; notice?: string }
  | (ActionFailure & { fieldErrors?: Partial<Record<string, string>>; values?: Partial<Record<string, string>> });

export const EMPTY_FORM_STATE: FormState = { ok: true };

/** A form field as a trimmed string ("" when absent or not text). */
export function readField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Every text field of a form, to send back so the shopper's input survives a failed action. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    // Next adds $ACTION_… fields for server actions; they are not the shopper's input.
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}
