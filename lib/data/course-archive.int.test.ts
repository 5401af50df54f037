import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import path from "node:path";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { readCourseFolder } from "@/lib/content/read-folder";
import { archiveToFiles, filesToArchive } from "@/lib/content/bundle";
import { exportCourseFiles, importCourseFiles } from "./course-archive";
import { importArchiveAction } from "@/lib/actions/studio";

describe("course archive round trip", () => {
  it("content/paracrine → export → import as a copy → export: identical but for the slug", async () => {
    const admin = (await createUser(db, { role: "ADMIN" })) as unknown as Actor;
    const first = await importCourseFiles(readCourseFolder(path.resolve(__dirname, "../../content/paracrine")), admin);
    expect(first.counts.lessons).toBeGreaterThan(0);
    const a = await exportCourseFiles(first.courseId, admin);
    const parsed = archiveToFiles(filesToArchive(a));
    if ("error" in parsed) throw new Error(parsed.error);
    const copy = await importCourseFiles(parsed.files, admin, { slug: "paracrine-copy" });
    expect(copy.created).toBe(true);
    expect(copy.courseId).not.toBe(first.courseId);
    const b = await exportCourseFiles(copy.courseId, admin);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) {
      if (name === "course.yaml") continue;
      expect(b[name], name).toBe(a[name]);
    }
    const lines = (s: string) => s.split("\n");
    const diff = lines(a["course.yaml"]).map((l, i) => [l, lines(b["course.yaml"])[i]]).filter(([x, y]) => x !== y);
    expect(diff).toEqual([[`slug: ${first.slug}`, "slug: paracrine-copy"]]);
  }, 120_000);

  it("the studio import action refuses a broken archive with a report and writes nothing", async () => {
    const inst = await createUser(db, { role: "INSTRUCTOR" });
    await signInAs(inst);
    const before = await db.course.count();
    expect(await importArchiveAction({ archive: "{not json" })).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { archive: [expect.any(String)] } });
    const broken = filesToArchive({ "course.yaml": "slug: broken-one\ntitle: Broken\n", "modules/01-a/module.yaml": "title: [unclosed" });
    const r = await importArchiveAction({ archive: broken });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.course.count()).toBe(before);
  });
});
