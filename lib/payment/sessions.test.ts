import { describe, expect, it } from "vitest";
import { completionRefusalOf, findLiveStripeSession, paymentIntentIdOf, paymentProgressOf } from "./sessions";

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

  it("tells a refused completion of the cart itself from Stripe's webhook having got there first", () => {
    const withSession = (status: string, completed_at: string | null = null) => ({
      completed_at,
      payment_collection: { payment_sessions: [{ id: "s", provider_id: "pp_stripe_stripe", amount: 10, status, data: {} }] },
    });
    expect(completionRefusalOf(withSession("authorized", "2026-12-03T07:28:15Z"))).toBe("completed");
    expect(completionRefusalOf(withSession("authorized"))).toBe("completing");
    expect(completionRefusalOf(withSession("pending"))).toBe("refused");
    expect(completionRefusalOf(withSession("error"))).toBe("refused");
    expect(completionRefusalOf({ completed_at: null, payment_collection: null })).toBe("refused");
    expect(completionRefusalOf(null)).toBe("refused");
  });

  it("takes the PaymentIntent id out of a client secret, and nothing out of anything else", () => {
    expect(paymentIntentIdOf("pi_3AbC_secret_xYz9")).toBe("pi_3AbC");
    expect(paymentIntentIdOf("pi_3AbC")).toBeNull();
    expect(paymentIntentIdOf("seti_1_secret_2")).toBeNull();
    expect(paymentIntentIdOf(null)).toBeNull();
  });
});
