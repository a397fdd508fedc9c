import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * Bundles the harness checkout (app.tsx) and serves it from 127.0.0.1 on a free port, as a merchant's page
 * would be served: a plain http origin that loads Stripe.js from https://js.stripe.com.
 */
export interface Harness {
  readonly url: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * The merchant's server side of a deferred-intent checkout: `POST /create-intent` `{ amount, currency,
   * threeDSecure }` answers `{ client_secret }` from this function (the browser test creates the PaymentIntent
   * on the double with the secret key, as a storefront's server would).
   */
  createPaymentIntent?: (request: { amount: number; currency: string; threeDSecure: boolean }) => Promise<{ client_secret: string }>;
}

// With `stripejs`, the page loads Stripe.js itself from that URL before the loader runs, as the offline
// demo loads http://localhost:12111/js/endive/stripe.js; the loader then uses the window.Stripe it finds.
function page(stripeJs: string | null): string {
  const preload = stripeJs ? `<script src="${escapeAttribute(stripeJs)}"></script>` : "";
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Stripe double harness</title>${preload}</head>
<body><main id="root"></main><script src="/app.js"></script></body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

// Where a redirect (confirmPayment with redirect: "always") lands; it shows what Stripe.js appended.
const RETURN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Returned</title></head>
<body><h1>Returned</h1><dl id="params"></dl>
<script>
  const list = document.getElementById("params");
  for (const [key, value] of new URLSearchParams(location.search)) {
    const dt = document.createElement("dt"); dt.textContent = key;
    const dd = document.createElement("dd"); dd.textContent = value; dd.dataset.param = key;
    list.append(dt, dd);
  }
</script></body>
</html>`;

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        resolveBody(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on("error", reject);
  });
}

async function createIntent(request: IncomingMessage, response: ServerResponse, options: HarnessOptions): Promise<void> {
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  if (request.method !== "POST" || !options.createPaymentIntent) {
    send(404, { error: "no intent endpoint" });
    return;
  }
  try {
    const body = (await readJson(request)) as { amount?: unknown; currency?: unknown; threeDSecure?: unknown };
    if (typeof body.amount !== "number" || typeof body.currency !== "string") {
      send(400, { error: "amount (number) and currency (string) are required" });
      return;
    }
    send(200, await options.createPaymentIntent({ amount: body.amount, currency: body.currency, threeDSecure: body.threeDSecure === true }));
  } catch (error) {
    send(500, { error: error instanceof Error ? error.message : String(error) });
  }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./app.tsx", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "silent",
  });
  const bundle = result.outputFiles[0]?.text;
  if (bundle === undefined) throw new Error("esbuild produced no bundle for the harness");

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    if (path === "/app.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      response.end(bundle);
    } else if (path === "/create-intent") {
      void createIntent(request, response, options);
    } else if (path === "/return") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(RETURN_PAGE);
    } else if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      const stripeJs = url.searchParams.get("stripejs");
      response.end(page(stripeJs && /^https?:\/\//.test(stripeJs) ? stripeJs : null));
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
