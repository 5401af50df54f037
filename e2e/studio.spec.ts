// Issue: the instructor's studio. An instructor builds a module with a lesson and one question of every
// type in the browser, publishes, a learner takes the quiz, and the instructor sees that learner's
// attempt in the analytics and the gradebook.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, signInViaApi, testDb } from "./fixtures";

const QUESTIONS = [
  { type: "single", label: "Single choice", fill: { "Options, one per line": "=Paracrine # Right: neighbours\n~Endocrine # That travels in the blood\n~Autocrine # That acts on the secreting cell" } },
  { type: "multiple", label: "Multiple choice", fill: { "Options, one per line": "=Diffusion\n=Degradation\n~Telepathy # Not a mechanism" } },
  { type: "truefalse", label: "True / false", select: { "The statement is": "true" } },
  { type: "numeric", label: "Numeric", fill: { "Correct value": "20", "Tolerance (±)": "1", "Unit (optional)": "µm" } },
  { type: "short", label: "Short answer", fill: { "Accepted answers, one per line": "heparan sulfate\nheparan sulphate" } },
  { type: "matching", label: "Matching", fill: { "Pairs, one per line": "Insulin -> Endocrine\nNitric oxide -> Paracrine" } },
  { type: "ordering", label: "Ordering", fill: { "Steps in the right order, one per line": "Secretion\nDiffusion\nBinding" } },
] as const;

async function answer(page: Page, type: string) {
  switch (type) {
    case "single":
      return page.getByRole("radio", { name: "Paracrine" }).check();
    case "multiple":
      await page.getByRole("checkbox", { name: "Diffusion" }).check();
      return page.getByRole("checkbox", { name: "Degradation" }).check();
    case "truefalse":
      return page.getByRole("radio", { name: "True" }).check();
    case "numeric":
      return page.getByLabel(/Your answer \(in µm\)/).fill("20.5");
    case "short":
      return page.getByLabel("Your answer", { exact: true }).fill("Heparan Sulphate");
    case "matching":
      await page.getByLabel("Insulin").selectOption("Endocrine");
      return page.getByLabel("Nitric oxide").selectOption("Paracrine");
    case "ordering": {
      const target = ["Secretion", "Diffusion", "Binding"];
      for (let i = 0; i < target.length; i++)
        for (let guard = 0; guard < 5; guard++) {
          const names = await page.getByRole("button", { name: /^Move up: / }).evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")!.replace("Move up: ", "")));
          if (names.indexOf(target[i]) <= i) break;
          await page.getByRole("button", { name: `Move up: ${target[i]}` }).click();
        }
      return;
    }
  }
}

