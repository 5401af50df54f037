// axe (WCAG 2.1 A/AA) on every main page not already checked inside a journey spec.
import { test, expectNoAxeViolations, signInViaApi, testDb } from "./fixtures";

test("learner pages pass axe", async ({ page, learner, signIn }) => {
  const course = await testDb().course.findUniqueOrThrow({ where: { slug: "paracrine-signalling" }, select: { id: true } });
  await testDb().enrollment.create({ data: { userId: learner.id, courseId: course.id } });
  await signIn(learner);
  for (const path of [
    "/courses",
    "/courses/paracrine-signalling",
    "/courses/paracrine-signalling/glossary",
    "/courses/paracrine-signalling/lessons/paracrine-defined",
    "/courses/paracrine-signalling/attempts",
    "/account",
    "/lab",
  ]) {
    const res = await page.goto(path);
    test.expect(res?.status(), path).toBeLessThan(400);
    await expectNoAxeViolations(page);
  }
});

test("studio pages pass axe", async ({ browser, makeUser }) => {
  const instructor = await makeUser("INSTRUCTOR");
  const course = await testDb().course.findUniqueOrThrow({ where: { slug: "paracrine-signalling" }, select: { id: true } });
  // An owner of the demo course, as the demo instructor is (the row goes with the user); demo passwords are random.
  await testDb().courseInstructor.create({ data: { courseId: course.id, userId: instructor.id, role: "OWNER" } });
  const ctx = await browser.newContext();
  await signInViaApi(ctx.request, instructor.email, instructor.password);
  const page = await ctx.newPage();
  const lesson = await testDb().lesson.findFirstOrThrow({ where: { courseId: course.id }, select: { id: true } });
  for (const path of [
    `/studio/${course.id}`,
    `/studio/${course.id}/items`,
    `/studio/${course.id}/items/new`,
    `/studio/${course.id}/lessons/${lesson.id}/history`,
    `/studio/${course.id}/lessons/${lesson.id}/preview`,
    `/studio/${course.id}/cohorts`,
    `/studio/${course.id}/gift`,
    "/studio/import",
  ]) {
    const res = await page.goto(path);
    test.expect(res?.status(), path).toBeLessThan(400);
    await expectNoAxeViolations(page);
  }
  await ctx.close();
});
