// A production server refuses to start without a real secret instead of signing sessions with a
// guessable one.
import { readEnv, resolveAuthSecret } from "./lib/env";

const result = resolveAuthSecret(readEnv());
if (!result.ok) {
  console.error(`Paracrine refuses to start: ${result.reason}. Set NEXTAUTH_SECRET to a random value of 32+ characters (for example: openssl rand -base64 32).`);
  process.exit(1);
}
