import { describe, expect, it } from "vitest";
import { pollDelays } from "./poll-delays";

describe("pollDelays", () => {
  it("backs off and stops within the total wait", () => {
    const delays = pollDelays({ firstMs: 1000, factor: 2, maxMs: 4000, totalMs: 15_000 });
    expect(delays).toEqual([1000, 2000, 4000, 4000, 4000]);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeLessThanOrEqual(15_000);
  });

  it("by default waits long enough for a webhook sent after several seconds", () => {
    const total = pollDelays().reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(30_000);
    expect(total).toBeLessThanOrEqual(60_000);
  });
});
