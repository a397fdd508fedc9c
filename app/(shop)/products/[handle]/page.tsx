import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductImage } from "@/components/product-image";
import { VariantPicker } from "@/components/variant-picker";
import { addToCart } from "@/lib/cart";
import { formatMoney } from "@/lib/money";
import { getProductByHandle, isInStock } from "@/lib/products";
import { getCurrentCountry } from "@/lib/region";
import { sortBySize } from "@/lib/variant-order";

interface ProductPageProps {
  params: Promise<{ handle: string }>;
}

async function loadProduct(params: ProductPageProps["params"]) {
  const { handle } = await params;
  const country = await getCurrentCountry();
  return getProductByHandle(handle, country.regionId);
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await loadProduct(params);
  return { title: product?.title ?? "Product not found" };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const product = await loadProduct(params);
  if (!product) notFound();

  const variants = sortBySize(product.variants ?? []).map((variant) => {
    const price = variant.calculated_price;
    return {
      id: variant.id,
      label: variant.title ?? "Default",
      priceLabel:
        typeof price?.calculated_amount === "number" && price.currency_code
          ? formatMoney(price.calculated_amount, price.currency_code)
          : "Not available in your region",
      inStock: isInStock(variant) && typeof price?.calculated_amount === "number",
    };
  });
  const optionTitle = product.options?.length === 1 ? (product.options[0]?.title ?? "Option") : "Variant";

  return (
    <div className="grid gap-8 md:grid-cols-2 md:gap-12">
      <ProductImage
        src={product.thumbnail}
        name={product.title}
        sizes="(min-width: 1152px) 528px, (min-width: 768px) calc((100vw - 96px) / 2), (min-width: 640px) calc(100vw - 48px), calc(100vw - 32px)"
        priority
      />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{product.title}</h1>
        {product.subtitle ? <p className="mt-1 text-neutral-600">{product.subtitle}</p> : null}
        <div className="mt-6">
          <VariantPicker optionTitle={optionTitle} variants={variants} action={addToCart} />
        </div>
        {product.description ? (
          <div className="mt-10 border-t border-neutral-200 pt-6">
            <h2 className="text-sm font-medium">Details</h2>
            <p className="mt-2 text-sm leading-6 whitespace-pre-line text-neutral-600">{product.description}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
