import net from "node:net";
import { Transform } from "node:stream";

/**
 * A switchable TCP proxy put between the storefront and Medusa, to play a backend that stops answering and
 * comes back, without touching the shared Medusa that other suites use.
 *
 *   pass   — bytes flow both ways (the backend is fine)
 *   refuse — connections are closed at once (the backend is down: ECONNRESET / "fetch failed")
 *   hang   — connections are accepted and never answered (the backend is slower than anyone waits)
 *
 * Independently of the mode, `setLatency(ms)` makes a backend that answers, but slowly: every chunk the
 * storefront sends waits that long before it goes on (connections are kept; 0 turns it off).
 */
export type ProxyMode = "pass" | "refuse" | "hang";

export type FaultProxy = {
  url: string;
  port: number;
  setMode(mode: ProxyMode): void;
  mode(): ProxyMode;
  setLatency(ms: number): void;
  latency(): number;
  close(): Promise<void>;
};

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const { hostname, port: targetPort } = new URL(target);
  let mode: ProxyMode = "pass";
  let latencyMs = 0;
  // Chunks keep their order: a Transform handles one chunk at a time.
  const delayed = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (latencyMs <= 0) return done(null, chunk);
        setTimeout(() => done(null, chunk), latencyMs);
      },
    });
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "refuse") return void client.destroy();
    if (mode === "hang") return; // read nothing, answer nothing; the storefront's own time-out must fire
    const upstream = net.connect(Number(targetPort || 80), hostname === "localhost" ? "127.0.0.1" : hostname);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.pipe(delayed()).pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the fault proxy has no port");

  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    setMode(next) {
      mode = next;
      // Kept-alive connections from before the switch would keep the old behaviour (a hung one stays hung):
      // cut them all, as a backend that goes down or restarts does.
      for (const socket of sockets) socket.destroy();
    },
    mode: () => mode,
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    latency: () => latencyMs,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
