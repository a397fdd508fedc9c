/**
 * The address form's field names, shared by the form in the browser and the action that reads it. Kept apart from
 * the validation (lib/address-form.ts) so that the browser bundle does not carry the schema library.
 */

export type AddressKind = "shipping" | "billing";

export const ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "province",
  "country_code",
  "phone",
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];

/** The form's name for a field, e.g. "shipping_city". */
export function fieldName(kind: AddressKind, field: AddressField): string {
  return `${kind}_${field}`;
}

/** The checkout form's box a signed-in customer ticks to keep a new shipping address in their address book. */
export const SAVE_TO_ADDRESS_BOOK_FIELD = "save_to_address_book";

/** The checkout form's choice among the customer's saved addresses (not sent to Medusa: it only fills the fields). */
export const SAVED_ADDRESS_CHOICE_FIELD = "saved_address";
