import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));

import path from "node:path";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { readCourseFolder } from "@/lib/content/read-folder";
import { importCourseFiles } from "./course-archive";
import { getPublishedCourseOutline, getSyllabus, listPublishedCourses } from "./courses";

describe("the seeded course through the importer and the read-only API", () => {
  it("imports content/paracrine in one go and serves its outline", async () => {
    const teacher = await createUser(db, { role: "INSTRUCTOR" });
    const report = await importCourseFiles(readCourseFolder(path.resolve("content/paracrine")), teacher, { publish: true });
    expect(report.counts.modules).toBe(9);
    expect(report.counts.items).toBeGreaterThanOrEqual(180);
    expect(report.warnings).toEqual([]);

    const list = await listPublishedCourses();
    expect(list.map((c) => c.slug)).toContain("paracrine-signalling");

    const outline = await getPublishedCourseOutline("paracrine-signalling");
    expect(outline!.modules.map((m) => m.slug)).toEqual(["foundations", "release", "diffusion", "reception", "regulation", "physiology", "cancer", "inflammation", "regenerative"]);
    const lessons = outline!.modules.flatMap((m) => m.lessons);
    expect(lessons.length).toBe(report.counts.lessons);
    expect(lessons.reduce((n, l) => n + l.objectiveCount, 0)).toBe(report.counts.objectives);
    expect(lessons.reduce((n, l) => n + l.itemCount, 0)).toBe(report.counts.items);
    expect(lessons.every((l) => l.objectiveCount >= 2 && l.itemCount >= 2)).toBe(true);

    // Re-importing the same files changes nothing visible and creates no duplicates.
    const again = await importCourseFiles(readCourseFolder(path.resolve("content/paracrine")), teacher, { publish: true });
    expect(again.created).toBe(false);
    expect(await db.item.count({ where: { courseId: report.courseId } })).toBe(report.counts.items);
  });

  it("hides drafts from learners and from other instructors, not from the course team", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const other = await createUser(db, { role: "INSTRUCTOR" });
    const learner = await createUser(db);
    const files = readCourseFolder(path.resolve("content/paracrine"));
    const report = await importCourseFiles(files, owner, { slug: "draft-copy" });
    expect(await getPublishedCourseOutline("draft-copy")).toBeNull();
    expect(await getSyllabus("draft-copy", learner)).toBeNull();
    expect(await getSyllabus("draft-copy", other)).toBeNull();
    expect((await getSyllabus("draft-copy", owner))?.course.id).toBe(report.courseId);
    await expect(importCourseFiles(files, other, { slug: "draft-copy" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importCourseFiles(files, learner, { slug: "learner-course" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.course.count({ where: { slug: "learner-course" } })).toBe(0);
  });
});
