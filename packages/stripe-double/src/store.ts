/**
 * The double's state: Stripe objects as Stripe returns them, plus the few private facts Stripe keeps
 * server-side (which card number a PaymentMethod holds, a pending 3-D Secure challenge). Optionally saved
 * to a JSON file after every change so a restarted double keeps the PaymentIntents a backend refers to.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "succeeded"
  | "canceled";

export type CaptureMethod = "automatic" | "automatic_async" | "manual";

export interface LastPaymentError {
  type: "card_error" | "invalid_request_error";
  code: string;
  decline_code?: string;
  message: string;
  doc_url: string;
  charge?: string;
  payment_method: PaymentMethod | null;
}

export interface NextAction {
  type: "use_stripe_sdk" | "redirect_to_url";
  use_stripe_sdk?: { type: "three_d_secure_redirect"; stripe_js: string; source: string };
  redirect_to_url?: { url: string; return_url: string };
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_capturable: number;
  amount_details: { tip: JsonObject };
  amount_received: number;
  application: null;
  application_fee_amount: null;
  automatic_payment_methods: { allow_redirects: string; enabled: boolean } | null;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: CaptureMethod;
  client_secret: string;
  confirmation_method: "automatic" | "manual";
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  invoice: null;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  next_action: NextAction | null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_configuration_details: { id: string; parent: null } | null;
  payment_method_options: JsonObject;
  payment_method_types: string[];
  processing: null;
  receipt_email: string | null;
  review: null;
  setup_future_usage: string | null;
  shipping: JsonValue;
  source: null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: PaymentIntentStatus;
  transfer_data: null;
  transfer_group: null;
}

export interface CardDetails {
  brand: string;
  checks: { address_line1_check: string | null; address_postal_code_check: string | null; cvc_check: string | null };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: string;
  generated_from: null;
  last4: string;
  networks: { available: string[]; preferred: string | null };
  three_d_secure_usage: { supported: boolean };
  wallet: CardWallet | null;
}

/** `card.wallet` of a PaymentMethod made from a wallet's token (only Google Pay's in the double). */
export interface CardWallet {
  dynamic_last4: string | null;
  google_pay: Record<string, never>;
  type: "google_pay";
}

/**
 * A card token as Stripe returns it (`tok_…`). The double mints them only for its Google Pay stand-in, the way
 * Google's servers ask Stripe for one when the shopper approves a payment (`tokenization_method: "android_pay"`).
 */
export interface Token {
  id: string;
  object: "token";
  card: {
    id: string;
    object: "card";
    address_city: string | null;
    address_country: string | null;
    address_line1: string | null;
    address_line1_check: string | null;
    address_line2: string | null;
    address_state: string | null;
    address_zip: string | null;
    address_zip_check: string | null;
    brand: string;
    country: string;
    cvc_check: null;
    dynamic_last4: string | null;
    exp_month: number;
    exp_year: number;
    fingerprint: string;
    funding: string;
    last4: string;
    metadata: Record<string, string>;
    name: string | null;
    tokenization_method: "android_pay";
    wallet: null;
  };
  client_ip: string | null;
  created: number;
  livemode: false;
  type: "card";
  used: boolean;
}

export interface BillingDetails {
  address: {
    city: string | null;
    country: string | null;
    line1: string | null;
    line2: string | null;
    postal_code: string | null;
    state: string | null;
  };
  email: string | null;
  name: string | null;
  phone: string | null;
}

export interface PaymentMethod {
  id: string;
  object: "payment_method";
  allow_redisplay: string;
  billing_details: BillingDetails;
  card: CardDetails;
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Record<string, string>;
  type: "card";
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application: null;
  application_fee: null;
  application_fee_amount: null;
  balance_transaction: string | null;
  billing_details: BillingDetails;
  calculated_statement_descriptor: string;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: boolean;
  failure_balance_transaction: null;
  failure_code: string | null;
  failure_message: string | null;
  fraud_details: JsonObject;
  invoice: null;
  livemode: false;
  metadata: Record<string, string>;
  on_behalf_of: null;
  outcome: JsonObject;
  paid: boolean;
  payment_intent: string;
  payment_method: string;
  payment_method_details: { card: JsonObject; type: "card" };
  receipt_email: string | null;
  receipt_number: null;
  receipt_url: string;
  refunded: boolean;
  review: null;
  shipping: JsonValue;
  source: null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: "succeeded" | "pending" | "failed";
  transfer_data: null;
  transfer_group: null;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string;
  charge: string;
  created: number;
  currency: string;
  destination_details: JsonObject;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  receipt_number: null;
  source_transfer_reversal: null;
  status: "succeeded";
  transfer_reversal: null;
}

export interface Customer {
  id: string;
  object: "customer";
  address: JsonValue;
  balance: number;
  created: number;
  currency: string | null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  discount: null;
  email: string | null;
  invoice_prefix: string;
  invoice_settings: JsonObject;
  livemode: false;
  metadata: Record<string, string>;
  name: string | null;
  next_invoice_sequence: number;
  phone: string | null;
  preferred_locales: string[];
  shipping: JsonValue;
  tax_exempt: string;
  test_clock: null;
}

