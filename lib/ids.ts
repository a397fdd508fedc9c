/**
 * Medusa's ids are a prefix and a ULID (`order_01M8…`, `pay_col_01M8…`). Ids arrive from URLs, cookies and forms a
 * shopper can edit; anything else is not worth a request, and never reaches a backend URL path. The one check of
 * what an id looks like: links, the cart cookie and every server action's input use it.
 */
export type IdPrefix = "order" | "pay_col" | "cart" | "variant" | "cali" | "so" | "cuaddr";

export function looksLikeId(value: string | null | undefined, prefix: IdPrefix): value is string {
  return typeof value === "string" && value.startsWith(`${prefix}_`) && /^[0-9A-Za-z]{10,40}$/.test(value.slice(prefix.length + 1));
}

/**
 * The id of a record linked to another, read with `fields: "<relation>.id"`: the store API answers such links (a cart's
 * customer, an order's cart) though Medusa's store types do not declare them. Null when absent.
 */
export function linkedId(record: object, relation: string): string | null {
  const linked: unknown = Reflect.get(record, relation);
  if (typeof linked !== "object" || linked === null) return null;
  const id: unknown = Reflect.get(linked, "id");
  return typeof id === "string" ? id : null;
}
