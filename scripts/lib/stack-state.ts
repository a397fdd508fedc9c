import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isAlive } from "./processes";
import { PIDS_FILE, type StackMode } from "./stack-config";

/**
 * What the stack script started, kept in .stack/pids.json so that `stop` stops exactly that. Each process is
 * recorded with its start time as well as its pid: after a reboot the same pid may belong to another program, and
 * a pid alone would make the stack believe it is still running (or stop a stranger).
 */

export type Service = "postgres" | "redis" | "stripe" | "medusa" | "worker";
export type RunningProcess = { pid: number; startTime?: number };
export type StackState = { mode: StackMode; services: Partial<Record<Service, RunningProcess>> };

/** Fields 3 onwards of /proc/PID/stat (state, ppid, pgrp, session, …), or undefined where /proc does not tell. */
function procStat(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** The process's start time in clock ticks since boot. */
export function processStartTime(pid: number): number | undefined {
  const startTime = Number(procStat(pid)?.[19]);
  return Number.isFinite(startTime) ? startTime : undefined;
}

/** Resident memory of a service: every process in the session its detached leader started (PostgreSQL's backends too). */
export function sessionMemoryBytes(leaderPid: number): number {
  const pageSize = 4096;
  let pages = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = procStat(entry);
    if (fields && Number(fields[3]) === leaderPid) pages += Number(fields[21]) || 0;
  }
  return pages * pageSize;
}

export function isRunning(process: RunningProcess | undefined): process is RunningProcess {
  if (!process || !isAlive(process.pid)) return false;
  return process.startTime === undefined || processStartTime(process.pid) === process.startTime;
}

export function recordProcess(pid: number): RunningProcess {
  return { pid, startTime: processStartTime(pid) };
}

export function readStackState(): StackState {
  if (!existsSync(PIDS_FILE)) return { mode: "plain", services: {} };
  const raw = JSON.parse(readFileSync(PIDS_FILE, "utf8")) as Partial<StackState> & Record<string, unknown>;
  if (raw.services) return { mode: raw.mode ?? "plain", services: raw.services };
  // The earlier format: { service: pid }.
  const services: StackState["services"] = {};
  for (const [service, pid] of Object.entries(raw)) if (typeof pid === "number") services[service as Service] = { pid };
  return { mode: "plain", services };
}

export function writeStackState(state: StackState): void {
  mkdirSync(path.dirname(PIDS_FILE), { recursive: true });
  writeFileSync(PIDS_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** The services a mode runs, in start order. */
export function servicesOf(mode: StackMode): Service[] {
  return mode === "production" ? ["postgres", "redis", "stripe", "medusa", "worker"] : ["postgres", "stripe", "medusa"];
}

export function stackRunning(state: StackState = readStackState()): boolean {
  return servicesOf(state.mode).every((service) => isRunning(state.services[service]));
}
