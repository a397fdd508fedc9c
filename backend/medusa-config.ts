import { defineConfig, loadEnv } from "@medusajs/framework/utils";

loadEnv(process.env.NODE_ENV || "development", process.cwd());

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set. The local stack sets it; see .env.example at the repository root.`);
  }
  return value;
}

// Set by the stack's production setup (`npm run backend:start -- --production`): Redis carries events, workflows,
// locks and the cache, so that a server process and a worker process (MEDUSA_WORKER_MODE) share them.
const redisUrl = process.env.REDIS_URL || undefined;

const productionModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : [];

export default defineConfig({
  projectConfig: {
    databaseUrl: required("DATABASE_URL"),
    redisUrl,
    databaseLogging: false,
    http: {
      storeCors: required("STORE_CORS"),
      adminCors: required("ADMIN_CORS"),
      authCors: required("AUTH_CORS"),
      jwtSecret: required("JWT_SECRET"),
      cookieSecret: required("COOKIE_SECRET"),
    },
  },
  // The storefront is the product; Medusa Admin is not built here (it needs a bundle step and ~300 MB more).
  admin: { disable: true },
  modules: [
    ...productionModules,
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        // How long Medusa waits before acting on a Stripe webhook, so that a shopper's own completion usually wins.
        // Medusa reads it from the payment module's options; under a provider it would be ignored.
        webhook_delay: Number(process.env.STRIPE_WEBHOOK_DELAY_MS ?? 5000),
        providers: [
          {
            // Medusa's own Stripe provider, registered as `pp_stripe_stripe`; see src/modules/stripe.
            resolve: "./src/modules/stripe",
            id: "stripe",
            options: {
              apiKey: required("STRIPE_API_KEY"),
              webhookSecret: required("STRIPE_WEBHOOK_SECRET"),
              capture: false,
              automaticPaymentMethods: true,
              // Only for the offline Stripe double: where the provider's API client points.
              apiBase: process.env.STRIPE_API_BASE || undefined,
            },
          },
        ],
      },
    },
  ],
});
