/**
 * `npm test`: every check and every suite, on a fresh machine as on a developer's.
 *
 *   1. static checks: TypeScript (storefront, scripts, packages/, backend) and ESLint
 *   2. unit tests (no server), the packages' own included: the Stripe double's unit and contract tests
 *   3. the local stack in its production setup (started here if it is not running, and stopped again afterwards)
 *   4. a second stack started and stopped from a copy of this checkout in a private (mode 700) folder
 *   5. integration tests: whole checkouts through the js-sdk
 *   6. browser tests: the Stripe double's own, then the storefront's, then the fault and security suite,
 *      against one production build
 *   6. a small soak (scripts/soak.ts, 40 checkouts with faults) on that same build, counted as one test
 *
 * It stops at the first failing step and ends with one line: "tests: N passed, N failed".
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, STACK_DIR } from "./lib/stack-config";
import { stackRunning } from "./lib/stack-state";

type Counts = { passed: number; failed: number };
const total: Counts = { passed: 0, failed: 0 };
const REPORTS = path.join(STACK_DIR, "reports");

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  process.stdout.write(`\n$ ${command} ${args.join(" ")}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function bin(name: string): string {
  return path.join(ROOT, "node_modules", ".bin", name);
}

type VitestReport = { numPassedTests: number; numFailedTests: number };
type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number } };

function countVitest(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  return { passed: report.numPassedTests, failed: report.numFailedTests };
}

function countPlaywright(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const { stats } = JSON.parse(readFileSync(file, "utf8")) as PlaywrightReport;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
}

/** A step that is a single test of its own: it passes or fails as a whole. */
const asOneTest = (code: number): Counts => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

async function step(name: string, command: string, args: string[], counts?: (code: number) => Counts, env?: Record<string, string | undefined>) {
  const code = await run(command, args, env);
  if (counts) {
    const { passed, failed } = counts(code);
    total.passed += passed;
    total.failed += failed;
    if (code !== 0 && failed === 0) total.failed += 1; // the runner failed before it could count
  } else if (code !== 0) {
    total.failed += 1;
  }
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

async function main(): Promise<void> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const report = (name: string) => path.join(REPORTS, name);
  const startedStack = !stackRunning();
  try {
    await step("typecheck", bin("tsc"), ["--noEmit"]);
    for (const pkg of ["packages/stripe-double", "packages/test-support"]) await step(`typecheck ${pkg}`, bin("tsc"), ["--noEmit", "-p", pkg]);
    await step("eslint", bin("eslint"), [".", "--max-warnings=0"]);
    await step("unit tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report("unit.json")}`], () =>
      countVitest(report("unit.json")),
    );
    // The suites run on Medusa's production setup (server + worker + Redis), where webhooks are processed in
    // another process than the one that accepted them. A stack a developer already runs is used as it is.
    // --admin: the browser suite drives Medusa Admin (e2e/admin.spec.ts). Built once and kept (a fresh clone, as in
    // CI, pays the build once); a running stack without Admin gets its server restarted with it.
    await step("backend start", process.execPath, [bin("tsx"), "scripts/stack.ts", "start", "--admin", ...(startedStack ? ["--production"] : [])]);
    // After the backend start, which installs the backend's packages that the private copy links to.
    await step("stack from a private clone", process.execPath, [bin("tsx"), "scripts/check-private-clone.ts"], asOneTest);
    await step("backend typecheck", bin("tsc"), ["--noEmit", "-p", "backend"]);
    await step(
      "integration tests",
      bin("vitest"),
      ["run", "-c", "vitest.integration.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report("integration.json")}`],
      () => countVitest(report("integration.json")),
    );
    await step("browser tools", "bash", ["scripts/ensure-chromium.sh"]);
    await step("Stripe double browser tests", bin("playwright"), ["test", "-c", "packages/stripe-double/playwright.config.ts", "--reporter=line,json"], () => countPlaywright(report("double-e2e.json")), {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report("double-e2e.json"),
    });
    await step("storefront browser tests", bin("playwright"), ["test", "--reporter=line,json"], () => countPlaywright(report("e2e.json")), {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report("e2e.json"),
    });
    await step(
      "fault and security browser tests",
      bin("playwright"),
      ["test", "-c", "e2e/faults.config.ts", "--reporter=line,json"],
      () => countPlaywright(report("faults.json")),
      // The storefront the first suite built is the same production build: no second `next build`.
      { PLAYWRIGHT_JSON_OUTPUT_NAME: report("faults.json"), E2E_NO_BUILD: "1" },
    );
    // Fails on any money violation, shopper without a truthful page, or 5xx; figures in bench-results/soak.json.
    await step("soak", process.execPath, [bin("tsx"), "scripts/soak.ts", "--checkouts", "40", "--no-build"], (code) =>
      code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 },
    );
  } finally {
    if (startedStack && process.env.KEEP_STACK !== "1") await run(process.execPath, [bin("tsx"), "scripts/stack.ts", "stop"]);
    process.stdout.write(`\ntests: ${total.passed} passed, ${total.failed} failed\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
