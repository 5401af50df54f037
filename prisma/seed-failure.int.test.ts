// If the course import fails, the demo accounts created before it are removed again: the database
// stays empty, so the next start retries instead of seeing "not empty" and never loading the demo.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

vi.mock("@/lib/data/course-archive", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/data/course-archive")>()),
  importCourseFiles: async () => {
    throw new Error("disk full during import");
  },
}));

describe("seed when the course import fails", () => {
  it("leaves no demo account behind and reports the failure", async () => {
    const { seed } = await import("@/prisma/seed");
    await expect(seed({ demo: true, log: () => undefined })).rejects.toThrow("disk full during import");
    expect(await db.user.count()).toBe(0);
    expect(await db.course.count()).toBe(0);
  });
});
