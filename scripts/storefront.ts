/**
 * Runs the storefront's production build against the local stack.
 *
 *   tsx scripts/storefront.ts [--port 3000] [--with-double-script] [--no-build]
 *
 * The storefront reads its configuration from the environment at run time; this fills it in from
 * .stack/seed.json. `--with-double-script` is the offline demo: the page loads the Stripe double's Stripe.js
 * itself. Without it (the browser tests) the page asks for js.stripe.com as in production, and the test routes
 * Stripe's hosts to the double.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { readStackInfo } from "@medusa-stripe-checkout/test-support/stack-info";
import { ROOT } from "./lib/stack-config";

export function storefrontEnv(options: { withDoubleScript: boolean }): Record<string, string> {
  const info = readStackInfo();
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    // Override hook for the fault suite, which puts a switchable proxy between the storefront and Medusa.
    MEDUSA_BACKEND_URL: process.env.STOREFRONT_MEDUSA_URL ?? info.backendUrl,
    MEDUSA_PUBLISHABLE_KEY: info.publishableKey,
    STRIPE_PUBLISHABLE_KEY: info.stripe.publishableKey,
    DEFAULT_COUNTRY: process.env.DEFAULT_COUNTRY ?? "de",
    // The server reads payment states from the double (the browser reaches it through Playwright's routes).
    STRIPE_API_URL: info.stripe.doubleUrl,
    ...(options.withDoubleScript ? { STRIPE_DOUBLE_URL: info.stripe.doubleUrl } : {}),
  };
}

function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), args, { cwd: ROOT, stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portIndex = args.indexOf("--port");
  const port = portIndex >= 0 ? args[portIndex + 1] ?? "3000" : "3000";
  const env = { ...process.env, ...storefrontEnv({ withDoubleScript: args.includes("--with-double-script") }) };

  if (!args.includes("--no-build")) {
    const built = await runNext(["build"], env);
    if (built !== 0) process.exit(built);
  }
  process.stdout.write(`\nStorefront: http://localhost:${port}\n`);
  const { admin } = readStackInfo();
  if (admin.url) process.stdout.write(`Medusa Admin: ${admin.url}  (sign in as ${admin.email} / ${admin.password})\n`);
  process.exit(await runNext(["start", "-p", port], env));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, "scripts", "storefront.ts")) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
