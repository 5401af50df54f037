// Upgrading an existing SQLite database keeps its rows: table redefinitions must not fire cascades.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations, MIGRATION_DIRS, migrateSqlite } from "./migrate";

const dir = mkdtempSync(path.join(os.tmpdir(), "paracrine-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite migrations", () => {
  it("apply in order, are recorded, and are not applied twice", async () => {
    const url = `file:${path.join(dir, "fresh.db")}`;
    const all = listMigrations(MIGRATION_DIRS.sqlite).map((m) => m.name);
    expect(await migrateSqlite(url)).toEqual(all);
    expect(await migrateSqlite(url)).toEqual([]);
  });

  it("keep every row of related tables when a later migration redefines a table", async () => {
    const [first] = listMigrations(MIGRATION_DIRS.sqlite);
    const file = path.join(dir, "upgrade.db");
    await migrateSqlite(`file:${file}`, { upTo: first.name });
    const conn = new Database(file);
    const now = new Date().toISOString();
    conn.exec(`
      INSERT INTO "User" (id, email, name, updatedAt) VALUES ('u1', 'u@x.test', 'U', '${now}');
      INSERT INTO "Course" (id, slug, title, updatedAt) VALUES ('c1', 'c', 'C', '${now}');
      INSERT INTO "Module" (id, courseId, slug, "order", title, updatedAt) VALUES ('m1', 'c1', 'm', 1, 'M', '${now}');
      INSERT INTO "Lesson" (id, courseId, moduleId, slug, "order", title, body, updatedAt) VALUES ('l1', 'c1', 'm1', 'l', 1, 'L', 'B', '${now}');
      INSERT INTO "Objective" (id, courseId, lessonId, key, text) VALUES ('o1', 'c1', 'l1', 'k', 'T');
      INSERT INTO "LessonRevision" (id, lessonId, version, title, body) VALUES ('r1', 'l1', 1, 'L', 'B');
      INSERT INTO "LessonProgress" (id, userId, lessonId, courseId) VALUES ('p1', 'u1', 'l1', 'c1');
    `);
    conn.close();
    await migrateSqlite(`file:${file}`);
    const after = new Database(file);
    expect(after.prepare(`SELECT lessonId FROM "Objective" WHERE id = 'o1'`).get()).toEqual({ lessonId: "l1" });
    expect(after.prepare(`SELECT count(*) AS n FROM "LessonRevision"`).get()).toEqual({ n: 1 });
    expect(after.prepare(`SELECT count(*) AS n FROM "LessonProgress"`).get()).toEqual({ n: 1 });
    expect(after.pragma("foreign_keys", { simple: true })).toBe(1);
    after.close();
  });
});
