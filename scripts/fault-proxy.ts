/**
 * The fault suite's switchable proxy as a process, for Playwright's webServer list (e2e/faults.config.ts):
 *
 *   tsx scripts/fault-proxy.ts --port 3401 --control 3402
 *
 * Forwards :3401 to the stack's Medusa. `POST http://127.0.0.1:3402/mode/{pass|refuse|hang}` switches it,
 * `POST /latency/{ms}` makes it slow (0: not); `GET /` answers the mode (and tells Playwright it is up).
 */
import http from "node:http";
import { startFaultProxy, type ProxyMode } from "@medusa-stripe-checkout/test-support/fault-proxy";
import { readStackInfo } from "@medusa-stripe-checkout/test-support/stack-info";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const MODES: readonly ProxyMode[] = ["pass", "refuse", "hang"];

async function main(): Promise<void> {
  const proxy = await startFaultProxy(readStackInfo().backendUrl, arg("--port", 3401));
  const control = http.createServer((request, response) => {
    const mode = /^\/mode\/(\w+)$/.exec(request.url ?? "")?.[1];
    const latency = /^\/latency\/(\d{1,6})$/.exec(request.url ?? "")?.[1];
    if (request.method === "POST" && latency !== undefined) proxy.setLatency(Number(latency));
    else if (request.method === "POST" && MODES.includes(mode as ProxyMode)) proxy.setMode(mode as ProxyMode);
    else if (request.method === "POST") return void response.writeHead(400).end("unknown mode");
    response.writeHead(200, { "content-type": "text/plain" }).end(proxy.mode());
  });
  control.listen(arg("--control", 3402), "127.0.0.1");
  process.stdout.write(`fault proxy ${proxy.url} → Medusa; control http://127.0.0.1:${arg("--control", 3402)}\n`);
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
