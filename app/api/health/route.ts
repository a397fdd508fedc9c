/** Liveness for deploy platforms and the test runner: answers without touching the backend. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
