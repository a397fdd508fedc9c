import { describe, expect, it } from "vitest";
import { fileKeyOf, isSeedImage, mimeTypeOf, planProductImages, uploadName } from "./product-images";

const base = "http://localhost:9000/static";
const shirt = uploadName("linen-shirt.svg", Buffer.from("<svg>shirt</svg>"));
const uploaded = (name: string, stamp = 1733140000000) => `${base}/${stamp}-${name}`;

describe("uploadName", () => {
  it("names a drawing after its file and its content", () => {
    expect(shirt).toMatch(/^seed-linen-shirt-[0-9a-f]{10}\.svg$/);
    expect(uploadName("linen-shirt.svg", Buffer.from("<svg>shirt</svg>"))).toBe(shirt);
    expect(uploadName("linen-shirt.svg", Buffer.from("<svg>redrawn</svg>"))).not.toBe(shirt);
  });
});

describe("mimeTypeOf", () => {
  it("knows the image types the seed ships and refuses others", () => {
    expect(mimeTypeOf("a.svg")).toBe("image/svg+xml");
    expect(mimeTypeOf("a.PNG")).toBe("image/png");
    expect(() => mimeTypeOf("a.gif")).toThrow(/uploads/);
  });
});

describe("fileKeyOf and isSeedImage", () => {
  it("reads the local file provider's key from a URL", () => {
    expect(fileKeyOf(uploaded(shirt))).toBe(`1733140000000-${shirt}`);
    expect(fileKeyOf("not a url")).toBe("");
  });

  it("tells the seed's uploads from anyone else's pictures", () => {
    expect(isSeedImage(uploaded(shirt))).toBe(true);
    expect(isSeedImage(`${base}/1733140000000-shirt-photo.jpg`)).toBe(false);
    expect(isSeedImage("https://cdn.example.com/products/seed-linen-shirt.svg")).toBe(false);
  });
});

describe("planProductImages", () => {
  const url = uploaded(shirt);

  it("uploads for a product without pictures", () => {
    expect(planProductImages([], null, [shirt], new Set())).toEqual({ action: "upload" });
  });

  it("keeps pictures that are the current drawings, still served, with the thumbnail set", () => {
    expect(planProductImages([url], url, [shirt], new Set([url]))).toEqual({ action: "keep" });
  });

  it("uploads again when the file is no longer served at that URL (lost, or the server moved)", () => {
    expect(planProductImages([url], url, [shirt], new Set())).toEqual({ action: "upload" });
  });

  it("uploads again when a drawing changed, one is missing, or the thumbnail is not set", () => {
    const redrawn = uploadName("linen-shirt.svg", Buffer.from("<svg>redrawn</svg>"));
    expect(planProductImages([url], url, [redrawn], new Set([url]))).toEqual({ action: "upload" });
    expect(planProductImages([url], url, [shirt, redrawn], new Set([url]))).toEqual({ action: "upload" });
    expect(planProductImages([url], null, [shirt], new Set([url]))).toEqual({ action: "upload" });
  });

  it("leaves a product alone when someone else gave it pictures", () => {
    const photo = `${base}/1733140000000-shirt-photo.jpg`;
    expect(planProductImages([photo], photo, [shirt], new Set())).toMatchObject({ action: "leave" });
    expect(planProductImages([], "https://cdn.example.com/shirt.jpg", [shirt], new Set())).toMatchObject({ action: "leave" });
    expect(planProductImages([url, photo], url, [shirt], new Set([url]))).toMatchObject({ action: "leave" });
  });
});
