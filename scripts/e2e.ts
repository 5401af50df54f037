// npm run test:e2e: a fresh database (SQLite file, or a throwaway PostgreSQL database when
// TEST_POSTGRES_URL is set), migrated and seeded with the demo course; a production build; then
// Playwright against `next start`. Everything it creates is removed at the end.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../prisma/migrate";
import { databaseUrlOn, pgAdmin } from "../prisma/pg-admin";
import { buildIsStale } from "./build-freshness";

const root = process.cwd();
const tmp = mkdtempSync(path.join(os.tmpdir(), "paracrine-e2e-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR: tmp,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
  PARACRINE_DEMO: "0",
};
const pgServer = process.env.TEST_POSTGRES_URL;
const dbName = `paracrine_e2e_${randomBytes(5).toString("hex")}`;

function run(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { stdio: "inherit", env, cwd: root }).status ?? 1;
}

async function main(): Promise<number> {
  if (pgServer) {
    env.DATABASE_URL = databaseUrlOn(pgServer, dbName);
    await pgAdmin(pgServer, `CREATE DATABASE "${dbName}"`);
  } else {
    env.DATABASE_URL = `file:${path.join(tmp, "e2e.db")}`;
  }
  try {
    await migrate(env.DATABASE_URL!);
    if (run("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts", "--demo"]) !== 0) return 1;
    if (buildIsStale(root)) {
      if (run("node_modules/.bin/next", ["build"]) !== 0) return 1;
    }
    return run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)]);
  } finally {
    if (pgServer) await pgAdmin(pgServer, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`e2e failed to start: ${e.message}`);
    process.exit(1);
  },
);
