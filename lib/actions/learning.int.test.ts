// Reading time cannot be inflated by replaying the tracker (hardening issue, finding 10): a report is
// credited at most the time since the previous one, with the clock moved by the test.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { createPublishedCourse, enrol } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { recordProgressAction } from "./learning";
import { FIRST_REPORT_MAX_SECONDS } from "@/lib/validation/learning";

async function setup() {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const { course, lessons } = await createPublishedCourse(db, owner.id);
  await enrol(db, learner.id, course.id);
  await signInAs(learner);
  return { learner, lessonId: lessons[0].id };
}

const timeSpent = async (userId: string, lessonId: string) =>
  (await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId, lessonId } }, select: { timeSpentSec: true } })).timeSpentSec;

describe("recordProgressAction: time spent follows the clock", () => {
  let t = new Date("2026-05-04T10:00:00Z").getTime();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t);
  });
  afterEach(() => {
    vi.useRealTimers();
    t += 86_400_000;
  });

  it("credits honest reports in full and caps the first one", async () => {
    const s = await setup();
    expect(await recordProgressAction({ lessonId: s.lessonId, position: 0.1, seconds: 300 })).toMatchObject({ ok: true });
    expect(await timeSpent(s.learner.id, s.lessonId)).toBe(FIRST_REPORT_MAX_SECONDS);
    vi.setSystemTime(t + 15_000);
    await recordProgressAction({ lessonId: s.lessonId, position: 0.3, seconds: 15 });
    vi.setSystemTime(t + 30_000);
    await recordProgressAction({ lessonId: s.lessonId, position: 0.2, seconds: 15 });
    expect(await timeSpent(s.learner.id, s.lessonId)).toBe(FIRST_REPORT_MAX_SECONDS + 30);
    const row = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId: s.learner.id, lessonId: s.lessonId } } });
    expect(row.position).toBe(0.3); // the furthest point is kept
  });

  it("a report never credits more than the time since the previous one", async () => {
    const s = await setup();
    await recordProgressAction({ lessonId: s.lessonId, position: 0.1, seconds: 10 });
    vi.setSystemTime(t + 20_000);
    await recordProgressAction({ lessonId: s.lessonId, position: 0.1, seconds: 300 });
    expect(await timeSpent(s.learner.id, s.lessonId)).toBe(10 + 20);
  });

  it("twenty replayed reports at one instant add nothing beyond the clock (both databases)", async () => {
    const s = await setup();
    await recordProgressAction({ lessonId: s.lessonId, position: 0.1, seconds: 5 });
    vi.setSystemTime(t + 60_000);
    const rs = await Promise.all(Array.from({ length: 20 }, () => recordProgressAction({ lessonId: s.lessonId, position: 0.5, seconds: 300 })));
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(await timeSpent(s.learner.id, s.lessonId)).toBe(5 + 60);
  });
});
