import { AddressBlock } from "@/components/address-block";
import { ADDRESS_FIELDS, fieldName } from "@/lib/address-fields";
import type { Cart } from "@/lib/cart";
import { saveContactAndAddresses } from "@/lib/checkout";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";
import { AddressEditor } from "./address-editor";
import { SECTION_HEADING_IDS } from "./checkout-section";

/**
 * Contact and addresses: the form, prefilled from the cart (and the header's country when the region ships there),
 * or, once saved, what the cart holds with a way to change it.
 */
export async function AddressSection({ cart, saved }: { cart: Cart; saved: boolean }) {
  const [allCountries, current] = await Promise.all([getCountryChoices(), getCurrentCountry()]);
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
  const billingSame =
    !cart.billing_address ||
    ADDRESS_FIELDS.every((field) => (cart.billing_address?.[field] ?? "") === (cart.shipping_address?.[field] ?? ""));

  return (
    <AddressEditor
      saved={saved}
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
      }}
    />
  );
}
