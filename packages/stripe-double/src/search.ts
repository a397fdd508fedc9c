/**
 * `GET /v1/payment_intents/search`: a small part of Stripe's search query language
 * (https://docs.stripe.com/search#search-query-language). Clauses `field:value` on `status`, `currency`,
 * `customer` and `metadata['key']`, `amount` with `:`, `>`, `<`, `>=`, `<=`, a leading `-` to negate, joined by
 * `AND` or by `OR` (not both, as at Stripe). Any other field or syntax is refused with a 400, never ignored.
 * Unlike Stripe, results are current at once (Stripe's index can lag by up to a minute).
 */
import { invalidRequest } from "./errors";
import type { FormObject } from "./form";
import { readInteger, readString } from "./params";
import type { DoubleContext } from "./resources";
import type { PaymentIntent } from "./store";

type Clause = { negate: boolean; test: (paymentIntent: PaymentIntent) => boolean };

const SEARCH_URL = "/v1/payment_intents/search";
const STRING_FIELDS = ["status", "currency", "customer"] as const;

function unparsable(query: string): Error {
  return invalidRequest(
    `We were unable to parse your search query (${query}). Try using the format \`metadata['key']:'value'\` to query for metadata or \`key:'value'\` to query for fields. See https://stripe.com/docs/search#search-query-language for more information.`,
    { param: "query" },
  );
}

function unsupportedField(field: string): Error {
  return invalidRequest(
    `Field \`${field}\` is an unsupported search field for resource \`payment_intents\`. See https://stripe.com/docs/search#query-fields-for-payment-intents for a list of supported fields.`,
    { param: "query" },
  );
}

const CLAUSE = /^(-?)(metadata\[(['"])(.+?)\3\]|[a-z_]+)(:|>=|<=|>|<)(?:(['"])(.*?)\6|(-?\d+))$/;

function parseClause(text: string, query: string): Clause {
  const match = CLAUSE.exec(text);
  if (!match) throw unparsable(query);
  const [, minus, field = "", , metadataKey, operator, , quoted, number] = match;
  const value = quoted ?? number ?? "";
  const negate = minus === "-";
  if (metadataKey !== undefined) {
    if (operator !== ":") throw unparsable(query);
    return { negate, test: (pi) => pi.metadata[metadataKey] === value };
  }
  if ((STRING_FIELDS as readonly string[]).includes(field)) {
    if (operator !== ":") throw unparsable(query);
    const name = field as (typeof STRING_FIELDS)[number];
    return { negate, test: (pi) => pi[name] === value };
  }
  if (field === "amount") {
    if (number === undefined && !/^-?\d+$/.test(value)) throw unparsable(query);
    const bound = Number(value);
    const compare: Record<string, (amount: number) => boolean> = {
      ":": (a) => a === bound, ">": (a) => a > bound, "<": (a) => a < bound, ">=": (a) => a >= bound, "<=": (a) => a <= bound,
    };
    const test = compare[operator ?? ":"];
    if (!test) throw unparsable(query);
    return { negate, test: (pi) => test(pi.amount) };
  }
  throw unsupportedField(field);
}

/** Splits on AND/OR outside quotes; Stripe refuses a query mixing the two. */
export function parseQuery(query: string): (paymentIntent: PaymentIntent) => boolean {
  const tokens = query.trim().match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
  if (tokens.length === 0) throw unparsable(query);
  const clauses: Clause[] = [];
  let joiner: "AND" | "OR" | undefined;
  tokens.forEach((token, index) => {
    if (index % 2 === 1) {
      if (token !== "AND" && token !== "OR") throw unparsable(query);
      if (joiner && joiner !== token) throw unparsable(query);
      joiner = token;
      return;
    }
    clauses.push(parseClause(token, query));
  });
  if (tokens.length % 2 === 0) throw unparsable(query);
  const holds = (clause: Clause, pi: PaymentIntent): boolean => clause.test(pi) !== clause.negate;
  return joiner === "OR"
    ? (pi) => clauses.some((clause) => holds(clause, pi))
    : (pi) => clauses.every((clause) => holds(clause, pi));
}

export function searchPaymentIntents(ctx: DoubleContext, params: FormObject, url = SEARCH_URL): object {
  const query = readString(params, "query");
  if (query === undefined) throw invalidRequest("Missing required param: query.", { code: "parameter_missing", param: "query" });
  const matches = parseQuery(query);
  const limit = readInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("This value must be greater than or equal to 1 and less than or equal to 100.", { param: "limit" });
  }
  const page = readString(params, "page");
  const offset = page === undefined ? 0 : Number.parseInt(Buffer.from(page, "base64url").toString("utf8"), 10);
  if (!Number.isInteger(offset) || offset < 0) throw invalidRequest(`Invalid page: ${page ?? ""}`, { param: "page" });
  const found = Object.values(ctx.store.state.payment_intents).reverse().filter(matches);
  const data = found.slice(offset, offset + limit);
  const hasMore = offset + limit < found.length;
  return {
    object: "search_result",
    data,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(String(offset + limit)).toString("base64url") : null,
    url,
  };
}
