/**
 * Starts and stops the local stack from a copy of this checkout in a private folder (`mktemp -d`, mode 700), the
 * way a newcomer's clone in a home folder is: as root, PostgreSQL runs as another user who cannot enter it.
 *
 *   tsx scripts/check-private-clone.ts
 *
 * The copy holds the files git knows of (tracked and new, as in the working tree) and hard links to this checkout's
 * installed packages, so it costs seconds rather than an install, yet every binary sits inside the private folder.
 * Its stack uses its own ports and its own folder for PostgreSQL; everything is removed at the end.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPortFree } from "./lib/processes";
import { ROOT } from "./lib/stack-config";

const ports = { PG_PORT: 54429, STRIPE_DOUBLE_PORT: 12211, MEDUSA_PORT: 9100, MEDUSA_WORKER_PORT: 9101 };

function copyCheckout(target: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT })
    .toString()
    .split("\0")
    .filter((file) => file && existsSync(path.join(ROOT, file)));
  // tar keeps modes and modification times (the stack compares the backend's package.json with its install).
  const copied = spawnSync("bash", ["-c", 'tar --null -T - -cf - | tar -C "$0" -xf -', target], { cwd: ROOT, input: files.join("\0") });
  if (copied.status !== 0) throw new Error(`copying the checkout failed: ${copied.stderr}`);
  // A checkout whose backend is not installed yet lets the copy's stack install it, as a newcomer's would.
  for (const modules of ["node_modules", "backend/node_modules"]) {
    if (existsSync(path.join(ROOT, modules))) execFileSync("cp", ["-al", path.join(ROOT, modules), path.join(target, modules)]);
  }
}

function stack(checkout: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])) };
  // The clone finds its own folders, as a newcomer's would.
  for (const name of ["STACK_DIR", "PG_HOME", "STACK_MODE"]) delete env[name];
  const result = spawnSync(path.join(checkout, "node_modules", ".bin", "tsx"), ["scripts/stack.ts", ...args], { cwd: checkout, env, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`;
  process.stdout.write(`${output.trimEnd().replace(/^/gm, "  │ ")}\n`);
  if (result.status !== 0) throw new Error(`stack ${args.join(" ")} failed (exit ${result.status})`);
  return output;
}

async function main(): Promise<void> {
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} (${name}) is taken: another private-clone check is running?`);
  }
  const privateDir = mkdtempSync(path.join(os.tmpdir(), "checkout-clone-"));
  const mode = statSync(privateDir).mode & 0o777;
  if (mode !== 0o700) throw new Error(`mkdtemp made ${privateDir} with mode ${mode.toString(8)}, not 700`);
  const checkout = path.join(privateDir, "checkout");
  mkdirSync(checkout);
  let pgHome: string | undefined;
  const leftRunning: string[] = [];
  try {
    copyCheckout(checkout);
    process.stdout.write(`copied this checkout into ${checkout} (in a mode-700 folder); starting its stack\n`);
    stack(checkout, "start");
    pgHome = /postgres data and binaries: (.+)/.exec(stack(checkout, "status"))?.[1];
    const info = JSON.parse(readFileSync(path.join(checkout, ".stack", "seed.json"), "utf8")) as { backendUrl: string; publishableKey: string };
    const response = await fetch(`${info.backendUrl}/store/products?limit=1`, { headers: { "x-publishable-api-key": info.publishableKey } });
    const body = (await response.json()) as { products?: unknown[] };
    if (!response.ok || !body.products?.length) throw new Error(`the clone's Medusa did not list the seeded products (HTTP ${response.status})`);
    process.stdout.write(`the clone's Medusa answers with its seeded products\n`);
  } finally {
    if (existsSync(path.join(checkout, "node_modules"))) {
      try {
        stack(checkout, "stop");
      } catch (error) {
        leftRunning.push(String(error));
      }
    }
    for (const [name, port] of Object.entries(ports)) {
      if (!(await isPortFree(port))) leftRunning.push(`${name} ${port}`);
    }
    if (pgHome) rmSync(pgHome, { recursive: true, force: true });
    rmSync(privateDir, { recursive: true, force: true });
  }
  if (leftRunning.length > 0) throw new Error(`after stop, still running: ${leftRunning.join(", ")}`);
  process.stdout.write("private clone: the stack started, answered and stopped\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
