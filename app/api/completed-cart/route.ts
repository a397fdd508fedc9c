import { forgetCompletedCart } from "@/lib/cart";

/** The order confirmation, once on screen: forget the cart that became the order (see `forgetCompletedCart`). */
export async function DELETE(request: Request): Promise<Response> {
  await forgetCompletedCart(new URL(request.url).searchParams.get("cart") ?? "");
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
