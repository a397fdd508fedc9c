import { describe, expect, it } from "vitest";
import { sortBySize } from "./variant-order";

describe("sortBySize", () => {
  it("puts clothing sizes on the size ladder", () => {
    expect(sortBySize([{ title: "S" }, { title: "L" }, { title: "M" }, { title: "xl" }]).map((v) => v.title)).toEqual([
      "S",
      "M",
      "L",
      "xl",
    ]);
  });

  it("keeps the backend's order for anything else", () => {
    const colours = [{ title: "Red" }, { title: "Blue" }, { title: "S" }];
    expect(sortBySize(colours)).toEqual(colours);
  });
});
