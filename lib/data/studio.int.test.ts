import { beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createCourse, createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { seedCourse } from "@/lib/test/studio";
import {
  addInstructorAction, createCourseAction, moveLessonAction, createLessonAction, createModuleAction, createObjectiveAction, moveModuleAction, previewMarkdownAction,
  publishCourseAction, removeInstructorAction, restoreRevisionAction, saveItemAction, saveLessonAction, updateCourseSettingsAction,
} from "@/lib/actions/studio";
import { getLessonHistory, getStudioCourse, getStudioLesson, listStudioCourses } from "./studio";
import { getLessonForReader } from "./lessons";
import { CONFLICT_MESSAGE } from "@/lib/validation/studio";

type U = Awaited<ReturnType<typeof createUser>>;
const actor = (u: U) => u as unknown as Actor;


let owner: U, other: U, learner: U, admin: U;
beforeEach(async () => {
  [owner, other, learner, admin] = await Promise.all([
    createUser(db, { role: "INSTRUCTOR" }), createUser(db, { role: "INSTRUCTOR" }), createUser(db), createUser(db, { role: "ADMIN" }),
  ]);
});

describe("ownership", () => {
  it("makes the creator OWNER; instructors list only their courses, admins all", async () => {
    const mine = await seedCourse(owner);
    const theirs = await createCourse(db, other.id);
    const row = await db.courseInstructor.findUnique({ where: { courseId_userId: { courseId: mine.courseId, userId: owner.id } } });
    expect(row?.role).toBe("OWNER");
    const listed = (await listStudioCourses(actor(owner))).map((c) => c.id);
    expect(listed).toContain(mine.courseId);
    expect(listed).not.toContain(theirs.id);
    const all = (await listStudioCourses(actor(admin))).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([mine.courseId, theirs.id]));
    expect(await listStudioCourses(actor(learner))).toEqual([]);
  });

  it("refuses a learner at the role gate", async () => {
    await signInAs(learner);
    const r = await createCourseAction({ title: "Nope", slug: "nope-course" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.course.count({ where: { slug: "nope-course" } })).toBe(0);
  });

  it("replays every action as another instructor and a learner: refused, nothing written", async () => {
    const c = await seedCourse(owner);
    const before = await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { title: true, body: true, version: true } });
    for (const u of [other, learner]) {
      await signInAs(u);
      const results = await Promise.all([
        saveLessonAction({ lessonId: c.lessonId, title: "Hacked", body: "x", version: 1 }),
        updateCourseSettingsAction({ courseId: c.courseId, title: "Hacked", summary: "", description: "", passMark: 1 }),
        createModuleAction({ courseId: c.courseId, title: "Evil" }),
        createLessonAction({ moduleId: c.moduleId, title: "Evil" }),
        moveModuleAction({ id: c.moduleId, direction: "down" }),
        createObjectiveAction({ lessonId: c.lessonId, key: "evil", text: "evil" }),
        addInstructorAction({ courseId: c.courseId, email: u.email }),
        publishCourseAction({ courseId: c.courseId }),
        previewMarkdownAction({ courseId: c.courseId, body: "# hi" }),
        saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, key: "evil", type: "truefalse", stem: "?", answer: "true" }),
      ]);
      for (const r of results) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(["FORBIDDEN", "NOT_FOUND"]).toContain(r.code);
      }
      expect(await getStudioCourse(c.courseId, actor(u))).toBeNull();
      expect(await getStudioLesson(c.lessonId, actor(u))).toBeNull();
      expect(await getLessonHistory(c.lessonId, actor(u))).toBeNull();
    }
    expect(await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { title: true, body: true, version: true } })).toEqual(before);
    const course = await db.course.findUniqueOrThrow({ where: { id: c.courseId }, select: { title: true, status: true, _count: { select: { modules: true, instructors: true, items: true, objectives: true } } } });
    expect(course).toEqual({ title: "Gradients", status: "DRAFT", _count: { modules: 1, instructors: 1, items: 0, objectives: 0 } });
  });

  it("lets the owner add a co-instructor by email, who may edit but not manage the team", async () => {
    const c = await seedCourse(owner);
    await signInAs(owner);
    expect(await addInstructorAction({ courseId: c.courseId, email: learner.email })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: [expect.any(String)] } });
    expect(await addInstructorAction({ courseId: c.courseId, email: other.email.toUpperCase() })).toMatchObject({ ok: true });
    await signInAs(other);
    expect(await getStudioCourse(c.courseId, actor(other))).toMatchObject({ id: c.courseId, canManage: false });
    expect(await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "co-edit", version: 1 })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await removeInstructorAction({ courseId: c.courseId, userId: owner.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // A co-instructor may not add instructors either (the team-management guard alone).
    const third = await createUser(db, { role: "INSTRUCTOR" });
    expect(await addInstructorAction({ courseId: c.courseId, email: third.email })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.courseInstructor.count({ where: { courseId: c.courseId, userId: third.id } })).toBe(0);
    await signInAs(owner);
    expect(await removeInstructorAction({ courseId: c.courseId, userId: owner.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await removeInstructorAction({ courseId: c.courseId, userId: other.id })).toMatchObject({ ok: true });
    expect(await getStudioCourse(c.courseId, actor(other))).toBeNull();
  });
});

