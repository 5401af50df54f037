// Runs once when the server starts: a production server refuses to start without a real secret,
// instead of signing sessions with a guessable one.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv, resolveAuthSecret } = await import("./lib/env");
  const result = resolveAuthSecret(readEnv());
  if (!result.ok) {
    console.error(`Paracrine refuses to start: ${result.reason}. Set NEXTAUTH_SECRET to a random value of 32+ characters (for example: openssl rand -base64 32).`);
    process.exit(1);
  }
}
