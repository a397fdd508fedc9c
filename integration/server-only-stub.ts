// Stands in for the `server-only` marker package when integration tests import the storefront's own server code
// (lib/payment/completion.ts, …) to drive it against the real backend. The marker only guards client bundles.
export {};
