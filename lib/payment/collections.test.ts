import { describe, expect, it } from "vitest";
import {
  type CollectionLike,
  firstOpenCollection,
  paymentHistory,
  paymentLinkState,
  paymentTotals,
} from "./collections";

const collection = (overrides: Partial<CollectionLike> & Pick<CollectionLike, "id" | "status" | "amount">): CollectionLike => ({
  currency_code: "eur",
  authorized_amount: null,
  captured_amount: null,
  refunded_amount: null,
  created_at: "2026-01-01T10:00:00Z",
  ...overrides,
});

// The order-edit journey: checkout payment captured and partly refunded, then the edit's difference paid.
const captured = collection({
  id: "pay_col_1",
  status: "completed",
  amount: 76.16,
  authorized_amount: 76.16,
  captured_amount: 76.16,
  refunded_amount: 10,
  created_at: "2026-01-01T10:00:00Z",
});
const difference = collection({
  id: "pay_col_2",
  status: "authorized",
  amount: 15.4105,
  authorized_amount: 15.4105,
  created_at: "2026-01-01T11:00:00Z",
});

describe("paymentHistory", () => {
  it("lists collections oldest first with plain states", () => {
    const rows = paymentHistory([difference, captured]);
    expect(rows.map((row) => [row.id, row.label, row.state])).toEqual([
      ["pay_col_1", "Payment at checkout", "Paid, partly refunded"],
      ["pay_col_2", "Additional payment 1", "Authorized — your card will be charged when the order ships"],
    ]);
    expect(rows[0]?.refunded).toBe(10);
    expect(rows.every((row) => !row.payable)).toBe(true);
  });

  it("says truthfully that an authorization was released when an edit replaced it", () => {
    const released = collection({ id: "a", status: "canceled", amount: 76.16, authorized_amount: 76.16 });
    const replacement = collection({ id: "b", status: "not_paid", amount: 91.57, created_at: "2026-01-02T00:00:00Z" });
    const rows = paymentHistory([released, replacement]);
    expect(rows[0]?.state).toBe("Authorization released — replaced by a new payment request");
    expect(rows[1]).toMatchObject({ state: "Awaiting payment", payable: true });
  });

  it("calls a fully refunded payment refunded", () => {
    const rows = paymentHistory([{ ...captured, refunded_amount: 76.16 }]);
    expect(rows[0]?.state).toBe("Refunded");
  });
});

describe("paymentTotals", () => {
  it("sums secured money and ignores canceled collections", () => {
    const released = collection({ id: "a", status: "canceled", amount: 50, authorized_amount: 50 });
    expect(paymentTotals([captured, difference, released])).toEqual({
      authorized: 76.16 + 15.4105,
      captured: 76.16,
      refunded: 10,
      owed: 0,
    });
  });

  it("owes only what open collections ask for, not what was refunded", () => {
    const extra = collection({ id: "c", status: "not_paid", amount: 5 });
    expect(paymentTotals([captured, extra]).owed).toBe(5);
  });

  it("treats a zero-amount open collection as nothing owed", () => {
    expect(paymentTotals([collection({ id: "z", status: "not_paid", amount: 0 })]).owed).toBe(0);
  });
});

describe("firstOpenCollection", () => {
  it("picks the oldest collection still to pay", () => {
    const later = collection({ id: "late", status: "not_paid", amount: 5, created_at: "2026-03-01T00:00:00Z" });
    const earlier = collection({ id: "early", status: "awaiting", amount: 7, created_at: "2026-02-01T00:00:00Z" });
    expect(firstOpenCollection([captured, later, earlier])?.id).toBe("early");
    expect(firstOpenCollection([captured])).toBeNull();
  });
});

describe("paymentLinkState", () => {
  it.each([
    ["not_paid", 5, "payable"],
    ["awaiting", 5, "payable"],
    ["failed", 5, "payable"],
    ["authorized", 5, "paid"],
    ["partially_captured", 5, "paid"],
    ["completed", 5, "paid"],
    ["canceled", 5, "canceled"],
    ["not_paid", 0, "nothing-to-pay"],
  ])("%s with amount %d is %s", (status, amount, kind) => {
    expect(paymentLinkState({ status, amount }).kind).toBe(kind);
  });
});
