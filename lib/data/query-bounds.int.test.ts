// The dashboard and the lesson page run a fixed number of queries whatever the learner's history.
import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));

import path from "node:path";
import { createDb, databaseUrl, getDb } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { readCourseFolder } from "@/lib/content/read-folder";
import { importCourseFiles } from "./course-archive";
import { getDashboard } from "./dashboard";
import { getLessonForReader } from "./lessons";
import { statementData } from "./statements";

let queries = 0;
function installCountingClient() {
  const counted = createDb(databaseUrl()).$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  });
  const g = globalThis as unknown as { paracrineDb?: unknown; paracrineDbUrl?: string };
  g.paracrineDb = counted;
  g.paracrineDbUrl = databaseUrl();
}

async function count<T>(fn: () => Promise<T>): Promise<number> {
  queries = 0;
  await fn();
  return queries;
}

describe("query bounds", () => {
  it("dashboard and lesson page cost the same number of queries for a new and a heavy learner", async () => {
    const db = getDb();
    const teacher = await createUser(db, { role: "INSTRUCTOR" });
    const report = await importCourseFiles(readCourseFolder(path.resolve("content/paracrine")), teacher, { publish: true });
    const fresh = await createUser(db);
    const heavy = await createUser(db);
    for (const u of [fresh, heavy]) await db.enrollment.create({ data: { userId: u.id, courseId: report.courseId } });
    const lessons = await db.lesson.findMany({ where: { courseId: report.courseId }, select: { id: true, slug: true } });
    const items = await db.item.findMany({ where: { courseId: report.courseId }, select: { id: true, objectiveId: true } });
    await db.lessonProgress.createMany({ data: lessons.map((l, i) => ({ userId: heavy.id, lessonId: l.id, courseId: report.courseId, position: 1, completedAt: i % 2 ? new Date() : null })) });
    await db.reviewCard.createMany({ data: items.map((it) => ({ userId: heavy.id, itemId: it.id, courseId: report.courseId, due: new Date(Date.now() - 1000), stability: 1, difficulty: 5 })) });
    const objectiveIds = [...new Set(items.map((i) => i.objectiveId).filter((x): x is string => !!x))];
    await db.mastery.createMany({ data: objectiveIds.map((objectiveId) => ({ userId: heavy.id, objectiveId, courseId: report.courseId, pKnown: 0.6 })) });
    await db.statement.createMany({ data: Array.from({ length: 500 }, (_, i) => statementData({ userId: heavy.id, verb: "answered", objectType: "Item", objectId: String(i), timestamp: new Date(Date.now() - (i % 80) * 86_400_000) })) });

    installCountingClient();
    const actor = (u: { id: string }) => ({ id: u.id, role: "LEARNER" as const });
    const dashFresh = await count(() => getDashboard(actor(fresh)));
    const dashHeavy = await count(() => getDashboard(actor(heavy)));
    expect(dashHeavy).toBe(dashFresh);
    expect(dashHeavy).toBeLessThanOrEqual(4);

    const slug = lessons[3].slug;
    await getLessonForReader("paracrine-signalling", slug, actor(fresh)); // fills the render cache
    const lessonFresh = await count(() => getLessonForReader("paracrine-signalling", slug, actor(fresh)));
    const lessonHeavy = await count(() => getLessonForReader("paracrine-signalling", slug, actor(heavy)));
    expect(lessonHeavy).toBe(lessonFresh);
    expect(lessonHeavy).toBeLessThanOrEqual(2);
    console.log(`queries: dashboard ${dashHeavy}, lesson page data ${lessonHeavy}`);
  });
});
