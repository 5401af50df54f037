import "server-only";
// One Prisma client per process (prisma/client.ts), created on first use.
import { createDb, type Db } from "@/prisma/client";
import { DEFAULT_DATABASE_URL, databaseKind, type DatabaseKind } from "@/lib/env";
import { noteDatabaseError, noteDatabaseSuccess } from "@/lib/db-breaker";

export type { Db };
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export { createDb };

const globalForDb = globalThis as unknown as { paracrineDb?: Db; paracrineDbUrl?: string };

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function getDb(): Db {
  const url = databaseUrl();
  if (!globalForDb.paracrineDb || globalForDb.paracrineDbUrl !== url) {
    globalForDb.paracrineDb = withBreaker(createDb(url));
    globalForDb.paracrineDbUrl = url;
  }
  return globalForDb.paracrineDb;
}

// Every operation reports to the breaker (lib/db-breaker.ts): failures that mean "the database is
// unreachable" open it, a success closes it.
function withBreaker(client: Db): Db {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          noteDatabaseSuccess();
          return result;
        } catch (e) {
          noteDatabaseError(e);
          throw e;
        }
      },
    },
  }) as unknown as Db;
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
