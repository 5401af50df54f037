// One transaction per user-visible operation (hardening issue, finding 9): a write made to fail
// part-way (a database trigger aborts one INSERT, lib/test/fault.ts) leaves nothing behind. Also: a
// stale question save is refused and overwrites nothing.
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createUser } from "@/prisma/factories";
import { seedCourse } from "@/lib/test/studio";
import { failInsertsWhere } from "@/lib/test/fault";
import { registerUser } from "@/lib/auth/accounts";
import { importGiftAction, saveItemAction, saveLessonAction } from "@/lib/actions/studio";
import { readCourseFolder } from "@/lib/content/read-folder";
import { importCourseFiles } from "./course-archive";

type U = Awaited<ReturnType<typeof createUser>>;
let owner: U;
let undo: (() => Promise<void>) | null = null;
beforeEach(async () => {
  owner = await createUser(db, { role: "INSTRUCTOR" });
});
afterEach(async () => {
  await undo?.();
  undo = null;
});


describe("a write that fails part-way leaves nothing", () => {
  it("sign-up: the account and its 'registered' statement, or neither", async () => {
    undo = await failInsertsWhere("Statement", "objectName", "Fail Me");
    await expect(registerUser({ name: "Fail Me", email: "failme@test.org", password: "a long enough passphrase" })).rejects.toThrow();
    expect(await db.user.count({ where: { email: "failme@test.org" } })).toBe(0);
    await undo!();
    undo = null;
    await expect(registerUser({ name: "Fail Me", email: "failme@test.org", password: "a long enough passphrase" })).resolves.toMatchObject({ email: "failme@test.org" });
  });

  it("lesson save: the draft and its revision, or neither", async () => {
    const c = await seedCourse(owner);
    const before = await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { body: true, title: true, version: true } });
    undo = await failInsertsWhere("LessonRevision", "title", "Boom");
    const r = await saveLessonAction({ lessonId: c.lessonId, title: "Boom", body: "New body", version: before.version });
    expect(r.ok).toBe(false);
    expect(await db.lesson.findUniqueOrThrow({ where: { id: c.lessonId }, select: { body: true, title: true, version: true } })).toEqual(before);
    expect(await db.lessonRevision.count({ where: { lessonId: c.lessonId, title: "Boom" } })).toBe(0);
    // The same call succeeds once the trap is gone: the failure above was the injected one.
    await undo!();
    undo = null;
    expect(await saveLessonAction({ lessonId: c.lessonId, title: "Boom", body: "New body", version: before.version })).toMatchObject({ ok: true });
  });

  it("GIFT import: all questions or none, when the third insert fails", async () => {
    const c = await seedCourse(owner);
    const gift = ["::g1:: Paracrine signals act locally. {T}", "::g2:: Endocrine signals travel in blood. {T}", "::g3:: Diffusion time grows linearly with distance. {F}", "::g4:: Autocrine: a cell answers its own signal. {T}"].join("\n\n");
    undo = await failInsertsWhere("Item", "key", "g3");
    const r = await importGiftAction({ courseId: c.courseId, moduleId: c.moduleId, text: gift });
    expect(r.ok).toBe(false);
    expect(await db.item.count({ where: { courseId: c.courseId } })).toBe(0);
    await undo!();
    undo = null;
    expect(await importGiftAction({ courseId: c.courseId, moduleId: c.moduleId, text: gift })).toMatchObject({ ok: true });
    expect(await db.item.count({ where: { courseId: c.courseId } })).toBe(4);
  });

  it("course import: the whole course or nothing, when a late lesson insert fails", async () => {
    const admin = (await createUser(db, { role: "ADMIN" })) as unknown as Actor;
    const files = readCourseFolder(path.resolve(__dirname, "../../content/paracrine"));
    undo = await failInsertsWhere("Lesson", "slug", "limits-of-regenerative-evidence");
    await expect(importCourseFiles(files, admin, { slug: "atomic-import" })).rejects.toThrow();
    expect(await db.course.count({ where: { slug: "atomic-import" } })).toBe(0);
    expect(await db.lesson.count({ where: { course: { slug: "atomic-import" } } })).toBe(0);
    expect(await db.item.count({ where: { course: { slug: "atomic-import" } } })).toBe(0);
  }, 180_000);
});

describe("question edits are version-checked", () => {
  it("a stale save is refused with a clear message and overwrites nothing", async () => {
    const c = await seedCourse(owner);
    const created = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, key: "v1", type: "truefalse", stem: "First text", answer: "true" });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const v0 = (await db.item.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const a = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, itemId: id, version: v0, key: "v1", type: "truefalse", stem: "Editor A", answer: "true" });
    expect(a).toMatchObject({ ok: true });
    const b = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, itemId: id, version: v0, key: "v1", type: "truefalse", stem: "Editor B (stale)", answer: "false" });
    expect(b).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringContaining("not saved") });
    expect((await db.item.findUniqueOrThrow({ where: { id }, select: { stem: true } })).stem).toBe("Editor A");
    const noVersion = await saveItemAction({ courseId: c.courseId, moduleId: c.moduleId, itemId: id, key: "v1", type: "truefalse", stem: "No version", answer: "true" });
    expect(noVersion).toMatchObject({ ok: false, code: "VALIDATION" });
  });
});

describe("course archive figures", () => {
  it("refuses a scripted SVG or an HTML 'figure' with the file named, and imports nothing", async () => {
    const admin = (await createUser(db, { role: "ADMIN" })) as unknown as Actor;
    const files = readCourseFolder(path.resolve(__dirname, "../../content/paracrine"));
    const svgName = Object.keys(files).find((f) => f.startsWith("figures/") && f.endsWith(".svg"))!;
    const scripted = { ...files, [svgName]: files[svgName].replace("</svg>", "<script>alert(document.cookie)</script></svg>") };
    await expect(importCourseFiles(scripted, admin, { slug: "scripted-svg" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { files: [expect.stringContaining(`${svgName} contains a <script> element`)] } });
    const html = { ...files, "figures/m01-page.png": `data:text/html;base64,${Buffer.from("<script>alert(1)</script>").toString("base64")}` };
    await expect(importCourseFiles(html, admin, { slug: "html-figure" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { files: [expect.stringContaining("figures/m01-page.png is not an SVG, PNG, JPEG, GIF or WebP image")] } });
    expect(await db.course.count({ where: { slug: { in: ["scripted-svg", "html-figure"] } } })).toBe(0);
  }, 180_000);
});
