/**
 * What every server action answers: `{ ok: true, … }` with what the caller needs, or `{ ok: false, error }` with a
 * sentence for the shopper. One shape, so a caller (or a script posting to the action) checks `ok` and nothing else.
 */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export interface ActionFailure {
  ok: false;
  error: string;
}

export function failure(error: string): ActionFailure {
  return { ok: false, error };
}
