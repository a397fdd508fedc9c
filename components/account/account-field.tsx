interface AccountFieldProps {
  /** Distinguishes two forms on one page (sign in, create account), whose fields share names. */
  form: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
}

/** A labelled input with its error (or hint) announced with it, as the account forms show them. */
export function AccountField({ form, name, label, type = "text", autoComplete, defaultValue, error, hint }: AccountFieldProps) {
  const id = `${form}-${name}`;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="input"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-neutral-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
