// Applies committed migrations. Prisma's own `migrate deploy` does not work for PostgreSQL through the
// Wasm engine here (see STACK.md), so one small runner serves both databases: each migration.sql in
// order, inside a transaction, recorded with a checksum so an edited migration is detected.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { ensurePrivateSqliteFile, sqliteFilePath } from "./sqlite-file";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATION_DIRS = {
  sqlite: path.join(here, "migrations"),
  postgresql: path.join(here, "migrations-postgresql"),
} as const;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const TABLE = "_paracrine_migrations";

function checkRecorded(m: Migration, recorded: Map<string, string>): boolean {
  const sum = recorded.get(m.name);
  if (sum === undefined) return false;
  if (sum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
  return true;
}

export interface MigrateOptions {
  /** Apply migrations up to and including this name (tests of upgrades). */
  upTo?: string;
  dir?: string;
}

export async function migrateSqlite(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(url);
  ensurePrivateSqliteFile(file);
  const conn = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets readers work while a writer commits; the setting is stored in the file itself.
    conn.pragma("journal_mode = WAL");
    conn.pragma("foreign_keys = ON");
    conn.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const recorded = new Map(
      (conn.prepare(`SELECT name, checksum FROM ${TABLE}`).all() as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum]),
    );
    const applied: string[] = [];
    for (const m of listMigrations(options.dir ?? MIGRATION_DIRS.sqlite)) {
      if (checkRecorded(m, recorded)) continue;
      if (options.upTo && m.name > options.upTo) break;
      // Table redefinitions (how SQLite alters columns) drop and recreate tables. With foreign keys
      // on, DROP TABLE deletes the rows first and fires ON DELETE CASCADE / SET NULL on other tables,
      // and the PRAGMA that turns them off is ignored inside a transaction. So: off before the
      // transaction, check the keys before committing, on again after (SQLite's documented procedure).
      conn.pragma("foreign_keys = OFF");
      try {
        conn.transaction(() => {
          conn.exec(m.sql);
          const broken = conn.pragma("foreign_key_check") as unknown[];
          if (broken.length) throw new Error(`migration ${m.name} leaves ${broken.length} broken foreign key(s)`);
          conn.prepare(`INSERT INTO ${TABLE} (name, checksum, applied_at) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
        })();
      } finally {
        conn.pragma("foreign_keys = ON");
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    conn.close();
  }
}

export async function migratePostgres(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One runner at a time, even when several app servers start together.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${TABLE}`);
    const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const m of listMigrations(options.dir ?? MIGRATION_DIRS.postgresql)) {
      if (checkRecorded(m, recorded)) continue;
      if (options.upTo && m.name > options.upTo) break;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => undefined);
    await client.end();
  }
}

export async function migrate(url: string, options: MigrateOptions = {}): Promise<string[]> {
  return /^postgres(ql)?:\/\//.test(url) ? migratePostgres(url, options) : migrateSqlite(url, options);
}