describe("authoring", () => {
  it("reorders modules with move up / move down", async () => {
    const c = await seedCourse(owner);
    const m2 = await createModuleAction({ courseId: c.courseId, title: "Receptors" });
    expect(m2.ok).toBe(true);
    expect(await moveModuleAction({ id: c.moduleId, direction: "down" })).toMatchObject({ ok: true, data: { moved: true } });
    const course = await getStudioCourse(c.courseId, actor(owner));
    expect(course!.modules.map((m) => m.title)).toEqual(["Receptors", "Morphogens"]);
    expect(await moveModuleAction({ id: c.moduleId, direction: "down" })).toMatchObject({ ok: true, data: { moved: false } });
    const l2 = await createLessonAction({ moduleId: c.moduleId, title: "Decay" });
    expect(l2.ok).toBe(true);
    expect(await moveLessonAction({ id: c.lessonId, direction: "down" })).toMatchObject({ ok: true, data: { moved: true } });
    const again = await getStudioCourse(c.courseId, actor(owner));
    expect(again!.modules[1].lessons.map((l) => l.title)).toEqual(["Decay", "Diffusion"]);
    await signInAs(other);
    expect(await moveLessonAction({ id: c.lessonId, direction: "up" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("validates item editors with field errors and stores valid items", async () => {
    const c = await seedCourse(owner);
    const bad = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, key: "q1", type: "single", stem: "Which?", options: "=A\n=B" });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { options: [expect.any(String)] } });
    const good = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, key: "q1", type: "single", stem: "Which?", options: "=A\n~B", check: "on" });
    expect(good.ok).toBe(true);
    const row = await db.item.findFirstOrThrow({ where: { courseId: c.courseId, key: "q1" }, select: { data: true, check: true, published: true } });
    expect(JSON.parse(row.data)).toMatchObject({ type: "single", options: [{ text: "A", weight: 1 }, { text: "B", weight: 0 }] });
    expect(row).toMatchObject({ check: true, published: null });
    // A module id from another course is refused even though the caller owns the course id it sends.
    const foreign = await createCourse(db, other.id);
    const fm = await db.module.create({ data: { courseId: foreign.id, slug: "m", title: "M", order: 1 } });
    expect(await saveItemAction({ courseId: c.courseId, moduleId: fm.id, key: "q2", type: "truefalse", stem: "?", answer: "true" })).toMatchObject({ ok: false, fieldErrors: { moduleId: [expect.any(String)] } });
  });

  it("renders the preview sanitised, with math", async () => {
    const c = await seedCourse(owner);
    const r = await previewMarkdownAction({ courseId: c.courseId, body: "Hello <script>alert(1)</script> $x^2$" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.html).not.toContain("<script");
      expect(r.data.html).toContain("katex");
    }
  });
});

describe("drafts, conflicts, history, publishing", () => {
  it("refuses the second of two saves from the same version and keeps the first text", async () => {
    const c = await seedCourse(owner);
    const a = await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "first editor", version: 1 });
    const b = await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "second editor", version: 1 });
    expect(a).toMatchObject({ ok: true, data: { version: 2 } });
    expect(b).toEqual({ ok: false, code: "CONFLICT", message: CONFLICT_MESSAGE, fieldErrors: undefined });
    const row = await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { body: true, version: true } });
    expect(row).toEqual({ body: "first editor", version: 2 });
    expect(await db.lessonRevision.count({ where: { lessonId: c.lessonId } })).toBe(2); // creation + one save
  });

  it("restores a revision as a new version", async () => {
    const c = await seedCourse(owner);
    await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "v2", version: 1 });
    await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "v3", version: 2 });
    const hist = await getLessonHistory(c.lessonId, actor(owner));
    const v2 = hist!.revisions.find((r) => r.version === 2)!;
    expect(await restoreRevisionAction({ revisionId: v2.id, version: 2 })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await restoreRevisionAction({ revisionId: v2.id, version: 3 })).toMatchObject({ ok: true, data: { version: 4, restoredFrom: 2 } });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { body: true, version: true } })).toEqual({ body: "v2", version: 4 });
    await signInAs(other);
    expect(await restoreRevisionAction({ revisionId: v2.id, version: 4 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("shows learners the published text only, until the next publish", async () => {
    const c = await seedCourse(owner);
    await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "Published words.", version: 1 });
    expect(await publishCourseAction({ courseId: c.courseId })).toMatchObject({ ok: true });
    await db.enrollment.create({ data: { userId: learner.id, courseId: c.courseId } });
    const lessonSlug = (await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId } })).slug;
    const read = async () => (await getLessonForReader(c.slug, lessonSlug, actor(learner))) as { lesson?: { html: string } } | null;
    expect((await read())!.lesson!.html).toContain("Published words.");
    await saveLessonAction({ lessonId: c.lessonId, title: "Diffusion", body: "Draft words.", version: 2 });
    expect((await read())!.lesson!.html).toContain("Published words.");
    expect((await read())!.lesson!.html).not.toContain("Draft words.");
    await publishCourseAction({ courseId: c.courseId });
    expect((await read())!.lesson!.html).toContain("Draft words.");
  });
});
