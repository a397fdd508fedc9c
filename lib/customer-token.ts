/**
 * What the storefront reads from a Medusa customer token (a JWT) without verifying it: Medusa verifies it on every
 * request it is sent with. The storefront only needs to know whether it names a customer account at all and how long
 * to keep it. Pure; unit-tested next to it.
 */

export interface CustomerTokenClaims {
  /** The customer's id; "" for a sign-in whose identity has no customer account (e.g. a sign-up cut short). */
  actorId: string;
  /** When Medusa stops accepting it (Unix seconds), if the token says. */
  expiresAt: number | null;
}

/** Medusa issues tokens for a day unless `http.jwtExpiresIn` says otherwise. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 60 * 60 * 24;
/** Never keep a cookie longer than this, whatever the token claims. */
const MAX_TOKEN_LIFETIME_SECONDS = 60 * 60 * 24 * 30;

/** The claims of a customer token, or null when it is not a JWT issued for a customer. */
export function readCustomerToken(token: string): CustomerTokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null) return null;
  const claims = payload as Record<string, unknown>;
  if (claims.actor_type !== "customer") return null;
  return {
    actorId: typeof claims.actor_id === "string" ? claims.actor_id : "",
    expiresAt: typeof claims.exp === "number" && Number.isFinite(claims.exp) ? claims.exp : null,
  };
}

/** How long (seconds) the cookie holding the token should live: until the token expires, within sane bounds. */
export function tokenCookieMaxAge(claims: CustomerTokenClaims, nowMs: number): number {
  if (claims.expiresAt === null) return DEFAULT_TOKEN_LIFETIME_SECONDS;
  const remaining = Math.floor(claims.expiresAt - nowMs / 1000);
  return Math.min(Math.max(remaining, 0), MAX_TOKEN_LIFETIME_SECONDS);
}
