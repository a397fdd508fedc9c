import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./stack-info";

/**
 * Posting to the production build's server actions over HTTP exactly as the browser does, for the tests and
 * scripts that play many shoppers without a browser: the action's id from the build's manifest, the
 * `Next-Action` header, and React's encoding of the arguments.
 */

export type ServerAction = { id: string; page: string };

type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

/**
 * The server actions a `lib/` module exports, by name, with the page to post them to. Inline `"use server"`
 * functions are numbered in source order by the compiler: map them back to their names.
 */
export function serverActionsIn(file: string): Map<string, ServerAction> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const source = readFileSync(path.join(ROOT, file), "utf8");
  const names = [...source.matchAll(/export async function (\w+)\([^)]*\)[^{]*\{\s*"use server";/g)].map((match) => match[1] ?? "");
  const result = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== file) continue;
    const index = Number(/_(\d+)$/.exec(entry.exportedName ?? "")?.[1]);
    const worker = Object.keys(entry.workers).find((name) => name.startsWith("app/") && !name.includes("[") && name.endsWith("/page"));
    const name = names[index];
    if (!name || !worker) continue;
    const page = worker.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
    result.set(name, { id, page });
  }
  return result;
}

/** The headers of a server action call; `origin` must be the storefront's own (Next refuses others). */
export function serverActionHeaders(action: ServerAction, origin: string): Record<string, string> {
  return { "Next-Action": action.id, Origin: origin, Accept: "text/x-component" };
}

/**
 * The multipart body React sends for a `useActionState` form: `_1_<field>` = the form's fields, then
 * `0` = the arguments `[previousState, $K1]` (the previous state is the form's initial, empty one).
 */
export function formActionBody(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(`_1_${name}`, value);
  // Last, as React writes it: the server reads the form's fields in order, up to the first entry not its own.
  form.set("0", JSON.stringify([{}, "$K1"]));
  return form;
}

/** The body React sends when client code calls an action with plain arguments (no form): their JSON, as text. */
export function callActionBody(args: readonly (string | number | boolean | null)[] = []): string {
  return JSON.stringify(args);
}

/**
 * What a server action returned, read from its answer in React's flight format: rows `<id>:<json>` ending at a newline,
 * or `<id>:T<hex byte length>,<text>` with no newline (long strings); row `0` names the result, inline or as a row of
 * its own, and a re-rendered page rides along in other rows. Undefined when the answer carries no result.
 */
export function actionResultOf(body: string): unknown {
  const bytes = Buffer.from(body, "utf8");
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString("utf8");
    const text = /^T([0-9a-f]+),/.exec(bytes.subarray(colon + 1, colon + 24).toString("latin1"));
    if (text?.[1]) {
      const start = colon + 1 + text[0].length;
      const end = start + Number.parseInt(text[1], 16);
      rows.set(id, JSON.stringify(bytes.subarray(start, end).toString("utf8")));
      at = end;
      continue;
    }
    const newline = bytes.indexOf("\n", colon);
    const end = newline < 0 ? bytes.length : newline;
    if (!rows.has(id)) rows.set(id, bytes.subarray(colon + 1, end).toString("utf8"));
    at = end + 1;
  }
  const parse = (id: string): unknown => {
    try {
      return JSON.parse(rows.get(id) ?? "null");
    } catch {
      return undefined;
    }
  };
  const root = parse("0");
  const result: unknown = typeof root === "object" && root !== null && "a" in root ? root.a : undefined;
  const reference = typeof result === "string" ? /^\$@([0-9a-f]+)$/.exec(result)?.[1] : undefined;
  return reference ? parse(reference) : result;
}

/** An action's refusal with a sentence for the shopper: `{ ok: false, error: "…" }`. */
export function isRefusalWithMessage(result: unknown): boolean {
  if (typeof result !== "object" || result === null) return false;
  const ok = "ok" in result ? result.ok : undefined;
  const error = "error" in result ? result.error : undefined;
  return ok === false && typeof error === "string" && error.trim() !== "";
}
