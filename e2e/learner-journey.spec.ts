// Issue: the learner's journey. A new learner signs up, enrols, reads and completes a lesson, takes a
// module quiz with one item of every type, reviews with spaced repetition, and finds on the dashboard
// exactly the figures that match what they did.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, testDb } from "./fixtures";
import { createPublishedCourse } from "../prisma/factories/learning";
import { DEFAULT_BKT, guessFor, updateMastery } from "../lib/items/mastery";

const TYPES = ["single", "multiple", "truefalse", "numeric", "matching", "ordering", "short"] as const;

async function answerCurrent(page: Page) {
  const question = page.locator("main");
  const type = (await question.locator("strong").filter({ hasText: new RegExp(`^(${TYPES.join("|")})$`) }).first().textContent())?.trim();
  switch (type) {
    case "single":
      await page.getByRole("radio", { name: "Paracrine" }).check();
      break;
    case "multiple":
      await page.getByRole("checkbox", { name: "Diffusion" }).check();
      await page.getByRole("checkbox", { name: "Degradation" }).check();
      break;
    case "truefalse":
      await page.getByRole("radio", { name: "True" }).check();
      break;
    case "numeric":
      await page.getByLabel(/Your answer \(in µm\)/).fill("104");
      break;
    case "matching":
      await page.getByLabel("Insulin").selectOption("Endocrine");
      await page.getByLabel("Nitric oxide").selectOption("Paracrine");
      break;
    case "ordering": {
      const target = ["Secretion", "Diffusion", "Binding"];
      for (let i = 0; i < target.length; i++) {
        for (let guard = 0; guard < 5; guard++) {
          const names = await page.getByRole("button", { name: /^Move up: / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!.replace("Move up: ", "")));
          if (names.indexOf(target[i]) <= i) break;
          await page.getByRole("button", { name: `Move up: ${target[i]}` }).click();
        }
      }
      break;
    }
    case "short":
      await page.getByLabel("Your answer", { exact: true }).fill("  morphogen ");
      break;
    default:
      throw new Error(`unknown question type on screen: ${type}`);
  }
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByRole("status").filter({ hasText: /correct/i }).first()).toBeVisible();
  return type!;
}

test("sign-up → lesson → quiz with every item type → review → dashboard figures", async ({ page, makeUser }) => {
  test.setTimeout(180_000);
  const teacher = await makeUser("INSTRUCTOR");
  const db = testDb();
  const c = await createPublishedCourse(db, teacher.id, { lessons: 1, quizTypes: [...TYPES] });
  await db.item.updateMany({ where: { courseId: c.course.id }, data: { topic: "mechanism" } });

  const email = `journey-${Date.now()}@example.test`;
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(`/courses/${c.course.slug}`)}`);
  await page.getByLabel("Name").fill("Jo Journey");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("diffusion decay and degradation");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${c.course.slug}$`));

  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lesson 0" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Mark lesson complete" }).click();
  await expect(page.getByText("You completed this lesson.")).toBeVisible();

  await page.goto(`/courses/${c.course.slug}/modules/${c.module.slug}/quiz`);
  const served: string[] = [];
  for (let i = 0; i < TYPES.length; i++) {
    served.push(await answerCurrent(page));
    if (i === 0) await expectNoAxeViolations(page);
    if (i < TYPES.length - 1) await page.getByRole("button", { name: "Next →" }).click();
  }
  expect([...served].sort()).toEqual([...TYPES].sort());
  await page.getByRole("button", { name: "Finish quiz" }).click();
  await expect(page.getByText(/100\s*%/).first()).toBeVisible();

  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const attempts = await db.quizAttempt.findMany({ where: { userId: user.id, status: "SUBMITTED" }, select: { percent: true, passed: true } });
  expect(attempts).toEqual([{ percent: 100, passed: true }]);
  expect(await db.moduleCompletion.count({ where: { userId: user.id } })).toBe(1);
  expect(await db.courseCompletion.count({ where: { userId: user.id } })).toBe(1);

  // Every answered item joined the review deck, due now.
  await page.goto("/review");
  await expect(page.getByText(/7\s+questions due/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Show answer" }).click();
  await page.getByRole("button", { name: /^3\. Good/ }).click();
  await expect(page.getByText(/6\s+questions due/)).toBeVisible();
  await page.getByRole("button", { name: "Show answer" }).click();
  // The keys listen once the answer is shown; the shown answer takes focus in the same render.
  await expect(page.getByRole("status").filter({ hasText: "Answer:" })).toBeFocused();
  await page.keyboard.press("4");
  await expect(page.getByText(/5\s+questions due/)).toBeVisible();
  expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);

  await page.goto("/dashboard");
  await expect(page.getByTestId(`course-progress-${c.course.slug}`)).toHaveText("1 of 1 lessons completed");
  await expect(page.getByTestId("due-count")).toHaveText("5");
  await expect(page.getByText(/Module quiz: Module one: 100% · passed/)).toBeVisible();
  await expect(page.getByTestId("streak")).toHaveText("1");
  let p = DEFAULT_BKT.prior;
  for (const t of served) p = updateMastery(p, 1, { ...DEFAULT_BKT, guess: guessFor(t) });
  await expect(page.getByTestId("mastery-mechanism")).toContainText(`${Math.round(p * 100)}%`);
  await expectNoAxeViolations(page);

  // The same estimate, per objective, in words and numbers on the course page.
  await page.goto(`/courses/${c.course.slug}`);
  await page.getByText("Your mastery of this module's objectives").click();
  await expect(page.getByText(`an estimated ${Math.round(p * 100)}% chance you have this objective, from 7 answers.`)).toBeVisible();
  await db.user.deleteMany({ where: { email } });
});
