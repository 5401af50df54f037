import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { CORRECT, createPublishedCourse, enrol } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { answerItemAction, startAttemptAction, submitAttemptAction } from "@/lib/actions/quiz";
import { GET as statementsRoute } from "./route";

async function learnerWithAttempt() {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const c = await createPublishedCourse(db, owner.id, { quizTypes: ["single"] });
  await enrol(db, learner.id, c.course.id);
  await signInAs(learner);
  const start = await startAttemptAction({ kind: "QUIZ", moduleId: c.module.id });
  if (!start.ok) throw new Error(start.message);
  await answerItemAction({ attemptId: start.data.attemptId, itemId: c.quizItems[0].id, response: CORRECT.single, timeMs: 2500 });
  return { learner, attemptId: start.data.attemptId };
}

describe("GET /api/me/statements", () => {
  it("downloads the learner's own statements as xAPI, and 401 without a session", async () => {
    const s = await learnerWithAttempt();
    await submitAttemptAction({ attemptId: s.attemptId });
    const res = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="paracrine-statements-/);
    const body = (await res.json()) as { actor: { mbox: string }; verb: { id: string }; result?: { duration?: string } }[];
    expect(body.length).toBe(2); // answered + passed (the factory enrols without a statement)
    expect(body.every((st) => st.actor.mbox === `mailto:${s.learner.email}`)).toBe(true);
    expect(body.map((b) => b.verb.id)).toContain("http://adlnet.gov/expapi/verbs/answered");
    expect(body.find((b) => b.verb.id.endsWith("/answered"))?.result?.duration).toBe("PT2.5S");
    await signInAs(null);
    const anon = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });


  it("never includes another learner's statements", async () => {
    const a = await learnerWithAttempt();
    const b = await learnerWithAttempt();
    const res = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    const body = (await res.json()) as { actor: { mbox: string } }[];
    expect(body).toHaveLength(1);
    expect(body[0].actor.mbox).toBe(`mailto:${b.learner.email}`);
    expect(body.some((st) => st.actor.mbox === `mailto:${a.learner.email}`)).toBe(false);
  });
});
