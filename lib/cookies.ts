import "server-only";
import { cookies, headers } from "next/headers";
import { readCustomerToken } from "./customer-token";
import { looksLikeId } from "./ids";

const CART_COOKIE = "cart_id";
const COUNTRY_COOKIE = "country";
/**
 * The signed-in customer's Medusa token. Only the server reads it (HttpOnly): the browser never holds it in script
 * reach or storage, and the server hands it to Medusa per request (lib/account.ts).
 */
const CUSTOMER_TOKEN_COOKIE = "customer_session";

const THIRTY_DAYS = 60 * 60 * 24 * 30;
const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Secure everywhere except a plain-http demo on this machine (browsers drop Secure cookies sent
 * over http to other hosts, and some do so for localhost too). SameSite=Lax, not Strict: the
 * shopper must still have the cart when a bank's 3-D Secure page sends them back.
 */
async function cookieOptions(maxAge: number) {
  return cookieOptionsFor((await headers()).get("host") ?? "", maxAge);
}

/** Pure, for the unit test: the flags every storefront cookie gets on a given host. */
export function cookieOptionsFor(host: string, maxAge: number) {
  const isLocalDemo = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return { httpOnly: true, sameSite: "lax" as const, secure: !isLocalDemo, path: "/", maxAge };
}

/**
 * The cart id from the cookie, or null when there is none or it is not a Medusa cart id: a tampered or corrupt
 * cookie means "no cart yet" (a fresh one starts), never a request to Medusa with garbage in its path.
 */
export async function readCartId(): Promise<string | null> {
  const value = (await cookies()).get(CART_COOKIE)?.value ?? null;
  return looksLikeId(value, "cart") ? value : null;
}

export async function writeCartId(cartId: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, cartId, await cookieOptions(THIRTY_DAYS));
}

export async function clearCartId(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

export async function readCountryCookie(): Promise<string | null> {
  return (await cookies()).get(COUNTRY_COOKIE)?.value ?? null;
}

export async function writeCountryCookie(countryCode: string): Promise<void> {
  (await cookies()).set(COUNTRY_COOKIE, countryCode, await cookieOptions(ONE_YEAR));
}

/**
 * The signed-in customer's token, or null for a guest (no cookie, or one that is not a customer's token). Its
 * signature and expiry are Medusa's to check, on the request it is sent with; reading it here makes no request.
 */
export async function readCustomerTokenCookie(): Promise<string | null> {
  const value = (await cookies()).get(CUSTOMER_TOKEN_COOKIE)?.value ?? null;
  return value && readCustomerToken(value)?.actorId ? value : null;
}

/** The signed-in customer's id, read from their token (no request), or null for a guest. */
export async function readViewerCustomerId(): Promise<string | null> {
  const token = await readCustomerTokenCookie();
  return token ? (readCustomerToken(token)?.actorId ?? null) : null;
}

export async function writeCustomerTokenCookie(token: string, maxAge: number): Promise<void> {
  (await cookies()).set(CUSTOMER_TOKEN_COOKIE, token, await cookieOptions(maxAge));
}

export async function clearCustomerTokenCookie(): Promise<void> {
  (await cookies()).delete(CUSTOMER_TOKEN_COOKIE);
}
