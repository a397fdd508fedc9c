import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tail } from "./processes";
import { BACKEND_DIR } from "./stack-config";
import { sessionMemoryBytes } from "./stack-state";

/**
 * Medusa Admin's build, made once and kept. `medusa start` serves Admin from `<backend>/public/admin` (Medusa 2.21.2,
 * `@medusajs/medusa/dist/loaders/admin.js`: `path.join(rootDirectory, "./public/admin")`) and refuses to start when
 * Admin is on and that folder has no index.html. `medusa build --admin-only` bundles only Admin (no backend compile)
 * into `.medusa/admin`; the build is moved from there into `public/admin`. The storefront's URL is compiled into the
 * bundle, so the build is made again when it, the backend's packages or medusa-config.ts change.
 */

export const ADMIN_PATH = "/app";
/** Where `medusa start`, run in backend/, looks for Admin. */
export const ADMIN_SERVED_DIR = path.join(BACKEND_DIR, "public", "admin");
/** Where `medusa build --admin-only` writes it. */
const ADMIN_ONLY_OUTPUT_DIR = path.join(BACKEND_DIR, ".medusa", "admin");
/** Outside the served folder: what the kept build was made from. */
const STAMP_FILE = path.join(BACKEND_DIR, "public", "admin-build.json");

type Stamp = { inputs: string; seconds: number; peakMemoryBytes: number };

/** What the build depends on: the backend's exact packages, its config, and the storefront URL compiled into it. */
function buildInputs(storefrontUrl: string): string {
  const hash = createHash("sha256");
  for (const file of ["package-lock.json", "medusa-config.ts"]) hash.update(readFileSync(path.join(BACKEND_DIR, file)));
  hash.update(storefrontUrl);
  return hash.digest("hex");
}

function readStamp(): Stamp | undefined {
  if (!existsSync(STAMP_FILE)) return undefined;
  return JSON.parse(readFileSync(STAMP_FILE, "utf8")) as Stamp;
}

/** The kept build was made from this backend and for this storefront URL: serving it costs nothing more. */
export function adminBuildIsCurrent(storefrontUrl: string): boolean {
  return existsSync(path.join(ADMIN_SERVED_DIR, "index.html")) && readStamp()?.inputs === buildInputs(storefrontUrl);
}

export type AdminBuildCost = { seconds: number; peakMemoryBytes: number };

/**
 * Runs `medusa build --admin-only` in its own process group, sampling the group's resident memory, and moves the
 * result to where `medusa start` serves it. `env` must let medusa-config.ts load (the stack's Medusa environment).
 */
export async function buildAdmin(env: NodeJS.ProcessEnv, logFile: string): Promise<AdminBuildCost> {
  const started = Date.now();
  rmSync(ADMIN_ONLY_OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "a");
  let peakMemoryBytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(BACKEND_DIR, "node_modules", ".bin", "medusa"), ["build", "--admin-only"], {
        cwd: BACKEND_DIR,
        // A production bundle (the CLI would default the build to development); Admin off while building, as
        // Medusa expects of an --admin-only build.
        env: { ...env, NODE_ENV: "production", MEDUSA_ADMIN_SERVE: "false" },
        detached: true,
        stdio: ["ignore", log, log],
      });
      const pid = child.pid;
      const sampler = setInterval(() => {
        if (pid) peakMemoryBytes = Math.max(peakMemoryBytes, sessionMemoryBytes(pid));
      }, 250);
      child.once("error", (error) => {
        clearInterval(sampler);
        reject(error);
      });
      child.once("exit", (code) => {
        clearInterval(sampler);
        if (code === 0) resolve();
        else reject(new Error(`medusa build --admin-only exited with ${code}:\n${tail(logFile)}`));
      });
    });
  } finally {
    closeSync(log);
  }
  if (!existsSync(path.join(ADMIN_ONLY_OUTPUT_DIR, "index.html"))) {
    throw new Error(`medusa build --admin-only wrote no ${path.relative(BACKEND_DIR, ADMIN_ONLY_OUTPUT_DIR)}/index.html:\n${tail(logFile)}`);
  }
  rmSync(ADMIN_SERVED_DIR, { recursive: true, force: true });
  mkdirSync(path.dirname(ADMIN_SERVED_DIR), { recursive: true });
  renameSync(ADMIN_ONLY_OUTPUT_DIR, ADMIN_SERVED_DIR);
  const cost = { seconds: (Date.now() - started) / 1000, peakMemoryBytes };
  const stamp: Stamp = { inputs: buildInputs(env.STOREFRONT_URL ?? ""), ...cost };
  writeFileSync(STAMP_FILE, `${JSON.stringify(stamp, null, 2)}\n`);
  return cost;
}
