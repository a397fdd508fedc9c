import { createHash } from "node:crypto";
import path from "node:path";

/**
 * What the seed decides about a product's pictures, kept apart from Medusa so that it can be tested alone.
 *
 * The seed uploads the drawings in backend/seed-images through Medusa's file module and sets them as the product's
 * images and thumbnail. A re-run must neither duplicate them nor overwrite pictures a merchant put there, and a
 * database seeded before there were drawings (or whose files were lost, or whose server moved to another URL) must
 * get them on the next run.
 */

const MIME_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
};

/**
 * The name a drawing is uploaded under: `seed-`, its file name, and a hash of its content. An unchanged drawing is
 * recognised on the next run; a redrawn one is a new file (the old one stays, for orders whose lines still show it).
 */
export function uploadName(file: string, content: Buffer): string {
  const { name, ext } = path.parse(file);
  return `seed-${name}-${createHash("sha256").update(content).digest("hex").slice(0, 10)}${ext}`;
}

export function mimeTypeOf(file: string): string {
  const type = MIME_TYPES[path.extname(file).toLowerCase()];
  if (!type) throw new Error(`${file}: the seed uploads ${Object.keys(MIME_TYPES).join(", ")} files only.`);
  return type;
}

/** The file's key in the local file provider: the last segment of its URL (it adds a time stamp before the name). */
export function fileKeyOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  } catch {
    return "";
  }
}

const SEED_KEY = /^(?:\d+-)?seed-[a-z0-9-]+-[0-9a-f]{10}\.[a-z]+$/;

/** Whether a picture is one the seed uploaded (and may therefore replace). */
export function isSeedImage(url: string): boolean {
  return SEED_KEY.test(fileKeyOf(url));
}

export type ImagePlan =
  | { action: "keep" }
  | { action: "upload" }
  | { action: "leave"; reason: string };

/**
 * @param images the product's image URLs, in rank order
 * @param expected the upload names of its drawings, in order
 * @param served the URLs the file module still serves at that same URL
 */
export function planProductImages(
  images: string[],
  thumbnail: string | null | undefined,
  expected: string[],
  served: ReadonlySet<string>,
): ImagePlan {
  const own = [...images, ...(thumbnail ? [thumbnail] : [])].find((url) => !isSeedImage(url));
  if (own) return { action: "leave", reason: `it has pictures the seed did not put there (${own})` };
  const upToDate =
    images.length === expected.length &&
    images.every((url, index) => served.has(url) && fileKeyOf(url).replace(/^\d+-/, "") === expected[index]) &&
    thumbnail === images[0];
  return upToDate ? { action: "keep" } : { action: "upload" };
}
