import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decodeForm } from "./form";
import { createPaymentIntent } from "./payment-intents";
import { newId, Store } from "./store";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("Store", () => {
  it("mints Stripe-looking ids", () => {
    expect(newId("pi")).toMatch(/^pi_[0-9A-Za-z]{24}$/);
    expect(newId("pi")).not.toBe(newId("pi"));
  });

  it("saves to its state file and a new Store reads it back", () => {
    const directory = mkdtempSync(join(tmpdir(), "stripe-double-"));
    directories.push(directory);
    const file = join(directory, "state.json");
    const first = new Store(file);
    const ctx = { store: first, emit: () => undefined };
    const paymentIntent = createPaymentIntent(ctx, decodeForm("amount=1000&currency=usd&payment_method=pm_card_visa"), {
      hooksBase: "http://double.test/hooks",
    });
    first.save();
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty(["payment_intents", paymentIntent.id]);

    const second = new Store(file);
    expect(second.state.payment_intents[paymentIntent.id]).toEqual(paymentIntent);
    // The private card number survives too, so the restored PaymentMethod still behaves as its test card.
    expect(second.state.card_numbers[paymentIntent.payment_method ?? ""]).toBe("4242424242424242");
  });

  it("starts empty without a state file", () => {
    expect(new Store().state.payment_intents).toEqual({});
  });
});

describe("Store collections", () => {
  it("find nothing for ids that are Object's member names", () => {
    const store = new Store();
    expect(store.state.payment_intents["constructor"]).toBeUndefined();
    expect(store.state.idempotency["toString"]).toBeUndefined();
  });
});
