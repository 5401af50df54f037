// Runs once when the server starts. The check lives in a Node-only module, imported only under the
// Node.js runtime (the documented pattern), so the Edge build never sees process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
