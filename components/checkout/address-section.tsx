import Link from "next/link";
import { AddressBlock } from "@/components/address-block";
import { hasCustomerSession } from "@/lib/account";
import { ADDRESS_FIELDS, fieldName } from "@/lib/address-fields";
import type { Cart } from "@/lib/cart";
import { saveContactAhead, saveContactAndAddresses } from "@/lib/checkout";
import { CHECKOUT_PATH, accountPath } from "@/lib/paths";
import { getSavedAddresses } from "@/lib/address-book";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";
import { checkoutChoices } from "@/lib/saved-addresses";
import { AddressEditor } from "./address-editor";
import { SECTION_HEADING_IDS } from "./checkout-section";

/**
 * Contact and addresses: the form, prefilled from the cart (and the header's country when the region ships there),
 * or, once saved, what the cart holds with a way to change it.
 */
export async function AddressSection({ cart, saved }: { cart: Cart; saved: boolean }) {
  // Signed in or not is read from the cookie: a guest's checkout makes no request to Medusa for it.
  const [allCountries, current, signedIn] = await Promise.all([getCountryChoices(), getCurrentCountry(), hasCustomerSession()]);
  // Only a signed-in customer's checkout asks Medusa for an address book; without it the form still works.
  const book = signedIn
    ? await getSavedAddresses().catch((error: unknown) => {
        console.error("reading the address book for the checkout failed", error);
        return [];
      })
    : [];
  const shippingCountries = (cart.region?.countries ?? [])
    .flatMap((country) => (country.iso_2 ? [{ code: country.iso_2, name: country.display_name ?? country.iso_2 }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));

  const initialValues: Record<string, string> = { email: cart.email ?? "" };
  for (const field of ADDRESS_FIELDS) {
    initialValues[fieldName("shipping", field)] = cart.shipping_address?.[field] ?? "";
    initialValues[fieldName("billing", field)] = cart.billing_address?.[field] ?? "";
  }
  if (!initialValues.shipping_country_code && shippingCountries.some((country) => country.code === current.code)) {
    initialValues.shipping_country_code = current.code;
  }
  const addressBook = checkoutChoices(
    book,
    shippingCountries.map((country) => country.code.toLowerCase()),
    cart.shipping_address,
  );
  const startingChoice = cart.shipping_address?.address_1 ? undefined : addressBook.choices.find((choice) => choice.id === addressBook.selectedId);
  if (startingChoice) Object.assign(initialValues, startingChoice.values);
  const billingSame =
    !cart.billing_address ||
    ADDRESS_FIELDS.every((field) => (cart.billing_address?.[field] ?? "") === (cart.shipping_address?.[field] ?? ""));

  return (
    <>
      {signedIn ? (
        <p className="mb-4 text-sm text-neutral-600">You are signed in: this order will be saved to your account.</p>
      ) : (
        <p className="mb-2 text-sm text-neutral-600">
          Have an account?{" "}
          <Link href={accountPath({ next: CHECKOUT_PATH })} prefetch={false} className="link inline-flex min-h-11 items-center">
            Sign in
          </Link>{" "}
          <span className="text-neutral-500">or continue as a guest.</span>
        </p>
      )}
      <AddressEditor
        saved={saved}
        saveAhead={saveContactAhead}
        summary={
          <div className="grid gap-4 text-sm sm:grid-cols-3">
            <div className="min-w-0">
              <h3 className="mb-1 font-medium">Contact</h3>
              <p className="break-words text-neutral-700">{cart.email}</p>
            </div>
            <div>
              <h3 className="mb-1 font-medium">Shipping address</h3>
              <AddressBlock address={cart.shipping_address} />
            </div>
            <div>
              <h3 className="mb-1 font-medium">Billing address</h3>
              {billingSame ? <p className="text-neutral-700">Same as shipping</p> : <AddressBlock address={cart.billing_address} />}
            </div>
          </div>
        }
        form={{
          action: saveContactAndAddresses,
          shippingCountries,
          billingCountries: allCountries.map(({ code, name }) => ({ code, name })),
          initialValues,
          initialBillingSame: billingSame,
          focusAfterSave: SECTION_HEADING_IDS.delivery,
          savedAddresses: addressBook.choices,
          initialSavedAddressId: addressBook.selectedId ?? "",
          offerSaveToAccount: signedIn,
        }}
      />
    </>
  );
}
