import { describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories";
import { CORRECT, createPublishedCourse, enrol } from "@/prisma/factories/learning";
import { signInAs } from "@/lib/test/session";
import { answerItemAction, startAttemptAction, submitAttemptAction } from "@/lib/actions/quiz";
import validateStatement from "xapi-validation";
import { GET as statementsRoute } from "./route";

type Body = { id: string; actor: { mbox?: string; account: { homePage: string; name: string } }; verb: { id: string }; object: { id: string }; context: { registration?: string; contextActivities?: { parent?: { id: string }[]; grouping?: { id: string }[] } }; result?: { duration?: string } }[];

async function learnerWithAttempt() {
  const owner = await createUser(db, { role: "INSTRUCTOR" });
  const learner = await createUser(db);
  const c = await createPublishedCourse(db, owner.id, { quizTypes: ["single"] });
  await enrol(db, learner.id, c.course.id);
  await signInAs(learner);
  const start = await startAttemptAction({ kind: "QUIZ", moduleId: c.module.id });
  if (!start.ok) throw new Error(start.message);
  await answerItemAction({ attemptId: start.data.attemptId, itemId: c.quizItems[0].id, response: CORRECT.single, timeMs: 2500 });
  return { learner, course: c.course, moduleId: c.module.id, attemptId: start.data.attemptId };
}

describe("GET /api/me/statements", () => {
  it("downloads the learner's own statements as xAPI, and 401 without a session", async () => {
    const s = await learnerWithAttempt();
    await submitAttemptAction({ attemptId: s.attemptId });
    const res = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="paracrine-statements-/);
    const text = await res.text();
    // No email anywhere: the learner is identified by their account on this site.
    expect(text).not.toContain(s.learner.email);
    expect(text).not.toMatch(/mbox|mailto/);
    const body = JSON.parse(text) as Body;
    expect(body.length).toBe(2); // answered + passed (the factory enrols without a statement)
    expect(body.every((st) => st.actor.account.name === s.learner.id && st.actor.account.homePage === "http://localhost:3000/")).toBe(true);
    expect(body.map((b) => b.verb.id)).toEqual(["http://adlnet.gov/expapi/verbs/answered", "http://adlnet.gov/expapi/verbs/passed"]);
    expect(body.every((b) => b.object.id.startsWith(`http://localhost:3000/courses/${s.course.slug}/`))).toBe(true);
    expect(body.find((b) => b.verb.id.endsWith("/answered"))?.result?.duration).toBe("PT2.5S");
    const courseIri = `http://localhost:3000/courses/${s.course.slug}`;
    expect(body.map((b) => b.context.contextActivities)).toEqual([
      { parent: [expect.objectContaining({ id: `${courseIri}/modules/${s.moduleId}` })], grouping: [expect.objectContaining({ id: courseIri })] },
      { parent: [expect.objectContaining({ id: `${courseIri}/modules/${s.moduleId}` })], grouping: [expect.objectContaining({ id: courseIri })] },
    ]);
    expect(new Set(body.map((b) => b.context.registration)).size).toBe(1);
    expect(body[0].context.registration).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Statements built from real rows are valid xAPI, and their UUIDs do not change between downloads.
    for (const st of body) expect(validateStatement(st).map((w) => w.path.join("."))).toEqual([]);
    const again = (await (await statementsRoute(new Request("http://localhost:3000/api/me/statements"))).json()) as Body;
    expect(again.map((b) => b.id)).toEqual(body.map((b) => b.id));
    await signInAs(null);
    const anon = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });


  it("never includes another learner's statements", async () => {
    const a = await learnerWithAttempt();
    const b = await learnerWithAttempt();
    const res = await statementsRoute(new Request("http://localhost:3000/api/me/statements"));
    const body = (await res.json()) as Body;
    expect(body).toHaveLength(1);
    expect(body[0].actor.account.name).toBe(b.learner.id);
    expect(body.some((st) => st.actor.account.name === a.learner.id)).toBe(false);
  });
});
