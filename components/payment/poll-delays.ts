/**
 * Back-off for polling the backend after the shopper confirmed: Stripe's webhook reaches Medusa after
 * its delay (5 s by default), so ask often at first, then less, and stop after a bounded wait.
 */
export function pollDelays(options: { firstMs?: number; factor?: number; maxMs?: number; totalMs?: number } = {}): number[] {
  const { firstMs = 1000, factor = 1.5, maxMs = 5000, totalMs = 60_000 } = options;
  const delays: number[] = [];
  let next = firstMs;
  let elapsed = 0;
  while (elapsed + next <= totalMs) {
    delays.push(next);
    elapsed += next;
    next = Math.min(Math.round(next * factor), maxMs);
  }
  return delays;
}
