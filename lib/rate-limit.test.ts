import { describe, expect, it } from "vitest";
import { AttemptLimiter, describeWait } from "./rate-limit";

const MINUTE = 60_000;

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, limiter: new AttemptLimiter(() => clock.now) };
}

const byEmail = { key: "email:ann@example.com", max: 3, windowMs: 10 * MINUTE };
const byClient = { key: "client:203.0.113.9", max: 5, windowMs: 10 * MINUTE };

describe("AttemptLimiter", () => {
  it("lets attempts through up to the limit, then refuses with the time until the oldest one leaves the window", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 3; i++) {
      expect(limiter.attempt([byEmail])).toEqual({ allowed: true });
      clock.now += MINUTE;
    }
    // Three attempts at 0, 1 and 2 minutes; now is 3 minutes: the first leaves the window at 10 minutes.
    expect(limiter.attempt([byEmail])).toEqual({ allowed: false, retryAfterMs: 7 * MINUTE });
  });

  it("lets the shopper in again once the window has passed, without counting the refused attempts", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.attempt([byEmail]);
    for (let i = 0; i < 10; i++) expect(limiter.attempt([byEmail]).allowed).toBe(false);
    clock.now += 10 * MINUTE + 1;
    expect(limiter.attempt([byEmail]).allowed).toBe(true);
  });

  it("counts each key on its own", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.attempt([byEmail]);
    expect(limiter.attempt([byEmail]).allowed).toBe(false);
    expect(limiter.attempt([{ ...byEmail, key: "email:bob@example.com" }]).allowed).toBe(true);
  });

  it("refuses when any limit is reached and then records the attempt under none of them", () => {
    const { limiter } = limiterAt();
    // One client trying five different emails uses up the client's allowance.
    for (let i = 0; i < 5; i++) {
      expect(limiter.attempt([{ ...byEmail, key: `email:user${i}@example.com` }, byClient]).allowed).toBe(true);
    }
    expect(limiter.attempt([byEmail, byClient]).allowed).toBe(false);
    // The refused attempt did not count against ann's email: from another client she still has all three.
    const otherClient = { ...byClient, key: "client:198.51.100.7" };
    for (let i = 0; i < 3; i++) expect(limiter.attempt([byEmail, otherClient]).allowed).toBe(true);
    expect(limiter.attempt([byEmail, otherClient]).allowed).toBe(false);
  });

  it("reports the longest wait of the limits that refuse", () => {
    const { clock, limiter } = limiterAt();
    const short = { key: "a", max: 1, windowMs: MINUTE };
    const long = { key: "b", max: 1, windowMs: 30 * MINUTE };
    limiter.attempt([short, long]);
    clock.now += 1000;
    expect(limiter.attempt([short, long])).toEqual({ allowed: false, retryAfterMs: 30 * MINUTE - 1000 });
  });

  it("forgets a key on request (a successful sign-in starts the email afresh)", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 3; i++) limiter.attempt([byEmail]);
    limiter.forget(byEmail.key);
    expect(limiter.attempt([byEmail]).allowed).toBe(true);
  });

  it("holds a bounded number of keys, dropping expired ones first and then the least recently used", () => {
    const clock = { now: 0 };
    const limiter = new AttemptLimiter(() => clock.now, 3);
    limiter.attempt([{ key: "old", max: 1, windowMs: MINUTE }]);
    clock.now += 2 * MINUTE;
    for (const key of ["a", "b", "c"]) limiter.attempt([{ key, max: 1, windowMs: MINUTE }]);
    expect(limiter.size).toBe(3);
    // "old" expired and went first; "a" is still refused.
    expect(limiter.attempt([{ key: "a", max: 1, windowMs: MINUTE }]).allowed).toBe(false);
    limiter.attempt([{ key: "d", max: 1, windowMs: MINUTE }]);
    expect(limiter.size).toBe(3);
    // "a" was the least recently used live key when "d" came.
    expect(limiter.attempt([{ key: "a", max: 1, windowMs: MINUTE }]).allowed).toBe(true);
  });
});

describe("describeWait", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(describeWait(1)).toBe("1 minute");
    expect(describeWait(MINUTE)).toBe("1 minute");
    expect(describeWait(MINUTE + 1)).toBe("2 minutes");
    expect(describeWait(15 * MINUTE)).toBe("15 minutes");
  });
});
