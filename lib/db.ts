import "server-only";
// One Prisma client per process, on the driver adapter that DATABASE_URL asks for. Both generated
// clients come from the same schema (scripts/prisma-generate.mjs), so their types are the same.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "@/prisma/generated/postgresql/client";
import { DEFAULT_DATABASE_URL, databaseKind, type DatabaseKind } from "@/lib/env";

export type Db = PrismaClient;
// The password hash never leaves lib/auth: it is omitted unless a query asks for it explicitly.
const omit = { user: { passwordHash: true } } as const;

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PgPrismaClient({ adapter, omit }) as unknown as Db;
  }
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter, omit });
}

const globalForDb = globalThis as unknown as { paracrineDb?: Db; paracrineDbUrl?: string };

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function getDb(): Db {
  const url = databaseUrl();
  if (!globalForDb.paracrineDb || globalForDb.paracrineDbUrl !== url) {
    globalForDb.paracrineDb = createDb(url);
    globalForDb.paracrineDbUrl = url;
  }
  return globalForDb.paracrineDb;
}

/** The client, created on first use so that tests can point DATABASE_URL at their own file first. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export function currentDatabaseKind(): DatabaseKind {
  return databaseKind(databaseUrl());
}
