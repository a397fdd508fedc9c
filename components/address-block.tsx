export interface AddressLike {
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  postal_code?: string | null;
  city?: string | null;
  province?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

function countryName(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** A postal address as it would be written on a parcel. */
export function AddressBlock({ address }: { address: AddressLike | null | undefined }) {
  if (!address) return <p className="text-sm text-neutral-500">—</p>;
  const lines = [
    [address.first_name, address.last_name].filter(Boolean).join(" "),
    address.company,
    address.address_1,
    address.address_2,
    [address.postal_code, address.city].filter(Boolean).join(" "),
    [address.province, countryName(address.country_code)].filter(Boolean).join(", "),
    address.phone,
  ].filter((line): line is string => Boolean(line));
  return (
    <address className="text-sm leading-6 text-neutral-700 not-italic">
      {lines.map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
