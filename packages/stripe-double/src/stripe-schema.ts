/**
 * Checks request parameters against Stripe's own parameter schemas (stripe-schema.json, extracted from the
 * pinned `stripe` SDK by scripts/extract-stripe-schema.ts), so that a parameter Stripe does not know, a value of
 * the wrong type, an enum value Stripe refuses, a missing required field or metadata over Stripe's limits fails
 * the way Stripe fails it: `400 invalid_request_error`, `param` naming the bracketed path, Stripe's wording.
 *
 * What Stripe accepts but the double does not implement is a separate question, answered afterwards by each
 * route's own list (routes.ts): that refusal says "not implemented" instead of pretending Stripe refuses it.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { invalidRequest, parameterMissing, parameterUnknown, type StripeApiError } from "./errors";
import { renderKey, type FormObject, type FormValue } from "./form";

export type Schema =
  | { type: "string"; enum?: string[]; emptyable?: true }
  | { type: "integer"; emptyable?: true }
  | { type: "boolean"; emptyable?: true }
  | { type: "metadata"; emptyable?: true }
  | { type: "map"; values: Schema; emptyable?: true }
  | { type: "array"; items: Schema; emptyable?: true }
  | { type: "object"; properties: Record<string, Schema>; required?: string[]; emptyable?: true }
  | { anyOf: Schema[]; emptyable?: true }
  | { $ref: string; emptyable?: true };

interface SchemaFile {
  apiVersion: string;
  operations: Record<string, string>;
  definitions: Record<string, Schema>;
}

const schemaFile = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "stripe-schema.json"), "utf8"),
) as SchemaFile;

/** The API version the schemas describe (the pinned SDK's). */
export const SCHEMA_API_VERSION = schemaFile.apiVersion;

/**
 * Strings have Stripe's limits, which the SDK's types do not carry. Stripe's OpenAPI spec gives almost every
 * string parameter `maxLength: 5000`; the documented exceptions that matter for payments are below.
 */
const DEFAULT_MAX_LENGTH = 5000;
const MAX_LENGTHS: Readonly<Record<string, number>> = {
  statement_descriptor: 22,
  statement_descriptor_suffix: 22,
};

/** Stripe's metadata limits (https://docs.stripe.com/api/metadata). */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

/** Parameters Stripe.js sends (Stripe accepts them with either key) that the server SDK's types do not declare. */
const CLIENT_EXTRAS: Readonly<Record<string, Schema>> = { client_secret: { type: "string" } };

interface Template {
  method: string;
  segments: string[];
  operation: string;
}

const TEMPLATES: readonly Template[] = Object.entries(schemaFile.operations)
  .map(([key, operation]) => {
    const [method = "", path = ""] = key.split(" ");
    return { method, segments: path.split("/").filter(Boolean), operation };
  })
  // Literal segments win over `:id`, so `/v1/payment_intents/search` is never read as an id.
  .sort((a, b) => literalCount(b) - literalCount(a));

function literalCount(template: Template): number {
  return template.segments.filter((segment) => !segment.startsWith(":")).length;
}

/** The SDK params interface describing `METHOD /path`, if the extract has one. */
export function operationFor(method: string, pathname: string): string | undefined {
  const segments = pathname.split("/").filter(Boolean);
  const found = TEMPLATES.find(
    (template) =>
      template.method === method &&
      template.segments.length === segments.length &&
      template.segments.every((segment, i) => segment.startsWith(":") || segment === segments[i]),
  );
  return found?.operation;
}

function resolveRef(schema: Schema): Schema {
  let current = schema;
  while ("$ref" in current) {
    const target = schemaFile.definitions[current.$ref];
    if (!target) throw new Error(`stripe-schema.json has no definition ${current.$ref}`);
    current = current.emptyable ? { ...target, emptyable: true } : target;
  }
  return current;
}

export function schemaFor(operation: string): Schema {
  return resolveRef({ $ref: operation });
}

/** How Stripe quotes a long value in a length error: the first and last ten characters. */
function abbreviate(value: string): string {
  return value.length > 20 ? `${value.slice(0, 10)}...${value.slice(-10)}` : value;
}

