import { describe, expect, it, vi } from "vitest";

// cookies.ts is server code; its pure parts are tested without Next's request scope.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ cookies: vi.fn(), headers: vi.fn() }));
const { cookieOptionsFor } = await import("./cookies");
const { looksLikeId } = await import("./ids");
const isCartId = (value: string) => looksLikeId(value, "cart");

describe("storefront cookies", () => {
  it("are HttpOnly, SameSite=Lax and Secure on any real host", () => {
    expect(cookieOptionsFor("shop.example.com", 60)).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 60 });
    expect(cookieOptionsFor("shop.example.com:443", 60).secure).toBe(true);
    // A look-alike host must not switch Secure off.
    expect(cookieOptionsFor("localhost.evil.com", 60).secure).toBe(true);
  });

  it("leave out Secure only for the plain-http demo on this machine", () => {
    expect(cookieOptionsFor("localhost:3000", 60).secure).toBe(false);
    expect(cookieOptionsFor("127.0.0.1:3000", 60).secure).toBe(false);
  });

  it("accept only a Medusa cart id as the cart cookie", () => {
    expect(isCartId("cart_01M84JJGGQYDFYGW95C23HXX5G")).toBe(true);
    for (const bad of ["", "garbage", "cart_", "cart_../../admin", "order_01M84JJGGQYDFYGW95C23HXX5G", "cart_01M84<script>"]) {
      expect(isCartId(bad)).toBe(false);
    }
  });
});
