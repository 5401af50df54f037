// npm start: the one-command local run. Migrates the SQLite database (or DATABASE_URL), loads the
// demo course and accounts ONLY into an empty database and only in demo mode (PARACRINE_DEMO=1, the
// default here; PARACRINE_DEMO=0 npm start turns it off), builds when the sources changed, and serves
// the production build on http://localhost:3000. Starting again never changes the database. Without
// NEXTAUTH_SECRET it generates a random one and keeps it in the data folder (never a fixed default),
// so sessions survive restarts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "../prisma/migrate";
import { DEFAULT_DATABASE_URL } from "../lib/env";
import { buildIsStale } from "./build-freshness";

const root = process.cwd();
const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
mkdirSync(dataDir, { recursive: true });
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
const port = env.PORT ?? "3000";
env.NEXTAUTH_URL ||= `http://localhost:${port}`;
if (!env.NEXTAUTH_SECRET) {
  const file = path.join(dataDir, ".auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
env.PARACRINE_DEMO ??= "1";

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env, cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  const applied = await migrate(env.DATABASE_URL!);
  console.log(applied.length ? `Database migrated: ${applied.join(", ")}` : "Database is up to date.");
  // The seed itself decides from PARACRINE_DEMO and loads nothing into a database that has users or courses.
  run(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
  if (buildIsStale(root)) {
    console.log("Building the app (about a minute)…");
    run(path.join(root, "node_modules/.bin/next"), ["build"]);
  }
  console.log(`\nParacrine is starting on http://localhost:${port}\n`);
  const server = spawn(process.execPath, [path.join(root, "server/serve.mjs")], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: Error) => {
  console.error(`Start failed: ${e.message}`);
  process.exit(1);
});
