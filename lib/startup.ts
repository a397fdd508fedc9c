import { ConfigError, getConfig } from "./config";

/** Called once at server start (instrumentation.ts), in the Node.js runtime only. */
export function exitUnlessConfigured(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Next only logs a failing instrumentation hook and keeps serving; without its config the
    // storefront must not.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
