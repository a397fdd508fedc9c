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

/**
 * Product pictures come from the backend's file service. A real one is served over https (allowed by `https:`); the
 * local stack's Medusa serves them over plain http from this machine, so a build for a backend on this machine
 * (MEDUSA_BACKEND_URL on localhost or 127.0.0.1, set for `next build` as the demo and the tests do) allows pictures
 * from this machine. The fault suite's storefront talks to Medusa through a proxy on another local port, hence the
 * port wildcard. A build for a remote backend allows no http source.
 */
function localImageSources() {
  const backend = process.env.MEDUSA_BACKEND_URL;
  if (!backend) return [];
  let url;
  try {
    url = new URL(backend);
  } catch {
    return [];
  }
  const local = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return local ? ["http://localhost:*", "http://127.0.0.1:*"] : [];
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
    "img-src": ["'self'", "data:", "blob:", "https:", ...localImageSources(), ...extra],
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
