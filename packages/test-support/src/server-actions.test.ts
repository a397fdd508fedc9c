import { describe, expect, it } from "vitest";
import { actionResultOf, isRefusalWithMessage } from "./server-actions";

describe("actionResultOf", () => {
  it("reads a result inline in row 0", () => {
    expect(actionResultOf('0:{"a":{"ok":true},"f":""}\n')).toEqual({ ok: true });
  });

  it("follows row 0's reference past a re-rendered page whose props hold other errors", () => {
    const body = ['0:{"a":"$@1","f":[]}', '2:{"error":"$undefined"}', '1:{"ok":true,"notice":"Address updated."}', ""].join("\n");
    expect(actionResultOf(body)).toEqual({ ok: true, notice: "Address updated." });
  });

  it("reads rows after a long text row, which has a byte length and no newline", () => {
    const long = "ü".repeat(3000);
    const bytes = Buffer.byteLength(long, "utf8").toString(16);
    const body = `0:{"a":"$@1"}\n2:T${bytes},${long}1:{"ok":false,"error":"Too long.","values":{"city":"$2"}}\n`;
    expect(actionResultOf(body)).toEqual({ ok: false, error: "Too long.", values: { city: "$2" } });
  });

  it("answers undefined when there is no result", () => {
    expect(actionResultOf("<html>Internal Server Error</html>")).toBeUndefined();
  });
});

describe("isRefusalWithMessage", () => {
  it("is a refusal with a sentence, nothing else", () => {
    expect(isRefusalWithMessage({ ok: false, error: "Please check the city." })).toBe(true);
    expect(isRefusalWithMessage({ ok: false, error: " " })).toBe(false);
    expect(isRefusalWithMessage({ ok: true })).toBe(false);
    expect(isRefusalWithMessage(null)).toBe(false);
  });
});
