import type { FormState } from "@/lib/form";

/** The form-level outcome of an action: an error (announced at once) or a quiet notice. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.error}
      </p>
    );
  }
  if (state.notice) {
    return (
      <p role="status" className="text-sm text-emerald-700">
        {state.notice}
      </p>
    );
  }
  return null;
}
