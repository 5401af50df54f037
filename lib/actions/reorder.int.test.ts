import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createCourse, createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { reorderLessonsAction, reorderModulesAction } from "./studio";

async function setup() {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const course = await createCourse(db, owner.id);
  const mods = [];
  for (const n of [1, 2, 3]) mods.push(await db.module.create({ data: { courseId: course.id, slug: `m${n}`, order: n, title: `M${n}` } }));
  const lessons = [];
  for (const n of [1, 2]) lessons.push(await db.lesson.create({ data: { courseId: course.id, moduleId: mods[0].id, slug: `l${n}`, order: n, title: `L${n}`, body: "b" } }));
  return { owner, course, mods, lessons };
}
const orderOf = async (courseId: string) => (await db.module.findMany({ where: { courseId }, orderBy: { order: "asc" }, select: { slug: true } })).map((m) => m.slug);

describe("drag-and-drop reordering", () => {
  it("writes the complete new order for modules and lessons", async () => {
    const s = await setup();
    await signInAs(s.owner);
    expect(await reorderModulesAction({ parentId: s.course.id, ids: [s.mods[2].id, s.mods[0].id, s.mods[1].id] })).toMatchObject({ ok: true });
    expect(await orderOf(s.course.id)).toEqual(["m3", "m1", "m2"]);
    expect(await reorderLessonsAction({ parentId: s.mods[0].id, ids: [s.lessons[1].id, s.lessons[0].id] })).toMatchObject({ ok: true });
    const lessons = await db.lesson.findMany({ where: { moduleId: s.mods[0].id }, orderBy: { order: "asc" }, select: { slug: true } });
    expect(lessons.map((l) => l.slug)).toEqual(["l2", "l1"]);
  });

  it("refuses a partial, foreign or duplicated list and other instructors, changing nothing", async () => {
    const s = await setup();
    const other = await setup();
    await signInAs(s.owner);
    expect(await reorderModulesAction({ parentId: s.course.id, ids: [s.mods[1].id, s.mods[0].id] })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await reorderModulesAction({ parentId: s.course.id, ids: [s.mods[1].id, s.mods[0].id, other.mods[0].id] })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await reorderModulesAction({ parentId: s.course.id, ids: [s.mods[0].id, s.mods[0].id, s.mods[1].id] })).toMatchObject({ ok: false, code: "VALIDATION" });
    await signInAs(other.owner);
    expect(await reorderModulesAction({ parentId: s.course.id, ids: [s.mods[2].id, s.mods[1].id, s.mods[0].id] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await reorderLessonsAction({ parentId: s.mods[0].id, ids: [s.lessons[1].id, s.lessons[0].id] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await orderOf(s.course.id)).toEqual(["m1", "m2", "m3"]);
  });
});
