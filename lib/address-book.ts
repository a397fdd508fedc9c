import "server-only";
import type { HttpTypes } from "@medusajs/types";
import { refresh } from "next/cache";
import { cache } from "react";
import { ACCOUNT_MESSAGES } from "./account";
import { failure } from "./action-result";
import { parseAddressBookForm } from "./address-form";
import { readCustomerTokenCookie } from "./cookies";
import { describeBackendError, httpStatusOf } from "./errors";
import { type FormState, formValues, readField } from "./form";
import { looksLikeId } from "./ids";
import { customerHeaders, medusa } from "./medusa";
import { getCountryChoices } from "./region";
import { type AddressValues, type SavedAddress, findInAddressBook, toAddressBookPayload } from "./saved-addresses";

/**
 * The signed-in customer's address book (Medusa's customer addresses): reading it, adding, changing and removing an
 * address from the account page, and keeping an address typed at checkout. Every call carries the customer's own
 * token from the HttpOnly cookie, so Medusa answers for that customer only; an address id that arrives from a form is
 * acted on only when it is one of the addresses Medusa lists for this customer.
 */

export const ADDRESS_BOOK_MESSAGES = {
  notFound: "We could not find that address in your account. It may have been removed already.",
  added: "Address saved.",
  updated: "Address updated.",
  deleted: "Address removed.",
  alreadySaved: "That address is already in your address book.",
  fixFields: "Please correct the marked fields.",
} as const;

const ADDRESS_LIST_FIELDS =
  "id,first_name,last_name,company,address_1,address_2,postal_code,city,province,country_code,phone,is_default_shipping";
/** More than anyone keeps; the account page and the checkout show them all. */
const ADDRESS_BOOK_LIMIT = 50;

export type CustomerAddress = HttpTypes.StoreCustomerAddress;

async function customerAuth() {
  return customerHeaders(await readCustomerTokenCookie());
}

type CustomerAuth = NonNullable<Awaited<ReturnType<typeof customerAuth>>>;

async function listAddresses(auth: CustomerAuth): Promise<SavedAddress[]> {
  const { addresses } = await medusa().store.customer.listAddress(
    { fields: ADDRESS_LIST_FIELDS, limit: ADDRESS_BOOK_LIMIT, order: "created_at" },
    auth,
  );
  return addresses;
}

/** The signed-in customer's saved addresses, oldest first; none for a guest or a token Medusa no longer accepts. */
export const getSavedAddresses = cache(async (): Promise<SavedAddress[]> => {
  const auth = await customerAuth();
  if (!auth) return [];
  try {
    return await listAddresses(auth);
  } catch (error) {
    if (httpStatusOf(error) === 401) return [];
    throw error;
  }
});

async function shippingCountryCodes(): Promise<string[]> {
  return (await getCountryChoices()).map((country) => country.code.toLowerCase());
}

/**
 * Reads the account page's address form for the signed-in customer: their auth and the address, or the answer that
 * sends the form back with what is wrong (not signed in, or the fields to fix).
 */
async function readAddressForm(formData: FormData): Promise<{ auth: CustomerAuth; address: AddressValues } | { refused: FormState }> {
  const values = formValues(formData);
  const auth = await customerAuth();
  if (!auth) return { refused: { ...failure(ACCOUNT_MESSAGES.notSignedIn), values } };
  const { address, fieldErrors } = parseAddressBookForm(formData, await shippingCountryCodes());
  if (!address) return { refused: { ...failure(ADDRESS_BOOK_MESSAGES.fixFields), fieldErrors, values } };
  return { auth, address };
}

/** Server action (account page): adds an address to the book; one that is there already is not added twice. */
export async function addSavedAddress(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const read = await readAddressForm(formData);
  if ("refused" in read) return read.refused;
  const { auth, address } = read;
  try {
    if (findInAddressBook(address, await listAddresses(auth))) return { ok: true, notice: ADDRESS_BOOK_MESSAGES.alreadySaved };
    await medusa().store.customer.createAddress(toAddressBookPayload(address), { fields: "id" }, auth);
  } catch (error) {
    console.error("addSavedAddress failed", error);
    return { ...failure(describeAddressBookError(error)), values: formValues(formData) };
  }
  refresh();
  return { ok: true, notice: ADDRESS_BOOK_MESSAGES.added };
}

/**
 * The id of one of the signed-in customer's own addresses, named by the form's `address_id`, or null. Another
 * customer's id (or anything else) is answered exactly as an address that does not exist.
 */
function ownAddressId(formData: FormData, book: readonly SavedAddress[]): string | null {
  const id = readField(formData, "address_id");
  if (!looksLikeId(id, "cuaddr")) return null;
  return book.some((address) => address.id === id) ? id : null;
}

/** Server action (account page): changes one of the customer's saved addresses. */
export async function updateSavedAddress(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const read = await readAddressForm(formData);
  if ("refused" in read) return read.refused;
  const { auth, address } = read;
  const values = formValues(formData);
  try {
    const book = await listAddresses(auth);
    const id = ownAddressId(formData, book);
    if (!id) return { ...failure(ADDRESS_BOOK_MESSAGES.notFound), values };
    const twin = findInAddressBook(address, book);
    if (twin && twin.id !== id) return { ...failure(ADDRESS_BOOK_MESSAGES.alreadySaved), values };
    if (!twin) await medusa().store.customer.updateAddress(id, toAddressBookPayload(address), { fields: "id" }, auth);
  } catch (error) {
    console.error("updateSavedAddress failed", error);
    return { ...failure(describeAddressBookError(error)), values };
  }
  refresh();
  return { ok: true, notice: ADDRESS_BOOK_MESSAGES.updated };
}

/** Server action (account page): removes one of the customer's saved addresses. */
export async function deleteSavedAddress(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const auth = await customerAuth();
  if (!auth) return failure(ACCOUNT_MESSAGES.notSignedIn);
  try {
    const id = ownAddressId(formData, await listAddresses(auth));
    if (!id) return failure(ADDRESS_BOOK_MESSAGES.notFound);
    await medusa().store.customer.deleteAddress(id, auth);
  } catch (error) {
    console.error("deleteSavedAddress failed", error);
    return failure(describeAddressBookError(error));
  }
  refresh();
  return { ok: true, notice: ADDRESS_BOOK_MESSAGES.deleted };
}

function describeAddressBookError(error: unknown): string {
  const status = httpStatusOf(error);
  if (status === 401) return ACCOUNT_MESSAGES.notSignedIn;
  if (status === 404) return ADDRESS_BOOK_MESSAGES.notFound;
  return describeBackendError(error);
}

/**
 * Keeps an address the signed-in customer typed at checkout (they ticked "Save this address to my account"), unless
 * the book holds it already. Not a server action: the checkout's own action calls it once the cart holds the address.
 * The order matters more than the book: a failure is logged and the checkout goes on.
 */
export async function keepCheckoutAddress(address: AddressValues): Promise<void> {
  const auth = await customerAuth();
  if (!auth) return;
  try {
    if (findInAddressBook(address, await listAddresses(auth))) return;
    await medusa().store.customer.createAddress(toAddressBookPayload(address), { fields: "id" }, auth);
  } catch (error) {
    console.error("saving the checkout's address to the address book failed", error);
  }
}
