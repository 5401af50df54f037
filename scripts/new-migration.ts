// npm run db:new-migration -- <name>
// Writes the next migration for SQLite AND PostgreSQL from one schema change: the difference between
// prisma/schema.prisma at HEAD and the edited file. (`prisma migrate dev` cannot run here: its shadow
// database step fails through the SQLite driver adapter; see STACK.md.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error plain ESM helper without types
import { postgresSchema } from "./prisma-generate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), "paracrine-migration-"));
const current = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
let previous: string | null = null;
try {
  previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
} catch {
  previous = null; // first migration
}
const committed = existsSync(path.join(root, "prisma/migrations")) && previous !== null;
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const prisma = path.join(root, "node_modules/.bin/prisma");

for (const [kind, dir, transform] of [
  ["sqlite", "prisma/migrations", (s: string) => s],
  ["postgresql", "prisma/migrations-postgresql", postgresSchema as (s: string) => string],
] as const) {
  const to = path.join(tmp, `${kind}-new.prisma`);
  writeFileSync(to, transform(current));
  const args = ["migrate", "diff", "--to-schema-datamodel", to, "--script"];
  if (committed && previous) {
    const from = path.join(tmp, `${kind}-old.prisma`);
    writeFileSync(from, transform(previous));
    args.push("--from-schema-datamodel", from);
  } else {
    args.push("--from-empty");
  }
  // prisma.config.ts selects the WebAssembly schema engine; without it the CLI tries to download one.
  const sql = execFileSync(prisma, [...args, "--config", path.join(root, "prisma.config.ts")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "file:./unused.db", POSTGRES_SCHEMA_URL: "postgresql://localhost/unused", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (/^-- This is an empty migration/m.test(sql) || sql.trim() === "") {
    console.log(`${kind}: no changes`);
    continue;
  }
  const out = path.join(root, dir, `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "migration.sql"), sql);
  console.log(`${kind}: wrote ${path.relative(root, out)}/migration.sql`);
}
