import { describe, expect, it } from "vitest";
import { previousAttributes } from "./previous-attributes";

describe("previous_attributes", () => {
  it("lists changed fields with their earlier values, and only the changed keys of a hash", () => {
    const before = { email: "a@example.com", name: "A", metadata: { kept: "1", changed: "old" }, address: null };
    const after = { email: "b@example.com", name: "A", metadata: { kept: "1", changed: "new", added: "x" }, address: { city: "Paris" } };
    expect(previousAttributes(before, after)).toEqual({
      email: "a@example.com",
      metadata: { changed: "old", added: null },
      address: null,
    });
  });

  it("is undefined when nothing changed", () => {
    expect(previousAttributes({ a: 1 }, { a: 1 })).toBeUndefined();
  });
});
