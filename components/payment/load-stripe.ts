import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

/**
 * Loading Stripe.js, once per page. With the offline stand-in (demo only), its script is injected first and
 * awaited, so `window.Stripe` exists and the loader uses it instead of js.stripe.com. Browser only.
 */

const stripeLoads = new Map<string, Promise<Stripe | null>>();
/** Each load attempt gets a number: Elements' `stripe` prop cannot change in place, so a retry remounts it. */
const loadAttempts = new WeakMap<Promise<Stripe | null>, number>();
let attempts = 0;

export function loadAttempt(loading: Promise<Stripe | null>): number {
  return loadAttempts.get(loading) ?? 0;
}

export function loadStripeOnce(publishableKey: string, stripeDoubleUrl: string | null): Promise<Stripe | null> {
  // Server rendering of a client component: Stripe.js only exists in the browser.
  if (typeof window === "undefined") return Promise.resolve(null);
  const cacheKey = `${publishableKey}|${stripeDoubleUrl ?? ""}`;
  let loading = stripeLoads.get(cacheKey);
  if (!loading) {
    loading = (stripeDoubleUrl ? injectScript(`${stripeDoubleUrl}/js/endive/stripe.js`) : Promise.resolve()).then(() =>
      loadStripe(publishableKey),
    );
    // A failed load must not stick: the next mount or a retry tries again.
    loading.catch(() => stripeLoads.delete(cacheKey));
    stripeLoads.set(cacheKey, loading);
    loadAttempts.set(loading, ++attempts);
  }
  return loading;
}

function injectScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}
