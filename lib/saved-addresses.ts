import { ADDRESS_FIELDS, type AddressField, type AddressKind, fieldName } from "./address-fields";

/**
 * The customer's address book as the forms use it: a saved address shown as a choice, turned into a form's values,
 * and whether an address is in the book already. Pure and browser-safe (no schema library), unit-tested beside it.
 */

/** An address as Medusa keeps it (saved in the book or on a cart): any field may be null or absent. */
export type AddressValues = Partial<Record<AddressField, string | null>>;

export interface SavedAddress extends AddressValues {
  id: string;
  is_default_shipping?: boolean | null;
}

/** A saved address offered at checkout: its id, a one-line description, and the values it puts in the form. */
export interface SavedAddressChoice {
  id: string;
  label: string;
  values: Record<string, string>;
}

function normalised(value: string | null | undefined, field: AddressField): string {
  const trimmed = (value ?? "").trim().replace(/\s+/g, " ");
  return field === "country_code" ? trimmed.toLowerCase() : trimmed;
}

/** The same address: every field equal, ignoring spaces around and within, and the country code's case. */
export function sameAddress(a: AddressValues | null | undefined, b: AddressValues | null | undefined): boolean {
  return ADDRESS_FIELDS.every((field) => normalised(a?.[field], field) === normalised(b?.[field], field));
}

/** The saved address this one already is, if any (so saving it again would only make a duplicate). */
export function findInAddressBook<T extends AddressValues>(address: AddressValues, book: readonly T[]): T | undefined {
  return book.find((saved) => sameAddress(address, saved));
}

/** A saved address as the values of a form whose fields are named by `nameOf` (e.g. "shipping_city"). */
export function toFormValues(address: AddressValues, nameOf: (field: AddressField) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = address[field] ?? "";
    values[nameOf(field)] = field === "country_code" ? value.toLowerCase() : value;
  }
  return values;
}

/** The same, for the checkout form's shipping or billing fields. */
export function toCheckoutFormValues(address: AddressValues, kind: AddressKind): Record<string, string> {
  return toFormValues(address, (field) => fieldName(kind, field));
}

/** One line that tells saved addresses apart: "Ada Lovelace, Unter den Linden 1, 10117 Berlin, DE". */
export function describeAddress(address: AddressValues): string {
  const name = [address.first_name, address.last_name].map((part) => part?.trim()).filter(Boolean).join(" ");
  const place = [address.postal_code, address.city].map((part) => part?.trim()).filter(Boolean).join(" ");
  return [name, address.company, address.address_1, address.address_2, place, address.country_code?.toUpperCase()]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(", ");
}

/** What Medusa's address book takes to create or update an address: the address fields only, unset ones empty. */
export function toAddressBookPayload(address: AddressValues): Record<AddressField, string> {
  const payload = {} as Record<AddressField, string>;
  for (const field of ADDRESS_FIELDS) payload[field] = normalised(address[field], field);
  return payload;
}

/**
 * The saved addresses the checkout can ship to (the cart's region decides the countries), as choices; and which one
 * is chosen: the one the cart's shipping address already is, or, while the cart has no address, the default shipping
 * address (else the first), to start the form from.
 */
export function checkoutChoices(
  book: readonly SavedAddress[],
  shipsTo: readonly string[],
  cartAddress: AddressValues | null | undefined,
): { choices: SavedAddressChoice[]; selectedId: string | null } {
  const shippable = book.filter((address) => shipsTo.includes((address.country_code ?? "").toLowerCase()));
  const choices = shippable.map((address) => ({
    id: address.id,
    label: describeAddress(address),
    values: toCheckoutFormValues(address, "shipping"),
  }));
  if (cartAddress?.address_1) return { choices, selectedId: findInAddressBook(cartAddress, shippable)?.id ?? null };
  const start = shippable.find((address) => address.is_default_shipping) ?? shippable[0];
  return { choices, selectedId: start?.id ?? null };
}
