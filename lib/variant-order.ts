/**
 * Medusa lists variants in creation order, which for sizes is often S, L, M. Shoppers expect the
 * size ladder; titles that are not clothing sizes keep their order.
 */
const SIZE_LADDER = ["XXXS", "XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "3XL", "4XL"];

function sizeRank(title: string | null | undefined): number {
  return SIZE_LADDER.indexOf((title ?? "").trim().toUpperCase());
}

export function sortBySize<T extends { title?: string | null }>(variants: readonly T[]): T[] {
  if (!variants.every((variant) => sizeRank(variant.title) >= 0)) return [...variants];
  return [...variants].sort((a, b) => sizeRank(a.title) - sizeRank(b.title));
}
