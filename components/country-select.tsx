"use client";

import { useActionState } from "react";
import { EMPTY_FORM_STATE, type FormState } from "@/lib/form";
import { submitWithoutReset } from "./submit-without-reset";

interface CountrySelectProps {
  countries: { code: string; name: string; currencyCode: string }[];
  current: string;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}

/** Picks the shipping country; the server maps it to a region (and so a currency). */
export function CountrySelect({ countries, current, action }: CountrySelectProps) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="flex min-w-0 items-center gap-2">
      <label htmlFor="country-select" className="sr-only">
        Shipping country
      </label>
      <select
        id="country-select"
        name="country"
        defaultValue={current}
        disabled={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="min-h-11 w-full max-w-32 min-w-0 rounded-md border border-neutral-300 bg-white py-1.5 pr-7 pl-2 text-sm sm:max-w-none"
      >
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name} · {country.currencyCode.toUpperCase()}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary">
          Change
        </button>
      </noscript>
      {!state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
