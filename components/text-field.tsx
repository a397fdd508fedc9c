interface TextFieldProps {
  name: string;
  label: string;
  /** The input's id, when two forms on one page share field names (sign in, create account); else the name. */
  id?: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  error?: string;
  /** Shown under the field while there is no error, and announced with it. */
  hint?: string;
  /** Said in the label; the field may stay empty. */
  optional?: boolean;
}

/** A labelled input with its error (or hint) announced with it: every text field of the shop's forms. */
export function TextField({ name, label, id = name, type = "text", autoComplete, defaultValue, error, hint, optional = false }: TextFieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
        {optional ? <span className="font-normal text-neutral-500"> (optional)</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={!optional}
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