export interface SetupIntent {
  id: string;
  object: "setup_intent";
  application: null;
  automatic_payment_methods: { allow_redirects: string; enabled: boolean } | null;
  cancellation_reason: string | null;
  client_secret: string;
  created: number;
  customer: string | null;
  description: string | null;
  flow_directions: null;
  last_setup_error: LastPaymentError | null;
  latest_attempt: null;
  livemode: false;
  mandate: null;
  metadata: Record<string, string>;
  next_action: NextAction | null;
  on_behalf_of: null;
  payment_method: string | null;
  payment_method_options: JsonObject;
  payment_method_types: string[];
  single_use_mandate: null;
  status: "requires_payment_method" | "requires_confirmation" | "requires_action" | "succeeded" | "canceled";
  usage: string;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: JsonObject; previous_attributes?: JsonObject };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

export interface WebhookDelivery {
  event_id: string;
  type: string;
  endpoint: string;
  status_code: number | null;
  error: string | null;
  attempts: number;
  delivered: boolean;
  next_attempt_at: number | null;
  /** Set when a test asked for this delivery to be late, doubled or out of order (`/_double/webhooks/faults`). */
  fault?: "delayed" | "duplicated" | "reordered";
}

export interface PendingChallenge {
  payment_method: string;
  return_url: string | null;
}

export interface IdempotencyRecord {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: string;
  request_id: string;
  created: number;
}

export interface PaymentElementFeatures {
  payment_method_allow_redisplay_filters: string[];
  payment_method_redisplay: "enabled" | "disabled";
  payment_method_redisplay_limit: number | null;
  payment_method_remove: "enabled" | "disabled";
  payment_method_save: "enabled" | "disabled";
  payment_method_save_usage: "off_session" | "on_session" | null;
}

export interface CustomerSession {
  object: "customer_session";
  client_secret: string;
  components: {
    buy_button: { enabled: false };
    payment_element: { enabled: true; features: PaymentElementFeatures };
    pricing_table: { enabled: false };
  };
  created: number;
  customer: string;
  expires_at: number;
  livemode: false;
}

export interface DoubleState {
  payment_intents: Record<string, PaymentIntent>;
  payment_methods: Record<string, PaymentMethod>;
  charges: Record<string, Charge>;
  refunds: Record<string, Refund>;
  customers: Record<string, Customer>;
  deleted_customers: string[];
  setup_intents: Record<string, SetupIntent>;
  /** CustomerSessions by client secret (they have no id of their own). */
  customer_sessions: Record<string, CustomerSession>;
  /** Private: PaymentMethods detached from a customer, which Stripe refuses to use again. */
  detached_payment_methods: string[];
  events: Record<string, StripeEvent>;
  /** Wallet tokens (`tok_…`); each can make one PaymentMethod. */
  tokens: Record<string, Token>;
  /** Private: the card number behind each PaymentMethod and token (never returned by the API). */
  card_numbers: Record<string, string>;
  /** Private: 3-D Secure challenges waiting for the shopper, by PaymentIntent id. */
  challenges: Record<string, PendingChallenge>;
  idempotency: Record<string, IdempotencyRecord>;
}

/**
 * Collections are keyed by ids that come from URLs, so they have no prototype: an id such as `constructor`
 * must find nothing rather than Object's members.
 */
function collection<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export function emptyState(): DoubleState {
  return {
    payment_intents: collection(),
    payment_methods: collection(),
    charges: collection(),
    refunds: collection(),
    customers: collection(),
    deleted_customers: [],
    setup_intents: collection(),
    customer_sessions: collection(),
    detached_payment_methods: [],
    events: collection(),
    tokens: collection(),
    card_numbers: collection(),
    challenges: collection(),
    idempotency: collection(),
  };
}

function restoreState(loaded: Partial<DoubleState>): DoubleState {
  return {
    payment_intents: collection(loaded.payment_intents),
    payment_methods: collection(loaded.payment_methods),
    charges: collection(loaded.charges),
    refunds: collection(loaded.refunds),
    customers: collection(loaded.customers),
    deleted_customers: loaded.deleted_customers ?? [],
    setup_intents: collection(loaded.setup_intents),
    customer_sessions: collection(loaded.customer_sessions),
    detached_payment_methods: loaded.detached_payment_methods ?? [],
    events: collection(loaded.events),
    tokens: collection(loaded.tokens),
    card_numbers: collection(loaded.card_numbers),
    challenges: collection(loaded.challenges),
    idempotency: collection(loaded.idempotency),
  };
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ID_ALPHABET[byte % ID_ALPHABET.length];
  return out;
}

/** Stripe-looking ids (`pi_3P…`), 24 characters after the prefix. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export class Store {
  state: DoubleState;

  constructor(private readonly stateFile?: string) {
    this.state = emptyState();
    if (stateFile && existsSync(stateFile)) {
      const loaded = JSON.parse(readFileSync(stateFile, "utf8")) as Partial<DoubleState>;
      this.state = restoreState(loaded);
    }
  }

  /** Writes the state file atomically (temp file + rename) so a crash never leaves half a file. */
  save(): void {
    if (!this.stateFile) return;
    const temp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.stateFile);
  }

  reset(): void {
    this.state = emptyState();
    this.save();
  }
}
