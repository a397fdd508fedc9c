/**
 * Stripe's test cards (https://docs.stripe.com/testing) and the outcome each one has on a charge.
 * Numbers not listed here behave as in Stripe's test mode: a number passing Luhn pays.
 */

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "jcb" | "diners" | "unionpay" | "unknown";

export interface CardDecline {
  /** Stripe's error `code` */
  code: string;
  /** Stripe's `decline_code`, present only for `card_declined` */
  declineCode?: string;
  message: string;
}

export type CardOutcome =
  | { kind: "pays" }
  | { kind: "three_d_secure" }
  | { kind: "declined"; decline: CardDecline };

export const DECLINES = {
  generic: { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  insufficientFunds: {
    code: "card_declined",
    declineCode: "insufficient_funds",
    message: "Your card has insufficient funds.",
  },
  lostCard: { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  stolenCard: { code: "card_declined", declineCode: "stolen_card", message: "Your card was declined." },
  expiredCard: { code: "expired_card", message: "Your card has expired." },
  incorrectCvc: { code: "incorrect_cvc", message: "Your card's security code is incorrect." },
  processingError: {
    code: "processing_error",
    message: "An error occurred while processing your card. Try again in a little bit.",
  },
} satisfies Record<string, CardDecline>;

interface TestCard {
  number: string;
  outcome: CardOutcome;
  funding?: "credit" | "debit" | "prepaid";
  country?: string;
}

const PAYS: CardOutcome = { kind: "pays" };
const THREE_D_SECURE: CardOutcome = { kind: "three_d_secure" };
const declined = (decline: CardDecline): CardOutcome => ({ kind: "declined", decline });

const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", outcome: PAYS },
  { number: "4000056655665556", outcome: PAYS, funding: "debit" },
  { number: "5555555555554444", outcome: PAYS },
  { number: "2223003122003222", outcome: PAYS },
  { number: "5200828282828210", outcome: PAYS, funding: "debit" },
  { number: "378282246310005", outcome: PAYS },
  { number: "6011111111111117", outcome: PAYS },
  { number: "3566002020360505", outcome: PAYS },
  { number: "6200000000000005", outcome: PAYS },
  { number: "4000002760003184", outcome: THREE_D_SECURE, country: "DE" },
  { number: "4000002500003155", outcome: THREE_D_SECURE, country: "FR" },
  { number: "4000000000003220", outcome: THREE_D_SECURE },
  { number: "4000000000003063", outcome: THREE_D_SECURE },
  { number: "4000000000009995", outcome: declined(DECLINES.insufficientFunds) },
  { number: "4000000000000002", outcome: declined(DECLINES.generic) },
  { number: "4000000000000341", outcome: declined(DECLINES.generic) },
  { number: "4000000000009987", outcome: declined(DECLINES.lostCard) },
  { number: "4000000000009979", outcome: declined(DECLINES.stolenCard) },
  { number: "4000000000000069", outcome: declined(DECLINES.expiredCard) },
  { number: "4000000000000127", outcome: declined(DECLINES.incorrectCvc) },
  { number: "4000000000000119", outcome: declined(DECLINES.processingError) },
];

/** Stripe's `pm_card_*` shortcuts: usable wherever a PaymentMethod id is, each use mints a new PaymentMethod. */
export const PAYMENT_METHOD_SHORTCUTS: Readonly<Record<string, string>> = {
  pm_card_visa: "4242424242424242",
  pm_card_us: "4242424242424242",
  pm_card_visa_debit: "4000056655665556",
  pm_card_mastercard: "5555555555554444",
  pm_card_mastercard_debit: "5200828282828210",
  pm_card_amex: "378282246310005",
  pm_card_discover: "6011111111111117",
  pm_card_jcb: "3566002020360505",
  pm_card_unionpay: "6200000000000005",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_threeDSecure2Required: "4000000000003220",
  pm_card_threeDSecureRequired: "4000000000003063",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
  pm_card_visa_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_visa_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_chargeDeclinedLostCard: "4000000000009987",
  pm_card_visa_chargeDeclinedLostCard: "4000000000009987",
  pm_card_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_visa_chargeDeclinedStolenCard: "4000000000009979",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_visa_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_visa_chargeDeclinedIncorrectCvc: "4000000000000127",
  pm_card_chargeDeclinedProcessingError: "4000000000000119",
  pm_card_visa_chargeDeclinedProcessingError: "4000000000000119",
};

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(number: string): CardBrand {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^(6011|64[4-9]|65)/.test(number)) return "discover";
  if (/^35/.test(number)) return "jcb";
  if (/^3(0[0-5]|[68])/.test(number)) return "diners";
  if (/^62/.test(number)) return "unionpay";
  return "unknown";
}

export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function testCard(number: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === number);
}

export function cardOutcome(number: string): CardOutcome {
  return testCard(number)?.outcome ?? PAYS;
}

export interface CardDetailsProblem {
  code: string;
  message: string;
  param: string;
}

/**
 * Checks a raw card the way Stripe does when a PaymentMethod is created, before any charge:
 * malformed or non-Luhn numbers, impossible expiry, malformed CVC.
 */
export function checkCardDetails(
  card: { number: string; expMonth: number; expYear: number; cvc?: string },
  now: Date,
): CardDetailsProblem | undefined {
  if (!/^\d+$/.test(card.number) || card.number.length < 12 || card.number.length > 19) {
    return { code: "invalid_number", message: "Your card number is invalid.", param: "number" };
  }
  if (!luhnValid(card.number)) {
    return { code: "incorrect_number", message: "Your card number is incorrect.", param: "number" };
  }
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) {
    return { code: "invalid_expiry_month", message: "Your card's expiration month is invalid.", param: "exp_month" };
  }
  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  if (!Number.isInteger(year) || year > now.getUTCFullYear() + 50) {
    return { code: "invalid_expiry_year", message: "Your card's expiration year is invalid.", param: "exp_year" };
  }
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
  if (expired) return { code: "expired_card", message: "Your card has expired.", param: "exp_month" };
  if (card.cvc !== undefined && card.cvc !== "") {
    const cvcLength = cardBrand(card.number) === "amex" ? 4 : 3;
    if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
      return { code: "invalid_cvc", message: "Your card's security code is invalid.", param: "cvc" };
    }
  }
  return undefined;
}
