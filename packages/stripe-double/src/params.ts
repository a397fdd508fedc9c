/**
 * Parameter checking against a per-route description, so that a parameter Stripe does not know (or the
 * double does not implement) answers `400 parameter_unknown` instead of being silently ignored.
 */
import { invalidRequest, parameterUnknown, type StripeApiError } from "./errors";
import { checkMetadataSize } from "./stripe-schema";
import { renderKey, type FormObject, type FormValue } from "./form";

export type ParamSpec =
  | "string"
  | "integer"
  | "boolean"
  /** free-form string→string map; `""` clears it */
  | "metadata"
  | "strings"
  /** accepted as given (e.g. Stripe's nested options the double stores but does not interpret) */
  | "anything"
  | { readonly oneOf: readonly string[] }
  | { readonly fields: ParamSpecs }
  | { readonly list: ParamSpec };
export type ParamSpecs = { readonly [name: string]: ParamSpec };

export function oneOf(...values: string[]): ParamSpec {
  return { oneOf: values };
}
export function fields(specs: ParamSpecs): ParamSpec {
  return { fields: specs };
}

function describe(value: FormValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * `unknown` builds the error for a name missing from `specs`: `parameter_unknown` where nothing else has
 * checked the request, or the double's "not implemented" where Stripe's schema already accepted it.
 */
export function validateParams(
  params: FormObject,
  specs: ParamSpecs,
  prefix: readonly string[] = [],
  unknown: (param: string) => StripeApiError = parameterUnknown,
): void {
  for (const [name, value] of Object.entries(params)) {
    const path = [...prefix, name];
    // Own properties only: `constructor` or `toString` must be unknown parameters, not Object's members.
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) throw unknown(renderKey(path));
    validateValue(value, spec, path, unknown);
  }
}

function validateValue(value: FormValue, spec: ParamSpec, path: readonly string[], unknown: (param: string) => StripeApiError): void {
  const param = renderKey(path);
  if (spec === "anything") return;
  if (spec === "string") {
    if (typeof value !== "string") throw invalidRequest(`Invalid string: ${describe(value)}`, { param });
    return;
  }
  if (spec === "integer") {
    if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
      throw invalidRequest(`Invalid integer: ${describe(value)}`, { code: "parameter_invalid_integer", param });
    }
    return;
  }
  if (spec === "boolean") {
    if (value !== "true" && value !== "false") throw invalidRequest(`Invalid boolean: ${describe(value)}`, { param });
    return;
  }
  if (spec === "metadata") {
    if (value === "") return;
    if (typeof value === "string") throw invalidRequest(`Invalid hash`, { param });
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child !== "string") throw invalidRequest(`Invalid string: ${describe(child)}`, { param: `${param}[${key}]` });
      if (key.length > 40) {
        throw invalidRequest(`Metadata keys can have at most 40 characters (${key}).`, { param: `${param}[${key}]` });
      }
      if (child.length > 500) {
        throw invalidRequest(`Metadata values can have at most 500 characters.`, { param: `${param}[${key}]` });
      }
    }
    return;
  }
  if (spec === "strings") {
    if (value === "") return; // an empty string unsets a list, as for hashes
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      throw invalidRequest(`Invalid array`, { param });
    }
    return;
  }
  if ("oneOf" in spec) {
    if (typeof value !== "string" || !spec.oneOf.includes(value)) {
      const choices = spec.oneOf.length > 1
        ? `${spec.oneOf.slice(0, -1).join(", ")}, or ${spec.oneOf[spec.oneOf.length - 1] ?? ""}`
        : (spec.oneOf[0] ?? "");
      throw invalidRequest(`Invalid ${path[path.length - 1] ?? param}: must be one of ${choices}`, { param });
    }
    return;
  }
  if ("fields" in spec) {
    if (value === "") return; // Stripe: an empty string unsets a hash
    if (typeof value === "string" || Array.isArray(value)) throw invalidRequest(`Invalid hash`, { param });
    validateParams(value, spec.fields, path, unknown);
    return;
  }
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array`, { param });
  value.forEach((item, index) => validateValue(item, spec.list, [...path, String(index)], unknown));
}

// Typed readers for parameters that validateParams has already checked.

export function readString(params: FormObject, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

/** A string where `""` means "unset" (Stripe's convention for clearing optional fields). */
export function readOptionalString(params: FormObject, name: string): string | null | undefined {
  const value = readString(params, name);
  if (value === undefined) return undefined;
  return value === "" ? null : value;
}

export function readInteger(params: FormObject, name: string): number | undefined {
  const value = readString(params, name);
  return value === undefined ? undefined : Number.parseInt(value, 10);
}

export function readBoolean(params: FormObject, name: string): boolean | undefined {
  const value = readString(params, name);
  return value === undefined ? undefined : value === "true";
}

export function readObject(params: FormObject, name: string): FormObject | undefined {
  const value = params[name];
  return typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

export function readStrings(params: FormObject, name: string): string[] | undefined {
  const value = params[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

/** Applies Stripe's metadata update rules: `""` for a key deletes it, `metadata=""` clears all. */
export function mergeMetadata(current: Record<string, string>, params: FormObject, name = "metadata"): Record<string, string> {
  const value = params[name];
  if (value === undefined) return current;
  if (value === "") return {};
  const next = { ...current };
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (typeof child !== "string") continue;
    if (child === "") delete next[key];
    else next[key] = child;
  }
  checkMetadataSize(Object.keys(next).length, name);
  return next;
}

/** Converts a checked nested parameter into plain JSON for storing on an object. */
export function toJson(value: FormValue): unknown {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(toJson);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[key] = toJson(child);
  return out;
}
