// Creates a Prisma client on the driver adapter DATABASE_URL asks for. Both generated clients come
// from the same schema (scripts/prisma-generate.mjs), so their types are the same. Used by lib/db.ts
// (the app's singleton) and by scripts and Playwright fixtures that run outside Next.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/postgresql/client";

export type Db = PrismaClient;
// The password hash never leaves lib/auth: it is omitted unless a query asks for it explicitly.
const omit = { user: { passwordHash: true } } as const;

export function createDb(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PgPrismaClient({ adapter, omit }) as unknown as Db;
  }
  // busy timeout: concurrent writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter, omit });
}
