import { sweepAfterSuite } from "@medusa-stripe-checkout/test-support/sweep-after-suite";

/** Playwright's globalTeardown for both browser configs: the global money sweep over the whole stack. */
export default sweepAfterSuite;
