/**
 * Stripe's error objects. The `stripe` SDK picks its error class from `error.type` (and from the HTTP
 * status for 401/403/429), so both must match what Stripe sends for the same situation.
 */

export type StripeErrorType =
  | "api_error"
  | "card_error"
  | "idempotency_error"
  | "invalid_request_error"
  | "authentication_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  request_log_url?: string;
  charge?: string;
  payment_intent?: object;
  payment_method?: object;
  payment_method_type?: string;
  setup_intent?: object;
}

export class StripeApiError extends Error {
  /** Stripe keeps idempotent results only for requests that began executing (not for validation failures). */
  readonly replayable: boolean;
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    options: { replayable?: boolean } = {},
  ) {
    super(body.message);
    this.replayable = options.replayable ?? false;
  }
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;
}

export function invalidRequest(
  message: string,
  extra: { code?: string; param?: string; status?: number; payment_intent?: object; replayable?: boolean } = {},
): StripeApiError {
  const body: StripeErrorBody = { type: "invalid_request_error", message };
  if (extra.code) {
    body.code = extra.code;
    body.doc_url = docUrl(extra.code);
  }
  if (extra.param) body.param = extra.param;
  if (extra.payment_intent) body.payment_intent = extra.payment_intent;
  return new StripeApiError(extra.status ?? 400, body, { replayable: extra.replayable });
}

export function parameterUnknown(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: "parameter_unknown", param });
}

/** Stripe accepts the parameter, but the double does not act on it: refused rather than silently ignored. */
export function notImplemented(param: string): StripeApiError {
  return invalidRequest(
    `The Stripe double does not implement the parameter ${param} (Stripe accepts it). See stripe-double/README.md for what it implements.`,
    { code: "parameter_unknown", param },
  );
}

export function parameterMissing(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });
}

export function resourceMissing(kind: string, id: string, param = "id", status = 404): StripeApiError {
  return invalidRequest(`No such ${kind}: '${id}'`, { code: "resource_missing", param, status });
}

export function unexpectedState(message: string, paymentIntent: object): StripeApiError {
  return invalidRequest(message, {
    code: "payment_intent_unexpected_state",
    payment_intent: paymentIntent,
    replayable: true,
  });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    { status: 404 },
  );
}
