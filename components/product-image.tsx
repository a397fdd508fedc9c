import Image from "next/image";

/**
 * A product picture in a square box that holds its place while the picture loads (no layout shift), or a calm
 * placeholder when the product has none.
 *
 * Why `unoptimized`: the pictures come from whatever file service the merchant's Medusa uses (its own /static, S3,
 * a CDN), at a host this build cannot know. Next's optimizer fetches only hosts listed in `images.remotePatterns`,
 * which `next build` writes into the build output, while this storefront is configured at run time by environment
 * variables alone (one build, any backend); a wildcard pattern would make /_next/image a proxy for anyone's images,
 * and the local stack's http://localhost files are refused by the optimizer anyway (a private address). So the
 * browser loads the file service's URL itself; SVG drawings, which the optimizer would not touch, need nothing more.
 * With `unoptimized` Next renders no `srcset`, so `sizes` does not change which file loads: each caller still gives
 * its box's real width in its layout, ready for the day an optimizer or a loader is configured.
 * `priority`: the one picture that is the page's largest content (LCP) loads at once, at high priority.
 * `decorative`: the picture sits beside the product's name (a card, a cart line), so a screen reader should not read
 * the name twice; it gets an empty alt.
 */
export function ProductImage({
  src,
  name,
  sizes,
  decorative = false,
  priority = false,
}: {
  src: string | null | undefined;
  name: string;
  sizes: string;
  decorative?: boolean;
  priority?: boolean;
}) {
  return (
    <div className="relative aspect-square overflow-hidden rounded-lg bg-neutral-100">
      {src ? (
        <Image
          src={src}
          alt={decorative ? "" : name}
          fill
          sizes={sizes}
          unoptimized
          className="object-cover"
          {...(priority ? { loading: "eager", fetchPriority: "high" } : {})}
        />
      ) : (
        <div aria-hidden="true" className="flex h-full items-center justify-center text-4xl font-light text-neutral-300">
          {name.slice(0, 1).toUpperCase()}
        </div>
      )}
    </div>
  );
}
