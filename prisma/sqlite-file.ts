// Where a SQLite URL points, and creating that file private to its owner. Shared by the migration
// runner and the app's client (prisma/client.ts), without pulling the runner into the app bundle.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

export function sqliteFilePath(url: string): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(process.cwd(), p);
}

/**
 * Creates the SQLite file (and its folder) readable by the owner only, and tightens an existing one:
 * the file holds password hashes and learners' records. SQLite gives the -wal and -shm files the
 * permissions of the main file.
 */
export function ensurePrivateSqliteFile(file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

