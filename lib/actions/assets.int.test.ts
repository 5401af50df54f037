import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createCourse, createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { storage } from "@/lib/storage";
import { exportCourseFiles, importCourseFiles } from "@/lib/data/course-archive";
import { MAX_IMAGE_BYTES } from "@/lib/assets/image-type";
import { uploadImageAction } from "./assets";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const form = (courseId: string, file: File) => {
  const fd = new FormData();
  fd.set("courseId", courseId);
  fd.set("file", file);
  return fd;
};

describe("uploadImageAction", () => {
  it("stores a real image under a safe name and lets the course export and re-import it", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const course = await createCourse(db, owner.id);
    await db.course.update({ where: { id: course.id }, data: { title: "Upload test" } });
    await signInAs(owner);
    const r = await uploadImageAction(form(course.id, new File([PNG], "My Figure 1.PNG", { type: "image/png" })));
    expect(r).toMatchObject({ ok: true, data: { name: "my-figure-1.png", markdown: "![Describe what the image shows](figures/my-figure-1.png)" } });
    const asset = await db.asset.findUniqueOrThrow({ where: { courseId_name: { courseId: course.id, name: "my-figure-1.png" } } });
    expect(asset).toMatchObject({ mime: "image/png", size: PNG.length });
    expect(new Uint8Array((await storage().get(asset.storageKey))!)).toEqual(PNG);

    const files = await exportCourseFiles(course.id, owner);
    expect(files["figures/my-figure-1.png"]).toMatch(/^data:image\/png;base64,/);
    // Round trip needs a course file set the importer accepts: give the course a title line.
    const copy = await importCourseFiles(files, owner, { slug: `${course.slug}-copy` });
    const copied = await db.asset.findUniqueOrThrow({ where: { courseId_name: { courseId: copy.courseId, name: "my-figure-1.png" } } });
    expect(new Uint8Array((await storage().get(copied.storageKey))!)).toEqual(PNG);
  });

  it("refuses disguised files, oversized files and people who do not teach the course, writing nothing", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const course = await createCourse(db, owner.id);
    await signInAs(owner);
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "evil.png", { type: "image/png" });
    expect(await uploadImageAction(form(course.id, svg))).toMatchObject({ ok: false, code: "VALIDATION", message: "Only PNG, JPEG, GIF and WebP images can be uploaded." });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(PNG);
    expect(await uploadImageAction(form(course.id, new File([big], "big.png")))).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { file: ["Images may be at most 2 MB."] } });

    const other = await createUser(db, { role: "INSTRUCTOR" });
    await signInAs(other);
    expect(await uploadImageAction(form(course.id, new File([PNG], "x.png")))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const learner = await createUser(db);
    await signInAs(learner);
    expect(await uploadImageAction(form(course.id, new File([PNG], "x.png")))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.asset.count({ where: { courseId: course.id } })).toBe(0);
  });
});
