import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A plain HTTP proxy in front of Medusa that records every request passing through it, so the bench can
 * say how many backend calls the storefront's server made for a shopper's action, and which ones.
 */

export interface CountingProxy {
  /** Where the storefront should send its backend requests (its MEDUSA_BACKEND_URL). */
  readonly url: string;
  /** Every request seen so far, in arrival order, as "METHOD /route" (ids replaced by :id). */
  readonly log: readonly string[];
  /**
   * When each of those requests was in Medusa's hands, from its arrival to the end of its answer, on this process's
   * `performance.now()` clock: what the storefront waited for Medusa.
   */
  readonly intervals: readonly Interval[];
  close(): Promise<void>;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * How long at least one of `intervals` was running within [from, to]: overlapping requests count once, and one still
 * running counts up to `to`.
 */
export function coveredMs(intervals: readonly Interval[], from: number, to: number): number {
  const clipped = intervals
    .map((interval) => ({ start: Math.max(interval.start, from), end: Number.isNaN(interval.end) ? to : Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let reach = -Infinity;
  for (const interval of clipped) {
    if (interval.end <= reach) continue;
    total += interval.end - Math.max(interval.start, reach);
    reach = interval.end;
  }
  return total;
}

// Medusa ids are a lowercase prefix and a 26-character ULID: cart_01M84…, reg_01M84…, pay_col_01M84….
const MEDUSA_ID = /^[a-z]+(?:_[a-z]+)*_[0-9A-Z]{26}$/;

/** "GET /store/carts/cart_01…?fields=…" → "GET /store/carts/:id", so that calls to the same route add up. */
export function routeOf(method: string, rawUrl: string): string {
  const { pathname } = new URL(rawUrl, "http://proxy.invalid");
  const route = pathname
    .split("/")
    .map((segment) => (MEDUSA_ID.test(segment) ? ":id" : segment))
    .join("/");
  return `${method.toUpperCase()} ${route}`;
}

export async function startCountingProxy(target: string, port: number): Promise<CountingProxy> {
  const upstream = new URL(target);
  const log: string[] = [];
  const intervals: Interval[] = [];
  // Keep connections to Medusa open, as the storefront's own fetch would; the proxy should add as
  // little time as possible to what it measures.
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((req, res) => {
    log.push(routeOf(req.method ?? "GET", req.url ?? "/"));
    const interval = { start: performance.now(), end: Number.NaN };
    intervals.push(interval);
    res.once("close", () => {
      interval.end = performance.now();
    });
    const forwarded = http.request(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`counting proxy: ${error.message}`);
    });
    req.pipe(forwarded);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    log,
    intervals,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
