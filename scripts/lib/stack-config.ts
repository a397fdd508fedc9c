import { createHash } from "node:crypto";
import { userInfo } from "node:os";
import path from "node:path";
import { STACK_DIR } from "@medusa-stripe-checkout/test-support/stack-info";

/**
 * Where the local stack lives and how it is reached. Every value can be overridden by an environment variable
 * of the same name (see .env.example); the defaults make `npm run backend:start` work on a fresh machine.
 */

// Where the stack is and the shape of what it writes for its clients (seed.json) are the tests' too: one definition.
export {
  BACKEND_DIR,
  NOTIFICATION_OUTBOX_FILE,
  ROOT,
  STACK_DIR,
  STACK_INFO_FILE,
  type StackInfo,
  type StackMode,
} from "@medusa-stripe-checkout/test-support/stack-info";
export const LOG_DIR = path.join(STACK_DIR, "logs");
export const PIDS_FILE = path.join(STACK_DIR, "pids.json");
/**
 * PostgreSQL's binaries and data. As root, PostgreSQL runs as the `postgres` user, who may not be able to enter the
 * folder this checkout sits in (a private home folder, a `mktemp -d` folder): then both live under /var/tmp, in a
 * folder named after this checkout's stack folder so that each checkout finds its own again.
 */
export const PG_HOME = path.resolve(
  process.env.PG_HOME ??
    (userInfo().uid === 0
      ? `/var/tmp/medusa-checkout-postgres-${createHash("sha256").update(STACK_DIR).digest("hex").slice(0, 12)}`
      : path.join(STACK_DIR, "postgres")),
);

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

export const stackConfig = {
  pgPort: envNumber("PG_PORT", 54329),
  pgPassword: process.env.PG_PASSWORD ?? "postgres",
  databaseName: process.env.MEDUSA_DB_NAME ?? "medusa",
  medusaPort: envNumber("MEDUSA_PORT", 9000),
  stripeDoublePort: envNumber("STRIPE_DOUBLE_PORT", 12111),
  /** Production setup only: Redis, and the Medusa worker's own HTTP port (it serves /health). */
  redisPort: envNumber("REDIS_PORT", 6389),
  medusaWorkerPort: envNumber("MEDUSA_WORKER_PORT", envNumber("MEDUSA_PORT", 9000) + 1),
  storefrontUrl: process.env.STOREFRONT_URL ?? "http://localhost:3000",
  adminEmail: process.env.MEDUSA_ADMIN_EMAIL ?? "admin@example.com",
  adminPassword: process.env.MEDUSA_ADMIN_PASSWORD ?? "supersecret",
  // Test-mode keys the double accepts; never real ones.
  stripeSecretKey: process.env.STRIPE_API_KEY ?? "sk_test_double_local",
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? "pk_test_double_local",
  stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? "whsec_double_local_secret",
  webhookDelayMs: envNumber("STRIPE_WEBHOOK_DELAY_MS", 3000),
};
