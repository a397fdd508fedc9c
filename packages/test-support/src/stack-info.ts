import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the storefront's checkout is and what the running local stack wrote for its clients (`.stack/seed.json`).
 * This package lives at packages/test-support inside the storefront's repository: the repository's root is two
 * folders up from the package.
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const BACKEND_DIR = path.join(ROOT, "backend");
export const STACK_DIR = path.resolve(ROOT, process.env.STACK_DIR ?? ".stack");
/** The local stack's e-mails: Medusa writes each one here, one JSON line each, instead of sending it. */
export const NOTIFICATION_OUTBOX_FILE = path.join(STACK_DIR, "outbox.jsonl");
/** What clients need to reach the stack: written by the stack script, read by the storefront's scripts and tests. */
export const STACK_INFO_FILE = path.join(STACK_DIR, "seed.json");

/**
 * plain: one Medusa process with in-process events and workflows (the demo).
 * production: Medusa's production setup, a server and a worker sharing Redis (event bus, workflow engine, locking, cache).
 */
export type StackMode = "plain" | "production";

export type StackInfo = {
  mode: StackMode;
  /** Production setup only. */
  redisUrl?: string;
  backendUrl: string;
  /** The storefront's URL as Medusa knows it (CORS, and compiled into Medusa Admin's "Copy payment link"). */
  storefrontUrl: string;
  publishableKey: string;
  salesChannelId: string;
  stockLocationId: string;
  regions: Record<"eu" | "us" | "jp", { id: string; currency_code: string; countries: string[] }>;
  products: { handle: string; id: string }[];
  refundReasonIds: string[];
  /** The seeded promotion codes (backend/src/scripts/seed.ts), so tests never spell them out. */
  promotions: {
    /** Percent off the items. */
    percentage: { code: string; percent: number };
    /** A fixed amount off the items, one code per currency (Medusa keeps one currency per promotion). */
    fixed: Record<"eur" | "usd" | "jpy", { code: string; amount: number }>;
    /** 100 % off the delivery methods. */
    freeShipping: { code: string };
    /** Its campaign ended in the past. */
    expired: { code: string; percent: number };
    /** 100 % off the items (not the delivery). */
    free: { code: string };
  };
  stripe: { publishableKey: string; doubleUrl: string; webhookSecret: string };
  /** The seeded admin user; `url` is Medusa Admin's when the stack serves it (`npm run backend:start -- --admin`). */
  admin: { email: string; password: string; url?: string };
};

export function readStackInfo(): StackInfo {
  if (!existsSync(STACK_INFO_FILE)) {
    throw new Error(`${path.relative(process.cwd(), STACK_INFO_FILE)} is missing: run \`npm run backend:start\` first.`);
  }
  return JSON.parse(readFileSync(STACK_INFO_FILE, "utf8")) as StackInfo;
}
