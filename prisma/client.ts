// Creates a Prisma client on the driver adapter DATABASE_URL asks for. Both generated clients come
// from the same schema (scripts/prisma-generate.mjs), so their types are the same. Used by lib/db.ts
// (the app's singleton) and by scripts and Playwright fixtures that run outside Next.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgresql/client";
import { ensurePrivateSqliteFile, sqliteFilePath } from "./sqlite-file";

export type Db = PrismaClient;
// The password hash never leaves lib/auth: it is omitted unless a query asks for it explicitly.
const omit = { user: { passwordHash: true } } as const;

export function createDb(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Fail fast instead of hanging: a held lock, a runaway statement or an unreachable server ends the
    // request with an error (answered 503) within seconds.
    const adapter = new PrismaPg({
      connectionString: url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
      lock_timeout: Number(process.env.DATABASE_LOCK_TIMEOUT_MS ?? 5_000),
      statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 15_000),
      idle_in_transaction_session_timeout: 30_000,
    });
    return new PgPrismaClient({ adapter, omit }) as unknown as Db;
  }
  ensurePrivateSqliteFile(sqliteFilePath(url));
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url, timeout: Number(process.env.DATABASE_LOCK_TIMEOUT_MS ?? 5_000) });
  return new PrismaClient({ adapter, omit });
}
