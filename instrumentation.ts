/**
 * Runs once when the server starts: validate the environment now, so a missing variable stops
 * `next start` with a message naming it, instead of surfacing as a broken page later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitUnlessConfigured } = await import("./lib/startup");
  exitUnlessConfigured();
}
