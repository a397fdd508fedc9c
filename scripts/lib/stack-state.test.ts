import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "stack-state-"));
vi.stubEnv("STACK_DIR", dir);
const { isRunning, processStartTime, readStackState, recordProcess, stackRunning } = await import("./stack-state");

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("stack state", () => {
  it("knows a live process by its pid and start time", () => {
    expect(processStartTime(process.pid)).toBeGreaterThan(0);
    expect(isRunning(recordProcess(process.pid))).toBe(true);
  });

  it("does not take a pid now used by another program (a reboot) for the service it recorded", () => {
    const startTime = processStartTime(process.pid) ?? 0;
    expect(isRunning({ pid: process.pid, startTime: startTime + 1 })).toBe(false);
  });

  it("treats a stale pids.json, in the current or the earlier format, as a stopped stack", () => {
    const startTime = processStartTime(process.pid) ?? 0;
    const stale = { pid: process.pid, startTime: startTime - 1 };
    writeFileSync(path.join(dir, "pids.json"), JSON.stringify({ mode: "plain", services: { postgres: stale, stripe: stale, medusa: stale } }));
    expect(stackRunning()).toBe(false);

    writeFileSync(path.join(dir, "pids.json"), JSON.stringify({ postgres: 999_999_999, stripe: 999_999_998, medusa: 999_999_997 }));
    expect(readStackState()).toEqual({
      mode: "plain",
      services: { postgres: { pid: 999_999_999 }, stripe: { pid: 999_999_998 }, medusa: { pid: 999_999_997 } },
    });
    expect(stackRunning()).toBe(false);
  });

  it("needs Redis and the worker too in the production setup", () => {
    const live = recordProcess(process.pid);
    const plain = { postgres: live, stripe: live, medusa: live };
    expect(stackRunning({ mode: "plain", services: plain })).toBe(true);
    expect(stackRunning({ mode: "production", services: plain })).toBe(false);
    expect(stackRunning({ mode: "production", services: { ...plain, redis: live, worker: live } })).toBe(true);
  });
});
