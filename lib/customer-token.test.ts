import { describe, expect, it } from "vitest";
import { readCustomerToken, tokenCookieMaxAge } from "./customer-token";

/** A token shaped like Medusa's (the signature is not checked here; Medusa checks it). */
function jwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe("readCustomerToken", () => {
  it("reads the customer id and expiry of a customer token", () => {
    const token = jwt({ actor_id: "cus_01JABC", actor_type: "customer", auth_identity_id: "authid_1", exp: 1_900_000_000 });
    expect(readCustomerToken(token)).toEqual({ actorId: "cus_01JABC", expiresAt: 1_900_000_000 });
  });

  it("gives an empty customer id when the identity has no customer account yet", () => {
    expect(readCustomerToken(jwt({ actor_id: "", actor_type: "customer" }))).toEqual({ actorId: "", expiresAt: null });
  });

  it("refuses anything that is not a customer's JWT", () => {
    expect(readCustomerToken(jwt({ actor_id: "user_1", actor_type: "user" }))).toBeNull();
    for (const bad of ["", "abc", "a.b", "a.b.c.d", "a.%%%.c", `x.${Buffer.from("not json").toString("base64url")}.y`]) {
      expect(readCustomerToken(bad)).toBeNull();
    }
  });
});

describe("tokenCookieMaxAge", () => {
  const now = 1_800_000_000_000;

  it("keeps the cookie until the token expires", () => {
    expect(tokenCookieMaxAge({ actorId: "cus_1", expiresAt: now / 1000 + 3600 }, now)).toBe(3600);
  });

  it("is a day when the token does not say, never negative, never more than 30 days", () => {
    expect(tokenCookieMaxAge({ actorId: "cus_1", expiresAt: null }, now)).toBe(86_400);
    expect(tokenCookieMaxAge({ actorId: "cus_1", expiresAt: now / 1000 - 10 }, now)).toBe(0);
    expect(tokenCookieMaxAge({ actorId: "cus_1", expiresAt: now / 1000 + 365 * 86_400 }, now)).toBe(30 * 86_400);
  });
});
