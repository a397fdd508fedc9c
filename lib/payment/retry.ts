/**
 * Bounded retries with exponential back-off, for work that must not be given up after one failure (releasing a
 * payment hold). Pure apart from the injected `sleep`, so the schedule is unit-tested without waiting.
 */

export interface RetryOptions {
  /** Tries in all, the first included (at least 1). */
  attempts: number;
  /** Wait before the second try; each later wait doubles. */
  firstDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export type RetryResult<T> = { ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number };

/** The waits between tries: `[first, 2·first, 4·first, …]`, one fewer than the tries. */
export function backoffDelays(attempts: number, firstDelayMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, index) => firstDelayMs * 2 ** index);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `task` until it resolves or the tries run out; never throws. `retryable` may stop early (a final answer). */
export async function retryWithBackoff<T>(
  task: (attempt: number) => Promise<T>,
  { attempts, firstDelayMs, sleep = wait }: RetryOptions,
  retryable: (error: unknown) => boolean = () => true,
): Promise<RetryResult<T>> {
  const delays = backoffDelays(Math.max(1, attempts), firstDelayMs);
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await task(attempt), attempts: attempt };
    } catch (error) {
      const delay = delays[attempt - 1];
      if (delay === undefined || !retryable(error)) return { ok: false, error, attempts: attempt };
      await sleep(delay);
    }
  }
}
