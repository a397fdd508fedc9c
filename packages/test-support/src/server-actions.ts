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
