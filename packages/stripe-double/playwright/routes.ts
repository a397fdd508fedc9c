import type { BrowserContext, Route } from "@playwright/test";

/**
 * Answers requests to Stripe's real hosts from the Stripe double, following the URL layout in
 * stripe-double/README.md, and aborts every other Stripe host.
 *
 * The page keeps loading `https://js.stripe.com/…` exactly as in production (the loader cannot be pointed
 * elsewhere), so the test exercises the real @stripe/stripe-js loader and the real origins, while nothing
 * leaves the machine. Any request to another Stripe host (telemetry, m.stripe.network, a Stripe.js feature
 * the double does not cover) is recorded in `leaks` so a test can assert that none happened.
 */

export interface StripeRoutes {
  /** Every aborted request to a Stripe host the double does not stand in for, as "METHOD url". */
  readonly leaks: string[];
  /** Removes the routes from the context. */
  dispose(): Promise<void>;
}

const MAPPED_HOSTS: Readonly<Record<string, string>> = {
  "js.stripe.com": "/js",
  "api.stripe.com": "",
  "hooks.stripe.com": "/hooks",
};

function isStripeHost(hostname: string): boolean {
  return (
    hostname === "stripe.com" ||
    hostname.endsWith(".stripe.com") ||
    hostname === "stripe.network" ||
    hostname.endsWith(".stripe.network")
  );
}

function isStripeUrl(url: URL): boolean {
  return isStripeHost(url.hostname);
}

export async function routeStripeToDouble(context: BrowserContext, doubleUrl: string): Promise<StripeRoutes> {
  const base = doubleUrl.replace(/\/+$/, "");
  const leaks: string[] = [];

  const handler = async (route: Route): Promise<void> => {
    const request = route.request();
    const url = new URL(request.url());
    const prefix = MAPPED_HOSTS[url.hostname];
    if (prefix === undefined || url.protocol !== "https:") {
      leaks.push(`${request.method()} ${request.url()}`);
      await route.abort("blockedbyclient");
      return;
    }
    const headers: Record<string, string> = { ...request.headers(), "x-forwarded-host": url.hostname };
    // The double must see its own Host; the Stripe host it stands in for travels in x-forwarded-host.
    delete headers["host"];
    try {
      const response = await route.fetch({
        url: `${base}${prefix}${url.pathname}${url.search}`,
        headers,
        // A redirect (the 3-D Secure page sending the shopper back) must reach the browser as a redirect,
        // not be followed here and served under the Stripe URL.
        maxRedirects: 0,
      });
      await route.fulfill({ response });
    } catch (error) {
      // The page or context closed while the double was answering: nothing is left to fulfil.
      if (error instanceof Error && /closed|disposed|detached/i.test(error.message)) return;
      throw error;
    }
  };

  await context.route(isStripeUrl, handler);
  return {
    leaks,
    dispose: () => context.unroute(isStripeUrl, handler),
  };
}
