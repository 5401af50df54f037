import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));

import { db } from "@/lib/db";
import { createCourse, createUser } from "@/prisma/factories";
import { getDashboard } from "./dashboard";
import { statementData } from "./statements";

describe("getDashboard", () => {
  it("computes progress, mastery by topic, calendar, streak and due reviews in the database", async () => {
    const teacher = await createUser(db, { role: "INSTRUCTOR" });
    const learner = await createUser(db);
    const course = await createCourse(db, teacher.id, { status: "PUBLISHED" });
    const mod = await db.module.create({ data: { courseId: course.id, slug: "m", order: 1, title: "M", publishedTitle: "M", publishedAt: new Date() } });
    const lessons = await Promise.all(
      [1, 2, 3, 4].map((n) => db.lesson.create({ data: { courseId: course.id, moduleId: mod.id, slug: `l${n}`, order: n, title: `L${n}`, body: "b", publishedTitle: `L${n}`, publishedBody: "b", publishedVersion: 1, publishedAt: new Date() } })),
    );
    const o1 = await db.objective.create({ data: { courseId: course.id, lessonId: lessons[0].id, key: "o1", text: "o1" } });
    const o2 = await db.objective.create({ data: { courseId: course.id, lessonId: lessons[0].id, key: "o2", text: "o2" } });
    const item = (key: string, objectiveId: string, topic: string) =>
      db.item.create({ data: { courseId: course.id, moduleId: mod.id, objectiveId, key, type: "truefalse", topic, stem: key, data: "{}", published: "{}", publishedAt: new Date() } });
    const i1 = await item("i1", o1.id, "mechanism");
    await item("i2", o2.id, "mechanism");
    await item("i3", o2.id, "cancer");
    await db.enrollment.create({ data: { userId: learner.id, courseId: course.id } });
    await db.lessonProgress.create({ data: { userId: learner.id, courseId: course.id, lessonId: lessons[0].id, completedAt: new Date(), position: 1 } });
    await db.lessonProgress.create({ data: { userId: learner.id, courseId: course.id, lessonId: lessons[1].id, position: 0.4 } });
    await db.mastery.create({ data: { userId: learner.id, courseId: course.id, objectiveId: o1.id, pKnown: 0.9, attempts: 3, correct: 3 } });
    await db.mastery.create({ data: { userId: learner.id, courseId: course.id, objectiveId: o2.id, pKnown: 0.5, attempts: 2, correct: 1 } });
    const now = new Date("2026-11-26T10:00:00Z");
    for (const daysAgo of [0, 1, 1, 2, 5])
      await db.statement.create({ data: statementData({ userId: learner.id, verb: "answered", objectType: "Item", objectId: "x", timestamp: new Date(now.getTime() - daysAgo * 86_400_000) }) });
    await db.reviewCard.create({ data: { userId: learner.id, itemId: i1.id, courseId: course.id, due: new Date(now.getTime() - 1000), stability: 1, difficulty: 5 } });

    const d = await getDashboard({ id: learner.id, role: "LEARNER" }, now);
    expect(d.courses).toEqual([expect.objectContaining({ id: course.id, lessons: 4, completed: 1 })]);
    expect(d.resume).toMatchObject({ lessonSlug: "l2" });
    expect(d.dueReviews).toBe(1);
    const byTopic = Object.fromEntries(d.masteryByTopic.map((t) => [t.topic, t]));
    expect(byTopic.mechanism.mean).toBeCloseTo(0.7, 6); // (0.9 + 0.5) / 2
    expect(byTopic.mechanism.objectives).toBe(2);
    expect(byTopic.cancer.mean).toBeCloseTo(0.5, 6);
    expect(byTopic.regulation.mean).toBeNull();
    expect(d.calendar.streak).toBe(3);
    expect(d.calendar.activeDays).toBe(4);
    expect(d.calendar.cells.at(-2)).toEqual({ day: "2026-11-25", count: 2 });
  });

  it("shows another learner nothing of this learner", async () => {
    const other = await createUser(db);
    const d = await getDashboard({ id: other.id, role: "LEARNER" });
    expect(d.courses).toEqual([]);
    expect(d.dueReviews).toBe(0);
    expect(d.masteryByTopic.every((t) => t.mean === null)).toBe(true);
  });
});
