import Image from "next/image";

/**
 * A product photo, or a calm placeholder when the product has none. `unoptimized`: images come
 * from whatever file service the backend uses, which the build cannot know about.
 */
export function ProductImage({ src, alt, sizes }: { src: string | null | undefined; alt: string; sizes: string }) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-lg bg-neutral-100">
      {src ? (
        <Image src={src} alt={alt} fill sizes={sizes} unoptimized className="object-cover" />
      ) : (
        <div aria-hidden="true" className="flex h-full items-center justify-center text-4xl font-light text-neutral-300">
          {alt.slice(0, 1).toUpperCase()}
        </div>
      )}
    </div>
  );
}
