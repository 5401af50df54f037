// The database side of the GIFT importer, shared by the CLI (scripts/gift.ts) and the studio's GIFT
// import action. The CLI runs outside Next and outside any session, as a local admin operation on
// the database in DATABASE_URL; it therefore cannot import lib/db (which is "server-only") and opens
// its own client here. The studio passes its own transaction to writeItemsTx after its permission
// check, so both paths write items the same way.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/prisma/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "@/prisma/generated/postgresql/client";
import type { Db } from "@/lib/db";
import { databaseKind, readEnv } from "@/lib/env";
import { itemSchema, type Item } from "@/lib/items/schema";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface WriteResult {
  created: number;
  updated: number;
}

/**
 * Upserts items by (course, key) in the caller's transaction. New items go to `moduleId`; existing
 * ones keep their module unless `moduleId` is given. Objective keys are resolved within the course;
 * an unknown objective key fails the whole transaction (nothing half-imported).
 */
export async function writeItemsTx(tx: Tx, courseId: string, moduleId: string | null, items: Item[], opts: { moveExisting?: boolean } = {}): Promise<WriteResult> {
  const keys = [...new Set(items.map((i) => i.objective).filter((k): k is string => !!k))];
  const objectives = keys.length
    ? await tx.objective.findMany({ where: { courseId, key: { in: keys } }, select: { id: true, key: true, lessonId: true } })
    : [];
  const byKey = new Map(objectives.map((o) => [o.key, o]));
  const missing = keys.filter((k) => !byKey.has(k));
  if (missing.length) throw new Error(`unknown objective key(s) in this course: ${missing.join(", ")}`);
  const existing = new Map(
    (await tx.item.findMany({ where: { courseId, key: { in: items.map((i) => i.key) } }, select: { id: true, key: true } })).map((r) => [r.key, r.id]),
  );
  const last = await tx.item.aggregate({ where: { courseId, moduleId }, _max: { order: true } });
  let order = (last._max.order ?? -1) + 1;
  let created = 0;
  let updated = 0;
  for (const it of items) {
    const obj = it.objective ? byKey.get(it.objective) : undefined;
    const content = {
      type: it.data.type, stem: it.stem, stemFormat: it.stemFormat, explanation: it.explanation, data: JSON.stringify(it.data),
      topic: it.topic ?? null, level: it.level ?? null, check: it.check, step: it.step ?? null,
      objectiveId: obj?.id ?? null, lessonId: obj?.lessonId ?? null, archivedAt: null,
    };
    const id = existing.get(it.key);
    if (id) {
      await tx.item.update({ where: { id }, data: { ...content, ...(opts.moveExisting && moduleId ? { moduleId } : {}), version: { increment: 1 } } });
      updated++;
    } else {
      await tx.item.create({ data: { courseId, key: it.key, moduleId, order: order++, ...content } });
      created++;
    }
  }
  return { created, updated };
}

let client: Db | undefined;
function cliDb(): Db {
  if (client) return client;
  const url = readEnv().DATABASE_URL;
  client =
    databaseKind(url) === "postgresql"
      ? (new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db)
      : new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  return client;
}

export async function disconnect(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/** CLI import: all items in one transaction; new items go to the course's first module. */
export async function importItems(courseSlug: string, items: Item[]): Promise<WriteResult> {
  const db = cliDb();
  return db.$transaction(
    async (tx) => {
      const course = await tx.course.findUnique({ where: { slug: courseSlug }, select: { id: true } });
      if (!course) throw new Error(`no course with slug "${courseSlug}"`);
      const first = await tx.module.findFirst({ where: { courseId: course.id, archivedAt: null }, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true } });
      return writeItemsTx(tx, course.id, first?.id ?? null, items);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Rows to items of the shared contract; rows that no longer validate are skipped. */
export async function loadItemsFrom(db: Pick<Db, "item">, courseId: string): Promise<Item[]> {
  const rows = await db.item.findMany({
    where: { courseId, archivedAt: null },
    orderBy: [{ module: { order: "asc" } }, { order: "asc" }, { key: "asc" }],
    select: { key: true, stem: true, stemFormat: true, explanation: true, topic: true, level: true, check: true, step: true, data: true, objective: { select: { key: true } }, case: { select: { key: true } } },
  });
  return rows.flatMap((i) => {
    const parsed = itemSchema.safeParse({
      key: i.key, stem: i.stem, stemFormat: i.stemFormat, explanation: i.explanation, objective: i.objective?.key,
      topic: i.topic ?? undefined, level: i.level ?? undefined, check: i.check, caseKey: i.case?.key, step: i.step ?? undefined, data: JSON.parse(i.data),
    });
    return parsed.success ? [parsed.data] : [];
  });
}

export async function loadItems(courseSlug: string): Promise<Item[]> {
  const db = cliDb();
  const course = await db.course.findUnique({ where: { slug: courseSlug }, select: { id: true } });
  if (!course) throw new Error(`no course with slug "${courseSlug}"`);
  return loadItemsFrom(db, course.id);
}
