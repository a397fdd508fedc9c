/**
 * Stripe's request encoding: application/x-www-form-urlencoded with bracket notation
 * (`metadata[order]=1`, `expand[0]=payment_method`, `payment_method_types[]=card`), as the
 * `stripe` SDK produces it with `qs`. The same notation is used in GET query strings.
 */

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormDecodeError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}

/** Splits `a[b][0]` into `["a", "b", "0"]`; `a[]` gives `["a", ""]` (append). */
export function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const segment = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let match = segment.exec(rest); match; match = segment.exec(rest)) {
    if (match.index !== consumed) break;
    parts.push(match[1] ?? "");
    consumed = match.index + match[0].length;
  }
  // Anything after the last well-formed bracket is kept literally, as qs does.
  if (consumed < rest.length) parts[parts.length - 1] += rest.slice(consumed);
  return parts;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new FormDecodeError(`Invalid URL encoding: ${text}`, text);
  }
}

// Containers are built as objects and turned into arrays afterwards, so that `a[1]` before `a[0]`
// and sparse indexes still land in order.
const ARRAY_MARK = Symbol("array");
type Building = { [key: string]: Building | string } & { [ARRAY_MARK]?: boolean };

function isBuilding(value: Building | string | undefined): value is Building {
  return typeof value === "object";
}

// Containers have no prototype, and `__proto__` is refused, so that keys like `a[constructor][x]` or
// `a[__proto__][x]` name plain data and can never reach Object.prototype or the Object constructor.
function newContainer(): Building {
  return Object.create(null) as Building;
}

export function decodeForm(body: string): FormObject {
  const root: Building = newContainer();
  if (body.trim() === "") return {};
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    const path = splitKey(key);
    if (path.includes("__proto__")) throw new FormDecodeError(`Invalid parameter name: ${key}`, key);
    let container = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i] ?? "";
      const last = i === path.length - 1;
      if (segment === "" && i > 0) {
        // `a[]=x`: append to the array under construction.
        container[ARRAY_MARK] = true;
        segment = String(Object.keys(container).length);
      } else if (i > 0 && /^\d+$/.test(segment)) {
        container[ARRAY_MARK] = container[ARRAY_MARK] ?? Object.keys(container).length === 0;
      } else if (i > 0) {
        container[ARRAY_MARK] = false;
      }
      const existing = container[segment];
      if (last) {
        if (isBuilding(existing)) {
          throw new FormDecodeError(`Invalid hash: ${path.slice(0, i + 1).join(".")}`, renderKey(path.slice(0, i + 1)));
        }
        container[segment] = value;
      } else {
        if (typeof existing === "string") {
          throw new FormDecodeError(
            `Invalid hash: ${renderKey(path.slice(0, i + 1))} was given as both a value and a hash`,
            renderKey(path.slice(0, i + 1)),
          );
        }
        const next: Building = existing ?? newContainer();
        container[segment] = next;
        container = next;
      }
    }
  }
  return finish(root) as FormObject;
}

function finish(node: Building): FormObject | FormValue[] {
  const entries = Object.keys(node).map((key): [string, FormValue] => {
    const child = node[key];
    return [key, isBuilding(child) ? finish(child) : (child ?? "")];
  });
  if (node[ARRAY_MARK] === true) {
    return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, value]) => value);
  }
  const result: FormObject = {};
  for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

/** `["a","b","0"]` → `a[b][0]`, the way Stripe names nested parameters in errors. */
export function renderKey(path: readonly string[]): string {
  const [head, ...rest] = path;
  return (head ?? "") + rest.map((segment) => `[${segment}]`).join("");
}

/** The inverse of decodeForm, for tests and for the double's own outgoing calls. */
export function encodeForm(value: FormObject): string {
  const pairs: string[] = [];
  const walk = (prefix: string, node: FormValue): void => {
    if (typeof node === "string") {
      pairs.push(`${encodeURIComponent(prefix).replace(/%5B/g, "[").replace(/%5D/g, "]")}=${encodeURIComponent(node)}`);
    } else if (Array.isArray(node)) {
      node.forEach((child, index) => walk(`${prefix}[${index}]`, child));
    } else {
      for (const [key, child] of Object.entries(node)) walk(prefix === "" ? key : `${prefix}[${key}]`, child);
    }
  };
  walk("", value);
  return pairs.join("&");
}
