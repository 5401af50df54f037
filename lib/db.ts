import "server-only";
// One Prisma client per process (prisma/client.ts), created on first use.
import { createDb, type Db } from "@/prisma/client";
import { DEFAULT_DATABASE_URL, databaseKind, type DatabaseKind } from "@/lib/env";

export type { Db };
export { createDb };

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
