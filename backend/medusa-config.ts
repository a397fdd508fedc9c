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

// Where browsers reach this server. Product images are stored by Medusa's local file provider in ./static, which
// Medusa serves at /static (the server process does, in the production setup too); the provider writes each file's
// public URL from this base when it is uploaded, so it must be the URL shoppers' browsers use, not an internal one.
const backendUrl = required("MEDUSA_BACKEND_URL").replace(/\/+$/, "");

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

// Where the local stack's e-mails go: each message the shop sends (a password reset link) is written to this file
// instead of a mail server (src/modules/file-outbox). A shop in production registers its e-mail provider here instead.
const notificationOutboxFile = process.env.NOTIFICATION_OUTBOX_FILE || undefined;
const notificationModules = notificationOutboxFile
  ? [
      {
        resolve: "@medusajs/medusa/notification",
        options: {
          providers: [{ resolve: "./src/modules/file-outbox", id: "file-outbox", options: { channels: ["email"], file: notificationOutboxFile } }],
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
    // Medusa Admin signs in with a session cookie, which `medusa start` (production) marks Secure: express-session then
    // never sets it over plain http, and nobody could sign in to the local stack's Admin. Behind https it stays Secure.
    ...(backendUrl.startsWith("http://") ? { cookieOptions: { secure: false } } : {}),
  },
  // Medusa Admin, at /app. `medusa start` serves it from ./public/admin, which `medusa build --admin-only` makes
  // (scripts/stack.ts builds it once and moves it there): without that folder Medusa refuses to start, so the stack
  // turns it on only when the build is there. The storefront's URL is compiled into the build: "Copy payment link"
  // gives `${storefrontUrl}/payment-collection/{id}?order_id={order id}`.
  admin: {
    disable: process.env.MEDUSA_ADMIN_SERVE !== "true",
    path: "/app",
    // Same origin as the server that serves it, whatever port that is.
    backendUrl: "/",
    storefrontUrl: process.env.STOREFRONT_URL?.replace(/\/+$/, "") || "http://localhost:3000",
  },
  modules: [
    ...productionModules,
    ...notificationModules,
    {
      // Medusa's default file module and provider, registered only to give the provider the public URL.
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [{ resolve: "@medusajs/medusa/file-local", id: "local", options: { backend_url: `${backendUrl}/static` } }],
      },
    },
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
