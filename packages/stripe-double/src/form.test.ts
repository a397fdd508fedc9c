import { describe, expect, it } from "vitest";
import { decodeForm, encodeForm, FormDecodeError, splitKey } from "./form";

// What the stripe SDK (qs.stringify, brackets left unescaped) actually sends.
const SDK_BODY =
  "amount=2000&currency=usd&metadata[session_id]=payses_01&metadata[note]=a%20b%2Bc&capture_method=manual" +
  "&expand[0]=payment_method&expand[1]=latest_charge&shipping[address][line1]=1%20Main%20St&shipping[name]=Ada";

describe("decodeForm", () => {
  it("decodes the SDK's bracket notation into nested objects and arrays", () => {
    expect(decodeForm(SDK_BODY)).toEqual({
      amount: "2000",
      currency: "usd",
      metadata: { session_id: "payses_01", note: "a b+c" },
      capture_method: "manual",
      expand: ["payment_method", "latest_charge"],
      shipping: { address: { line1: "1 Main St" }, name: "Ada" },
    });
  });

  it("accepts percent-encoded brackets and `+` for spaces, as browsers' form encoding produces", () => {
    expect(decodeForm("card%5Bnumber%5D=4242+4242&payment_method_types%5B%5D=card")).toEqual({
      card: { number: "4242 4242" },
      payment_method_types: ["card"],
    });
  });

  it("builds arrays from `[]` appends and orders indexed entries by index", () => {
    expect(decodeForm("a[]=x&a[]=y")).toEqual({ a: ["x", "y"] });
    expect(decodeForm("a[1]=second&a[0]=first")).toEqual({ a: ["first", "second"] });
    expect(decodeForm("items[0][price]=p1&items[0][quantity]=2&items[1][price]=p2")).toEqual({
      items: [{ price: "p1", quantity: "2" }, { price: "p2" }],
    });
  });

  it("keeps empty values (Stripe's way of unsetting a field) and ignores empty pairs", () => {
    expect(decodeForm("description=&&metadata=")).toEqual({ description: "", metadata: "" });
    expect(decodeForm("")).toEqual({});
  });

  it("rejects a key given both as a value and as a hash", () => {
    expect(() => decodeForm("metadata=x&metadata[a]=b")).toThrow(FormDecodeError);
  });

  it("rejects malformed percent-encoding", () => {
    expect(() => decodeForm("a=%E0%A4%A")).toThrow(FormDecodeError);
  });

  it("cannot reach Object.prototype or the Object constructor", () => {
    expect(() => decodeForm("a[__proto__][polluted]=1")).toThrow(FormDecodeError);
    const decoded = decodeForm("a[constructor][polluted]=1&constructor=x");
    expect(decoded).toEqual({ a: { constructor: { polluted: "1" } }, constructor: "x" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("round-trips through encodeForm", () => {
    const value = decodeForm(SDK_BODY);
    expect(decodeForm(encodeForm(value))).toEqual(value);
  });
});

describe("splitKey", () => {
  it("splits bracket paths", () => {
    expect(splitKey("a")).toEqual(["a"]);
    expect(splitKey("a[b][0]")).toEqual(["a", "b", "0"]);
    expect(splitKey("a[]")).toEqual(["a", ""]);
  });
});
