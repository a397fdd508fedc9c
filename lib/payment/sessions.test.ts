import { describe, expect, it } from "vitest";
import {
  findLiveStripeSession,
  findSessionThatMayHold,
  paymentIntentIdOf,
  paymentProgressOf,
  sessionClosedAfterFailedAttempt,
  stripeCustomerOf,
} from "./sessions";

describe("payment recovery", () => {
  it("reads a PaymentIntent's status as held, processing or unpaid", () => {
    expect(paymentProgressOf("requires_capture")).toBe("held");
    expect(paymentProgressOf("succeeded")).toBe("held");
    expect(paymentProgressOf("processing")).toBe("processing");
    for (const status of ["requires_payment_method", "requires_confirmation", "requires_action", "canceled", null, undefined]) {
      expect(paymentProgressOf(status)).toBe("unpaid");
    }
  });

  it("finds the session Medusa already authorized before a pending one", () => {
    const session = (id: string, status: string) => ({ id, provider_id: "pp_stripe_stripe", amount: 10, status, data: {} });
    const cart = { payment_collection: { payment_sessions: [session("a", "pending"), session("b", "authorized")] } };
    expect(findLiveStripeSession(cart)?.id).toBe("b");
    expect(findLiveStripeSession({ payment_collection: { payment_sessions: [session("a", "pending")] } })?.id).toBe("a");
    expect(findLiveStripeSession({ payment_collection: { payment_sessions: [session("c", "canceled")] } })).toBeNull();
  });

  it("recognises the session Medusa closed after this PaymentIntent's failed attempt, and no other", () => {
    const session = (status: string, secret: string) => ({ id: "s", provider_id: "pp_stripe_stripe", amount: 10, status, data: { client_secret: secret } });
    const cart = { payment_collection: { payment_sessions: [session("error", "pi_1_secret_a")] } };
    expect(sessionClosedAfterFailedAttempt(cart, "pi_1")?.status).toBe("error");
    expect(sessionClosedAfterFailedAttempt(cart, "pi_2")).toBeNull();
    expect(sessionClosedAfterFailedAttempt({ payment_collection: { payment_sessions: [session("pending", "pi_1_secret_a")] } }, "pi_1")).toBeNull();
    expect(sessionClosedAfterFailedAttempt({ payment_collection: null }, "pi_1")).toBeNull();
  });

  it("counts a session Medusa closed after a failed attempt among those that may hold money, after a live one", () => {
    const session = (id: string, status: string) => ({ id, provider_id: "pp_stripe_stripe", amount: 10, status, data: {} });
    expect(findSessionThatMayHold({ payment_collection: { payment_sessions: [session("e", "error")] } })?.id).toBe("e");
    expect(findSessionThatMayHold({ payment_collection: { payment_sessions: [session("e", "error"), session("p", "pending")] } })?.id).toBe("p");
    expect(findSessionThatMayHold({ payment_collection: { payment_sessions: [session("c", "canceled")] } })).toBeNull();
  });

  it("takes the PaymentIntent id out of a client secret, and nothing out of anything else", () => {
    expect(paymentIntentIdOf("pi_3AbC_secret_xYz9")).toBe("pi_3AbC");
    expect(paymentIntentIdOf("pi_3AbC")).toBeNull();
    expect(paymentIntentIdOf("seti_1_secret_2")).toBeNull();
    expect(paymentIntentIdOf(null)).toBeNull();
  });

  it("reads the Stripe customer a session's PaymentIntent is for: none for a guest's", () => {
    const session = (data: Record<string, unknown> | null) => ({ id: "s", provider_id: "pp_stripe_stripe", amount: 10, status: "pending", data });
    expect(stripeCustomerOf(session({ id: "pi_1", customer: "cus_1" }))).toBe("cus_1");
    expect(stripeCustomerOf(session({ id: "pi_1", customer: null }))).toBeNull();
    expect(stripeCustomerOf(session(null))).toBeNull();
    expect(stripeCustomerOf(null)).toBeNull();
  });
});
