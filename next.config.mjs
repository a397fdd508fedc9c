/**
 * Security headers. The Content-Security-Policy allows Stripe's documented hosts
 * (https://docs.stripe.com/security/guide#content-security-policy) and, only when the offline
 * demo's STRIPE_DOUBLE_URL is set, that one origin. Next computes these headers when it builds,
 * so set STRIPE_DOUBLE_URL for `next build` as well as at runtime when running the demo.
 */

function originOf(url) {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`STRIPE_DOUBLE_URL is not a valid URL: ${url}`);
  }
}

function contentSecurityPolicy() {
  const stripeDouble = originOf(process.env.STRIPE_DOUBLE_URL);
  const extra = stripeDouble ? [stripeDouble] : [];
  const isDev = process.env.NODE_ENV === "development";
  const directives = {
    "default-src": ["'self'"],
    // Next's App Router bootstraps with inline scripts; without per-request nonces they need
    // 'unsafe-inline'. React's dev tooling needs eval in development only.
    "script-src": ["'self'", "'unsafe-inline'", ...(isDev ? ["'unsafe-eval'"] : []), "https://js.stripe.com", ...extra],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:", ...extra],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://api.stripe.com", "https://m.stripe.network", ...extra],
    "frame-src": ["https://js.stripe.com", "https://hooks.stripe.com", "https://*.stripe.com", ...extra],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The build type-checks the storefront's own code only; the tests, scripts and packages/ have their own checks
  // (`npm run typecheck`).
  typescript: { tsconfigPath: "tsconfig.storefront.json" },
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy() },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          {
            key: "Permissions-Policy",
            value: 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
