import type { HttpTypes } from "@medusajs/types";
import { ADDRESS_FIELDS, type AddressField, type AddressKind, fieldName } from "./address-fields";
import { readField } from "./form";
import { MAX_ADDRESS_FIELD, emailSchema, text } from "./validation";

const ADDRESS_TEXT = text(MAX_ADDRESS_FIELD, "This field");

/**
 * The contact-and-address form: validation and the payload Medusa's cart update
 * takes. Pure, so the rules are unit-tested and the server action stays a few lines.
 */

const REQUIRED: Partial<Record<AddressField, string>> = {
  first_name: "Enter a first name.",
  last_name: "Enter a last name.",
  address_1: "Enter a street and house number.",
  postal_code: "Enter a postal code.",
  city: "Enter a city.",
  country_code: "Choose a country.",
};

export interface AddressFormResult {
  fieldErrors: Record<string, string>;
  payload: { email: string; shipping_address: HttpTypes.StoreAddAddress; billing_address: HttpTypes.StoreAddAddress } | null;
}

// Deliberately loose: the shopper's mail server is the real judge; this only catches typos.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readAddress(
  formData: FormData,
  nameOf: (field: AddressField) => string,
  countryCodes: readonly string[],
  fieldErrors: Record<string, string>,
): HttpTypes.StoreAddAddress {
  const address: Record<string, string> = {};
  for (const field of ADDRESS_FIELDS) {
    const value = readField(formData, nameOf(field));
    const requiredMessage = REQUIRED[field];
    if (requiredMessage && value === "") fieldErrors[nameOf(field)] = requiredMessage;
    // Over-long or binary input posted straight at the action (not through our form) gets a sentence too.
    const checked = ADDRESS_TEXT.safeParse(value);
    if (!checked.success) fieldErrors[nameOf(field)] = checked.error.issues[0]?.message ?? "Please check this field.";
    if (value !== "") address[field] = field === "country_code" ? value.toLowerCase() : value;
  }
  const country = address.country_code;
  if (country && !countryCodes.includes(country)) {
    fieldErrors[nameOf("country_code")] = "We do not ship to this country from your region.";
  }
  return address;
}

const checkoutNames = (kind: AddressKind) => (field: AddressField) => fieldName(kind, field);

/**
 * Validates the submitted form. `countryCodes` are the countries of the cart's region: Medusa
 * refuses an address outside it, so we say so next to the field instead of after a round trip.
 */
export function parseAddressForm(formData: FormData, countryCodes: readonly string[]): AddressFormResult {
  const fieldErrors: Record<string, string> = {};
  const email = readField(formData, "email");
  const checkedEmail = emailSchema.safeParse(email);
  if (!checkedEmail.success || !EMAIL.test(email)) {
    fieldErrors.email = checkedEmail.error?.issues[0]?.message ?? "Enter a valid email address, like name@example.com.";
  }
  const shipping = readAddress(formData, checkoutNames("shipping"), countryCodes, fieldErrors);
  const billingSame = readField(formData, "billing_same") === "on";
  // Billing is only checked against required fields, not the region: it may be anywhere.
  const billing = billingSame ? shipping : readAddress(formData, checkoutNames("billing"), [], fieldErrors);
  if (!billingSame) delete fieldErrors[fieldName("billing", "country_code")];
  if (!billingSame && !billing.country_code) fieldErrors[fieldName("billing", "country_code")] = "Choose a country.";
  const valid = Object.keys(fieldErrors).length === 0;
  return {
    fieldErrors,
    payload: valid ? { email, shipping_address: shipping, billing_address: billing } : null,
  };
}

/**
 * An address for the customer's address book (the account page's form, fields named as Medusa names them): the same
 * rules as the checkout's shipping address, in any country the shop ships to.
 */
export function parseAddressBookForm(
  formData: FormData,
  countryCodes: readonly string[],
): { fieldErrors: Record<string, string>; address: HttpTypes.StoreAddAddress | null } {
  const fieldErrors: Record<string, string> = {};
  const address = readAddress(formData, (field) => field, countryCodes, fieldErrors);
  if (fieldErrors.country_code && address.country_code) fieldErrors.country_code = "We do not ship to this country.";
  return { fieldErrors, address: Object.keys(fieldErrors).length === 0 ? address : null };
}

type SavedAddress = Partial<Record<AddressField, string | null>> | null | undefined;

/** What the cart holds of the form's contents, as Medusa returns it (an unset field is null or absent). */
export interface CartContact {
  email?: string | null;
  shipping_address?: SavedAddress;
  billing_address?: SavedAddress;
}

function sameAddress(wanted: HttpTypes.StoreAddAddress, saved: SavedAddress): boolean {
  const values: SavedAddress = wanted;
  return ADDRESS_FIELDS.every((field) => (values?.[field] ?? "") === (saved?.[field] ?? ""));
}

/**
 * The cart holds exactly this contact and these addresses already: saving them again would change nothing (the
 * form saved them while the shopper was still on it).
 */
export function cartHoldsContact(payload: NonNullable<AddressFormResult["payload"]>, cart: CartContact): boolean {
  return (
    payload.email === (cart.email ?? "") &&
    sameAddress(payload.shipping_address, cart.shipping_address) &&
    sameAddress(payload.billing_address, cart.billing_address)
  );
}
