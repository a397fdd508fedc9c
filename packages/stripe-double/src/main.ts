/**
 * Runs the Stripe double as a process (`npx stripe-double`, bin/stripe-double.mjs). Configuration by environment,
 * as listed in the README.
 */
import { createStripeDouble, DEFAULT_WEBHOOK_SECRET } from "./server";

const port = Number(process.env.STRIPE_DOUBLE_PORT ?? "12111");
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`stripe-double: STRIPE_DOUBLE_PORT must be a port number, got "${process.env.STRIPE_DOUBLE_PORT ?? ""}"`);
  process.exit(1);
}
const webhookUrls = (process.env.STRIPE_DOUBLE_WEBHOOK_URLS ?? "")
  .split(",")
  .map((url) => url.trim())
  .filter((url) => url !== "");
const stateFile = process.env.STRIPE_DOUBLE_STATE_FILE || undefined;

let double: ReturnType<typeof createStripeDouble>;
try {
  double = createStripeDouble({
    webhookUrls,
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET,
    stateFile,
  });
} catch (error) {
  console.error(`stripe-double: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

try {
  const url = await double.listen(port);
  console.log(
    `stripe-double listening on ${url} (webhooks → ${webhookUrls.length > 0 ? webhookUrls.join(", ") : "none"}` +
      `${stateFile ? `, state in ${stateFile}` : ""})`,
  );
} catch (error) {
  const code = error instanceof Error && "code" in error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code === "EADDRINUSE") {
    console.error(`stripe-double: port ${port} on 127.0.0.1 is already in use (is another double running?). Set STRIPE_DOUBLE_PORT to use another port.`);
  } else {
    console.error(`stripe-double: could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`stripe-double: ${signal} received, shutting down`);
  await double.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
