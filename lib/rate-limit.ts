/**
 * A small in-memory limiter of attempts (sign-in, sign-up) per key within a sliding window. Pure: the clock is passed
 * in, so the unit test can move time.
 *
 * It counts per server instance: each Node process (each serverless instance on Vercel) keeps its own counts and
 * forgets them on restart, so the real limit for a shop running N instances is up to N times the configured one. It
 * slows down guessing from one place; a shop that needs a hard, shared limit puts one in front (the host's firewall,
 * or a store such as Redis).
 */

export interface Limit {
  /** What is counted, e.g. `email:ann@example.com` or `client:203.0.113.9`. */
  key: string;
  /** Attempts allowed within the window. */
  max: number;
  windowMs: number;
}

export type Attempt = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Keys kept at most; beyond that the stalest are dropped, so a flood of new keys cannot exhaust memory. */
const DEFAULT_MAX_KEYS = 10_000;

export class AttemptLimiter {
  /** Times (ms) of the attempts still inside their window, oldest first, per key. */
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys: number = DEFAULT_MAX_KEYS,
  ) {}

  /**
   * One attempt counted against every limit at once, or none: an attempt refused by any limit is not recorded
   * anywhere (so waiting is enough to be let in again, and a refused client does not use up an email's allowance).
   */
  attempt(limits: readonly Limit[]): Attempt {
    const now = this.now();
    let retryAfterMs = 0;
    for (const limit of limits) {
      const recent = this.recent(limit, now);
      if (recent.length >= limit.max) {
        // Let in again when the oldest attempt that still counts leaves the window.
        const oldestCounted = recent[recent.length - limit.max] ?? now;
        retryAfterMs = Math.max(retryAfterMs, oldestCounted + limit.windowMs - now);
      }
    }
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs };
    for (const limit of limits) {
      const recent = this.recent(limit, now);
      recent.push(now);
      // Re-inserted so the map's order stays "least recently used first" for pruning.
      this.attempts.delete(limit.key);
      this.attempts.set(limit.key, recent);
    }
    this.prune(now, Math.max(...limits.map((limit) => limit.windowMs)));
    return { allowed: true };
  }

  /** Forgets a key's attempts (after a successful sign-in, the email starts afresh). */
  forget(key: string): void {
    this.attempts.delete(key);
  }

  /** How many keys are held, for the unit test. */
  get size(): number {
    return this.attempts.size;
  }

  private recent(limit: Limit, now: number): number[] {
    return (this.attempts.get(limit.key) ?? []).filter((time) => time > now - limit.windowMs);
  }

  private prune(now: number, windowMs: number): void {
    if (this.attempts.size <= this.maxKeys) return;
    for (const [key, times] of this.attempts) {
      if ((times.at(-1) ?? 0) <= now - windowMs) this.attempts.delete(key);
    }
    // Still too many live keys: drop the least recently used.
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys) break;
      this.attempts.delete(key);
    }
  }
}

/** "1 minute", "15 minutes": how long to wait, rounded up to whole minutes. */
export function describeWait(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
