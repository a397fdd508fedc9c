import { forgetCompletedCart } from "@/lib/cart";

/** The order confirmation, once on screen: forget the cart that became the order (see `forgetCompletedCart`). */
export async function DELETE(): Promise<Response> {
  const result = await forgetCompletedCart();
  return Response.json(result, { status: result.ok ? 200 : 502, headers: { "Cache-Control": "no-store" } });
}