function show(value: FormValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function oneOfList(values: readonly string[]): string {
  if (values.length <= 2) return values.join(" or ");
  return `${values.slice(0, -1).join(", ")}, or ${values[values.length - 1] ?? ""}`;
}

/** Metadata rules, also applied after merging an update into what an object already holds. */
export function checkMetadataSize(count: number, param = "metadata"): void {
  if (count > METADATA_LIMITS.keys) {
    throw invalidRequest(
      `Metadata can have up to ${METADATA_LIMITS.keys} keys, but you've set ${count}. Email us at support+metadata@stripe.com for more information.`,
      { param },
    );
  }
}

function checkMetadata(value: FormValue, param: string): void {
  if (value === "") return; // unsets all metadata
  if (typeof value === "string" || Array.isArray(value)) throw invalidRequest("Invalid hash", { param });
  const entries = Object.entries(value);
  checkMetadataSize(entries.length, param);
  for (const [key, child] of entries) {
    if (typeof child !== "string") throw invalidRequest(`Invalid value type: ${show(child)} must be a string`, { param });
    if (key.includes("[") || key.includes("]")) {
      throw invalidRequest(`Metadata keys can't contain square brackets ([ or ]), but you passed in the key '${key}'.`, { param });
    }
    if (key.length > METADATA_LIMITS.keyLength) {
      throw invalidRequest(
        `Metadata keys can have up to ${METADATA_LIMITS.keyLength} characters, but you passed in a key that is ${key.length} characters.`,
        { param },
      );
    }
    if (child.length > METADATA_LIMITS.valueLength) {
      throw invalidRequest(
        `Metadata values can have up to ${METADATA_LIMITS.valueLength} characters, but you passed in a value that is ${child.length} characters.`,
        { param },
      );
    }
  }
}

function check(value: FormValue, schema: Schema, path: readonly string[]): void {
  const resolved = resolveRef(schema);
  const param = renderKey(path);
  // Stripe's convention: an empty string unsets an optional hash, list or enum.
  if (value === "" && (resolved.emptyable || ("type" in resolved && (resolved.type === "object" || resolved.type === "array" || resolved.type === "map")))) {
    return;
  }
  if ("anyOf" in resolved) {
    const errors: StripeApiError[] = [];
    for (const option of resolved.anyOf) {
      try {
        check(value, option, path);
        return;
      } catch (error) {
        errors.push(error as StripeApiError);
      }
    }
    // A scalar given where a hash is also allowed: report against the scalar alternative, as Stripe does.
    throw errors.find((error) => typeof value === "string" && !/hash/.test(error.message)) ?? errors[0] ?? invalidRequest("Invalid value", { param });
  }
  if (!("type" in resolved)) throw new Error("unresolved schema");
  switch (resolved.type) {
    case "string": {
      if (typeof value !== "string") throw invalidRequest(`Invalid string: ${show(value)}`, { param });
      if (resolved.enum) {
        if (!resolved.enum.includes(value)) {
          throw invalidRequest(`Invalid ${path[path.length - 1] ?? param}: must be one of ${oneOfList(resolved.enum)}`, { param });
        }
        return;
      }
      const limit = MAX_LENGTHS[path[path.length - 1] ?? ""] ?? DEFAULT_MAX_LENGTH;
      if (value.length > limit) throw invalidRequest(`Invalid string: ${abbreviate(value)}; must be at most ${limit} characters`, { param });
      return;
    }
    case "integer":
      if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
        throw invalidRequest(`Invalid integer: ${show(value)}`, { code: "parameter_invalid_integer", param });
      }
      return;
    case "boolean":
      if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${show(value)}`, { param });
      return;
    case "metadata":
      checkMetadata(value, param);
      return;
    case "array": {
      if (!Array.isArray(value)) throw invalidRequest("Invalid array", { param });
      value.forEach((item, index) => check(item, resolved.items, [...path, String(index)]));
      return;
    }
    case "map": {
      if (typeof value === "string" || Array.isArray(value)) throw invalidRequest("Invalid hash", { param });
      for (const [key, child] of Object.entries(value)) check(child, resolved.values, [...path, key]);
      return;
    }
    case "object": {
      if (typeof value === "string" || Array.isArray(value)) throw invalidRequest("Invalid hash", { param });
      checkObject(value, resolved, path);
    }
  }
}

function checkObject(
  value: FormObject,
  schema: { properties: Record<string, Schema>; required?: string[] },
  path: readonly string[],
  extras: Readonly<Record<string, Schema>> = {},
): void {
  for (const [name, child] of Object.entries(value)) {
    const childSchema = Object.hasOwn(schema.properties, name)
      ? schema.properties[name]
      : Object.hasOwn(extras, name)
        ? extras[name]
        : undefined;
    if (!childSchema) throw parameterUnknown(renderKey([...path, name]));
    check(child, childSchema, [...path, name]);
  }
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) throw parameterMissing(renderKey([...path, name]));
  }
}

/**
 * Validates a request's parameters against the schema of `operation` (an SDK params interface name, see
 * operationFor). Throws the StripeApiError Stripe would answer with.
 */
export function validateAgainstStripe(params: FormObject, operation: string): void {
  const schema = schemaFor(operation);
  if (!("type" in schema) || schema.type !== "object") throw new Error(`${operation} is not an object schema`);
  checkObject(params, schema, [], "client_secret" in (schema.properties) ? {} : CLIENT_EXTRAS);
}
