import { spawn, type SpawnOptions } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** Helpers for starting long-lived local services that outlive the command that started them. */

export function isAlive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

export function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/** Starts a command in its own process group, its output appended to `logFile`, and returns its pid. */
export function spawnDetached(command: string, args: string[], logFile: string, options: SpawnOptions = {}): number {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${command}`);
  return child.pid;
}

/** Runs a command to completion with output appended to `logFile`; rejects with the log's tail on failure. */
export async function runLogged(command: string, args: string[], logFile: string, options: SpawnOptions = {}): Promise<void> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, "a");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(command, args, { ...options, stdio: ["ignore", log, log] });
      child.once("error", reject);
      child.once("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${tail(logFile)}`)),
      );
    });
  } finally {
    closeSync(log);
  }
}

type WaitOptions = { timeoutMs: number; pid?: number; logFile?: string; what: string };

/** Polls `check` until it is true; fails early, with the log's tail, if the process being waited on dies. */
export async function waitUntil(check: () => Promise<boolean>, { timeoutMs, pid, logFile, what }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const logTail = logFile ? `\n--- ${logFile} ---\n${tail(logFile)}` : "";
    if (pid !== undefined && !isAlive(pid)) throw new Error(`${what} exited while starting.${logTail}`);
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s.${logTail}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}

/** Sends SIGTERM to a process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcessGroup(pid: number, graceMs = 10_000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) signal("SIGKILL");
}
