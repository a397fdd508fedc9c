import "server-only";
import Medusa from "@medusajs/js-sdk";
import { getConfig } from "./config";

let client: Medusa | undefined;

/**
 * The one Medusa client. Server-only: the browser never talks to the backend, so the backend URL
 * and publishable key are read from the server's environment at runtime, not baked into the build.
 * Created on first use so that `next build` needs no backend configuration.
 */
export function medusa(): Medusa {
  if (!client) {
    const config = getConfig();
    client = new Medusa({
      baseUrl: config.medusaBackendUrl,
      publishableKey: config.medusaPublishableKey,
      // No customer login here; never look for a token in browser storage that is not there.
      auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
    });
  }
  return client;
}
