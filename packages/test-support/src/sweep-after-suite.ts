import { assertSweepClean } from "./invariant";

/**
 * The global money sweep after a whole suite (vitest `globalSetup`, Playwright `globalTeardown`): once Medusa has
 * processed every webhook, every PaymentIntent and every order on the stack must satisfy the invariant. It prints
 * its counts; a violation fails the suite. Suites sharing the stack must not run at the same moment: a checkout
 * between payment and completion would look like an orphaned hold.
 */
export async function sweepAfterSuite(): Promise<void> {
  await assertSweepClean((line) => console.log(`\n${line}\n`));
}

/** vitest's globalSetup: nothing before the suite, the sweep after it. */
export default function setup(): () => Promise<void> {
  return sweepAfterSuite;
}
