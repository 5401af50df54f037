// Generates both Prisma clients (SQLite and PostgreSQL) from the one source schema, so that
// DATABASE_URL alone chooses the database at run time. The PostgreSQL schema is derived, never edited.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const src = path.join(root, "prisma", "schema.prisma");
if (!existsSync(src)) process.exit(0);

export function postgresSchema(text) {
  return text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output   = "../generated/postgresql"')
    .replace(/url\s*=\s*env\("DATABASE_URL"\)/, 'url      = env("POSTGRES_SCHEMA_URL")');
}

const pgDir = path.join(root, "prisma", "postgresql");
mkdirSync(pgDir, { recursive: true });
writeFileSync(
  path.join(pgDir, "schema.prisma"),
  "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: do not edit.\n" +
    postgresSchema(readFileSync(src, "utf8")),
);
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", POSTGRES_SCHEMA_URL: "postgresql://localhost/unused", DATABASE_URL: process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./unused.db" };
for (const schema of [src, path.join(pgDir, "schema.prisma")]) {
  execFileSync(prismaBin, ["generate", "--schema", schema], { cwd: root, env, stdio: "inherit" });
}
