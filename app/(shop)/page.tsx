import Link from "next/link";
import { ProductImage } from "@/components/product-image";
import { formatMoney } from "@/lib/money";
import { listProducts, lowestPrice } from "@/lib/products";
import { getCurrentCountry } from "@/lib/region";

export default async function HomePage() {
  const country = await getCurrentCountry();
  const products = await listProducts(country.regionId);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">All products</h1>
      <p className="mt-2 text-sm text-neutral-600">Prices in {country.currencyCode.toUpperCase()} for {country.name}.</p>
      {products.length === 0 ? (
        <p className="mt-10 text-neutral-600">There are no products for sale in your region yet.</p>
      ) : (
        <ul className="mt-8 grid grid-cols-2 gap-x-4 gap-y-8 sm:gap-x-6 lg:grid-cols-4">
          {products.map((product) => {
            const price = lowestPrice(product);
            return (
              <li key={product.id}>
                <Link href={`/products/${product.handle}`} prefetch={false} className="group block">
                  <ProductImage
                    src={product.thumbnail}
                    name={product.title}
                    decorative
                    sizes="(min-width: 1152px) 258px, (min-width: 1024px) calc((100vw - 120px) / 4), (min-width: 640px) calc((100vw - 72px) / 2), calc((100vw - 48px) / 2)"
                  />
                  <h2 className="mt-3 text-sm font-medium group-hover:underline">{product.title}</h2>
                  <p className="mt-1 text-sm text-neutral-600">
                    {price ? `From ${formatMoney(price.amount, price.currencyCode)}` : "Not available in your region"}
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
