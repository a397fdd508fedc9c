/**
 * `data.previous_attributes` of a `*.updated` event: for each top-level field that changed, its value before
 * the change. Inside a changed hash (e.g. `metadata`) only the keys that changed are listed, with `null` for
 * keys that did not exist before, as Stripe shows them.
 */
import type { JsonObject, JsonValue } from "./store";

function isHash(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function changedKeys(before: JsonObject, after: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[key];
    const now = after[key];
    if (same(old, now)) continue;
    out[key] = isHash(old) && isHash(now) ? changedKeys(old, now) : (old ?? null);
  }
  return out;
}

/** `undefined` when nothing changed (Stripe sends no `*.updated` event then). */
export function previousAttributes(before: object, after: object): JsonObject | undefined {
  const changes = changedKeys(JSON.parse(JSON.stringify(before)) as JsonObject, JSON.parse(JSON.stringify(after)) as JsonObject);
  return Object.keys(changes).length > 0 ? changes : undefined;
}
