import { type AddressField, type AddressKind, fieldName } from "@/lib/address-fields";
import { TextField } from "@/components/text-field";

interface AddressFieldsProps {
  /** The checkout's shipping or billing fields ("shipping_city"), or null for fields named as Medusa names them ("city"). */
  kind: AddressKind | null;
  /** Makes the inputs' ids unique when one page holds several address forms (the address book's). */
  idPrefix?: string;
  countries: { code: string; name: string }[];
  values: Partial<Record<string, string>>;
  errors: Partial<Record<string, string>>;
}

/** The fields of one postal address, labelled, with their autofill hints and errors: the checkout's and the address book's. */
export function AddressFields({ kind, idPrefix = "", countries, values, errors }: AddressFieldsProps) {
  const nameOf = (field: AddressField) => (kind ? fieldName(kind, field) : field);
  const section = kind ?? "shipping";
  const field = (name: AddressField, label: string, options: { autoComplete: string; type?: string; optional?: boolean }) => (
    <TextField
      name={nameOf(name)}
      id={`${idPrefix}${nameOf(name)}`}
      label={label}
      {...options}
      autoComplete={`${section} ${options.autoComplete}`}
      defaultValue={values[nameOf(name)] ?? ""}
      error={errors[nameOf(name)]}
    />
  );
  const countryField = nameOf("country_code");
  const countryId = `${idPrefix}${countryField}`;
  const countryError = errors[countryField];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {field("first_name", "First name", { autoComplete: "given-name" })}
      {field("last_name", "Last name", { autoComplete: "family-name" })}
      <div className="sm:col-span-2">{field("company", "Company", { autoComplete: "organization", optional: true })}</div>
      <div className="sm:col-span-2">{field("address_1", "Street and house number", { autoComplete: "address-line1" })}</div>
      <div className="sm:col-span-2">
        {field("address_2", "Apartment, suite, etc.", { autoComplete: "address-line2", optional: true })}
      </div>
      {field("postal_code", "Postal code", { autoComplete: "postal-code" })}
      {field("city", "City", { autoComplete: "address-level2" })}
      {field("province", "State / province", { autoComplete: "address-level1", optional: true })}
      <div>
        <label htmlFor={countryId} className="label">
          Country
        </label>
        <select
          id={countryId}
          name={countryField}
          defaultValue={values[countryField] ?? ""}
          required
          autoComplete={`${section} country`}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? `${countryId}-error` : undefined}
          className="input"
        >
          <option value="" disabled>
            Choose a country
          </option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {countryError ? (
          <p id={`${countryId}-error`} className="mt-1 text-sm text-red-700">
            {countryError}
          </p>
        ) : null}
      </div>
      <div className="sm:col-span-2">{field("phone", "Phone", { autoComplete: "tel", type: "tel", optional: true })}</div>
    </div>
  );
}
