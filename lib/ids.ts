/**
 * Medusa's ids are a prefix and a ULID (`order_01M8…`, `pay_col_01M8…`). Ids arrive here from URLs a
 * shopper can edit; anything else is not worth a request, and never reaches a backend URL path.
 */
export function looksLikeId(value: string | null | undefined, prefix: "order" | "pay_col"): value is string {
  return typeof value === "string" && new RegExp(`^${prefix}_[A-Za-z0-9]{10,40}$`).test(value);
}