test("an instructor authors and publishes a module; a learner takes it; the instructor sees the attempt", async ({ browser, makeUser }) => {
  test.setTimeout(240_000);
  const instructor = await makeUser("INSTRUCTOR");
  const learner = await makeUser("LEARNER");
  const slug = `studio-e2e-${Date.now()}`;
  const ictx = await browser.newContext();
  await signInViaApi(ictx.request, instructor.email);
  const ip = await ictx.newPage();
  ip.on("dialog", (d) => d.accept());

  await ip.goto("/studio");
  await expectNoAxeViolations(ip);
  await ip.getByLabel("Title").fill("Studio test course");
  await ip.getByLabel("Slug").fill(slug);
  await ip.getByRole("button", { name: "Create course" }).click();
  await expect(ip).toHaveURL(/\/studio\/[^/]+$/);
  const courseId = ip.url().split("/").pop()!;

  await ip.getByLabel("New module title").fill("Signals in tissue");
  await ip.getByRole("button", { name: "Add module" }).click();
  await ip.getByLabel("New lesson in “Signals in tissue”").fill("Local signals");
  await ip.getByRole("button", { name: "Add lesson" }).click();
  // A second module, then drag it above the first (the Move buttons are the keyboard path).
  await ip.getByLabel("New module title").fill("Clinical links");
  await ip.getByRole("button", { name: "Add module" }).click();
  const order = ip.getByRole("list", { name: /Module order/ });
  await expect(order.getByRole("listitem")).toHaveText(["⠿1. Signals in tissue", "⠿2. Clinical links"]);
  await order.getByText("2. Clinical links").dragTo(order.getByText("1. Signals in tissue"));
  await expect(ip.getByRole("heading", { level: 3, name: "1. Clinical links" })).toBeVisible();
  await ip.getByRole("button", { name: "Move down: Clinical links" }).click();
  await expect(ip.getByRole("heading", { level: 3, name: "1. Signals in tissue" })).toBeVisible();
  await ip.getByRole("link", { name: "Local signals" }).click();
  await ip.getByLabel("Body (Markdown, $math$ with KaTeX)").fill("## Range\n\nThe decay length is $\\lambda = \\sqrt{D/k}$.\n\n<script>alert(1)</script>");
  await expect(ip.locator(".katex").first()).toBeVisible();
  await expect(ip.locator("script:not([nonce]):not([src])")).toHaveCount(0);
  await ip.getByRole("button", { name: "Save draft" }).click();
  await expect(ip.getByText(/Saved as version 2/)).toBeVisible();
  await ip.getByLabel("Key").fill(`${slug}-range`);
  await ip.getByLabel("Learners will be able to…").fill("Calculate a decay length.");
  await ip.getByRole("button", { name: "Add objective" }).click();
  await expect(ip.getByText("Calculate a decay length.")).toBeVisible();
  await expectNoAxeViolations(ip);

  for (const q of QUESTIONS) {
    await ip.goto(`/studio/${courseId}/items/new`);
    await ip.getByLabel("Key").fill(`${slug}-${q.type}`);
    await ip.getByLabel("Type", { exact: true }).selectOption(q.type);
    await ip.getByLabel("Module", { exact: true }).selectOption({ label: "Signals in tissue" });
    await ip.getByLabel("Objective (optional)").selectOption({ index: 1 });
    await ip.getByLabel("Question (Markdown)").fill(`Studio ${q.type} question about local signalling?`);
    for (const [label, value] of Object.entries("fill" in q ? q.fill : {})) await ip.getByLabel(label, { exact: true }).fill(value);
    for (const [label, value] of Object.entries("select" in q ? q.select : {})) await ip.getByLabel(label, { exact: true }).selectOption(value);
    await ip.getByLabel("Explanation shown after answering (Markdown)").fill(`Why the ${q.type} answer is right.`);
    await ip.getByRole("button", { name: "Create question" }).click();
    await expect(ip).toHaveURL(new RegExp(`/studio/${courseId}/items/[^/]+$`));
  }
  await ip.goto(`/studio/${courseId}`);
  await ip.getByRole("button", { name: "Publish course" }).click();
  await expect(ip.getByText("Published.", { exact: true })).toBeVisible();

  // The learner takes the module quiz.
  const lctx = await browser.newContext();
  await signInViaApi(lctx.request, learner.email);
  const lp = await lctx.newPage();
  await lp.goto(`/courses/${slug}`);
  await lp.getByRole("button", { name: "Enrol in this course" }).click();
  await lp.getByRole("link", { name: "Module quiz" }).click();
  for (let i = 0; i < QUESTIONS.length; i++) {
    const stem = await lp.getByText(/^Studio (\w+) question about local signalling\?$/).textContent();
    const type = /Studio (\w+) question/.exec(stem ?? "")![1];
    await answer(lp, type);
    await lp.getByRole("button", { name: "Check answer" }).click();
    await expect(lp.getByText(`Why the ${type} answer is right.`)).toBeVisible();
    if (i < QUESTIONS.length - 1) await lp.getByRole("button", { name: "Next →" }).click();
  }
  await lp.getByRole("button", { name: "Finish quiz" }).click();
  await expect(lp.getByText(/100\s*%/).first()).toBeVisible();

  // The instructor sees the attempt.
  await ip.goto(`/studio/${courseId}/analytics`);
  await expectNoAxeViolations(ip);
  // One response per question, all correct; the single-choice distractors were never chosen.
  for (const q of QUESTIONS) await expect(ip.getByRole("row", { name: new RegExp(`^${slug}-${q.type} \\(${q.type}\\) 1 100%`) })).toBeVisible();
  await expect(ip.getByRole("row", { name: new RegExp(`^${slug}-single `) })).toContainText("Endocrine: 0 (0%)");
  const csv = await (await ip.request.get(`/api/studio/courses/${courseId}/gradebook`)).text();
  const row = csv.split("\n").find((l) => l.includes(learner.email));
  expect(row, csv).toBeTruthy();
  expect(row).toContain("100");

  // Another instructor can neither see the course in the studio nor download its gradebook.
  const other = await makeUser("INSTRUCTOR");
  const octx = await browser.newContext();
  await signInViaApi(octx.request, other.email);
  expect((await octx.request.get(`/api/studio/courses/${courseId}/gradebook`)).status()).toBe(404);
  const op = await octx.newPage();
  const res = await op.goto(`/studio/${courseId}`);
  expect(res?.status()).toBe(404);
  await Promise.all([ictx.close(), lctx.close(), octx.close()]);
  await testDb().course.deleteMany({ where: { slug } });
});
