import { AddressForm } from "@/components/address-form";
import { ADDRESS_FIELDS, fieldName } from "@/lib/address-form";
import type { Cart } from "@/lib/cart";
import { saveContactAndAddresses } from "@/lib/checkout";
import { getCountryChoices, getCurrentCountry } from "@/lib/region";

/** Step 1: contact and addresses, prefilled from the cart (and the header's country when the region ships there). */
export async function AddressStep({ cart }: { cart: Cart }) {
  const allCountries = await getCountryChoices();
  const shippingCountries = (cart.region?.countries ?? [])
    .flatMap((country) => (country.iso_2 ? [{ code: country.iso_2, name: country.display_name ?? country.iso_2 }] : []))
    .sort((a, b) => a.name.localeCompare(b.name));

  const initialValues: Record<string, string> = { email: cart.email ?? "" };
  for (const field of ADDRESS_FIELDS) {
    initialValues[fieldName("shipping", field)] = cart.shipping_address?.[field] ?? "";
    initialValues[fieldName("billing", field)] = cart.billing_address?.[field] ?? "";
  }
  // Start from the country the shopper chose in the header, when the cart's region ships there.
  if (!initialValues.shipping_country_code) {
    const current = (await getCurrentCountry()).code;
    if (shippingCountries.some((country) => country.code === current)) initialValues.shipping_country_code = current;
  }
  const billingSame =
    !cart.billing_address ||
    ADDRESS_FIELDS.every((field) => (cart.billing_address?.[field] ?? "") === (cart.shipping_address?.[field] ?? ""));

  return (
    <AddressForm
      action={saveContactAndAddresses}
      shippingCountries={shippingCountries}
      billingCountries={allCountries.map(({ code, name }) => ({ code, name }))}
      initialValues={initialValues}
      initialBillingSame={billingSame}
    />
  );
}
