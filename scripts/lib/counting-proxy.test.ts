import { describe, expect, it } from "vitest";
import { coveredMs, routeOf } from "./counting-proxy";

describe("coveredMs", () => {
  it("counts overlapping requests once and clips them to the window", () => {
    const intervals = [
      { start: 0, end: 100 },
      { start: 50, end: 150 },
      { start: 300, end: 400 },
      { start: 320, end: 350 },
    ];
    expect(coveredMs(intervals, 0, 1000)).toBe(250);
    expect(coveredMs(intervals, 100, 350)).toBe(100);
    expect(coveredMs(intervals, 500, 600)).toBe(0);
  });

  it("counts a request still running up to the end of the window", () => {
    expect(coveredMs([{ start: 10, end: Number.NaN }], 0, 50)).toBe(40);
  });
});

describe("routeOf", () => {
  it("replaces Medusa ids so that calls to the same route add up", () => {
    expect(routeOf("get", "/store/carts/cart_01M84ABCDEFGHJKMNPQRSTVWXY?fields=id")).toBe("GET /store/carts/:id");
  });
});
