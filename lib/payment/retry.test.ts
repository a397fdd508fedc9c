import { describe, expect, it } from "vitest";
import { backoffDelays, retryWithBackoff } from "./retry";

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("backoffDelays", () => {
  it("doubles from the first delay, one wait fewer than the tries", () => {
    expect(backoffDelays(4, 250)).toEqual([250, 500, 1000]);
    expect(backoffDelays(1, 250)).toEqual([]);
    expect(backoffDelays(0, 250)).toEqual([]);
  });
});

describe("retryWithBackoff", () => {
  it("returns the first success without waiting", async () => {
    const { waits, sleep } = recordingSleep();
    expect(await retryWithBackoff(async () => "done", { attempts: 4, firstDelayMs: 100, sleep })).toEqual({
      ok: true,
      value: "done",
      attempts: 1,
    });
    expect(waits).toEqual([]);
  });

  it("retries failures with growing waits until one succeeds", async () => {
    const { waits, sleep } = recordingSleep();
    const result = await retryWithBackoff(
      async (attempt) => {
        if (attempt < 3) throw new Error(`failure ${attempt}`);
        return attempt;
      },
      { attempts: 4, firstDelayMs: 100, sleep },
    );
    expect(result).toEqual({ ok: true, value: 3, attempts: 3 });
    expect(waits).toEqual([100, 200]);
  });

  it("gives up after the last try and hands back the last error (bounded: never more tries than asked)", async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const result = await retryWithBackoff(
      async (attempt) => {
        calls++;
        throw new Error(`failure ${attempt}`);
      },
      { attempts: 4, firstDelayMs: 100, sleep },
    );
    expect(calls).toBe(4);
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(4);
    expect(!result.ok && result.error instanceof Error && result.error.message).toBe("failure 4");
    expect(waits).toEqual([100, 200, 400]);
  });

  it("stops at once on an error that retrying cannot fix", async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        calls++;
        throw new TypeError("final");
      },
      { attempts: 4, firstDelayMs: 100, sleep },
      (error) => !(error instanceof TypeError),
    );
    expect(calls).toBe(1);
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    expect(waits).toEqual([]);
  });
});
