// Integration-test setup (vitest "integration" project): every test file gets its own fresh
// database. SQLite by default: a new file under the OS temp folder. With TEST_POSTGRES_URL set
// (CI does), a new uniquely named PostgreSQL database on that server, dropped after the file.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { migrate } from "@/prisma/migrate";
import { databaseUrlOn, pgAdmin } from "@/prisma/pg-admin";

const pgServer = process.env.TEST_POSTGRES_URL;
let cleanup: () => Promise<void> = async () => undefined;

// Set before any test module imports lib/db (the client reads DATABASE_URL on first use).
const tmp = mkdtempSync(path.join(os.tmpdir(), "paracrine-int-"));
process.env.DATA_DIR = tmp;
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
let dbName = "";
if (pgServer) {
  dbName = `paracrine_test_${randomBytes(6).toString("hex")}`;
  process.env.DATABASE_URL = databaseUrlOn(pgServer, dbName);
} else {
  process.env.DATABASE_URL = `file:${path.join(tmp, "test.db")}`;
}

beforeAll(async () => {
  if (pgServer) {
    await pgAdmin(pgServer, `CREATE DATABASE "${dbName}"`);
    cleanup = async () => {
      const { getDb } = await import("@/lib/db");
      await getDb().$disconnect();
      await pgAdmin(pgServer!, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    };
  } else {
    cleanup = async () => {
      const { getDb } = await import("@/lib/db");
      await getDb().$disconnect();
    };
  }
  await migrate(process.env.DATABASE_URL!);
});

afterAll(async () => {
  await cleanup();
  rmSync(tmp, { recursive: true, force: true });
});
