import { test, expect, expectNoAxeViolations, testDb } from "./fixtures";
import { PRESETS, simulateGradient } from "../lib/sim";
import { formatQuantity } from "../lib/lab/format";
import { CONTROLS, fromSlider, paramsFromPreset, toGradientInput, toSlider } from "../lib/lab/params";

const lambdaText = (D: number, k: number) => formatQuantity(Math.sqrt(D / k), "µm");

test.describe("gradient lab", () => {
  test("presets, keyboard and mouse changes, live numbers, plots, tables and summary", async ({ page }) => {
    await page.goto("/lab");
    const decay = page.getByTestId("decay-length");
    await expect(decay).toHaveText("19.9 µm");
    await expect(page.getByTestId("lab-summary")).toHaveText("Decay length 19.9 µm, signalling range 45.8 µm, source concentration 9.96 nM.");
    await expectNoAxeViolations(page);

    // Every preset in turn: its description, and the numbers the simulator gives for it.
    const picker = page.getByLabel("Preset", { exact: true });
    for (const preset of [...PRESETS.slice(1), PRESETS[0]]) {
      await picker.selectOption(preset.id);
      await expect(page.getByTestId("preset-description")).toHaveText(preset.description);
      const r = simulateGradient({ ...preset.input, numerics: { timeCourse: false } });
      await expect(decay, preset.id).toHaveText(formatQuantity(r.decayLength, "µm"));
      await expect(page.getByTestId("signalling-range"), preset.id).toHaveText(formatQuantity(r.signallingRange?.range ?? null, "µm"));
      await expect(page.getByTestId("lab-summary")).toContainText(`Switching to the preset “${preset.title}”`);
      for (const key of preset.outsideSliderRange) {
        const spec = CONTROLS[key as "k"];
        await expect(page.getByRole("spinbutton", { name: new RegExp(`^${spec.label}`) })).toHaveValue(String(paramsFromPreset(preset)[key as "k"]));
        await expect(page.getByText(/slider is pinned/).first()).toBeVisible();
      }
    }
    await page.getByText(/^Sources of the values/).click();
    await expect(page.getByText("Literature").first()).toBeVisible();
    await expect(page.getByText("Teaching estimate").first()).toBeVisible();

    // Typing: doubling k on the Dpp preset shortens λ from 19.9 µm to 14.1 µm.
    const dpp = paramsFromPreset(PRESETS[0]);
    const kBox = page.getByRole("spinbutton", { name: "Removal rate k (1/s)" });
    await kBox.fill("5.04e-4");
    await expect(decay).toHaveText("14.1 µm");
    await expect(page.getByTestId("lab-summary")).toContainText("Doubling k shortened the decay length from 19.9 µm to 14.1 µm (−29%)");
    const kSlider = page.getByRole("slider", { name: "Removal rate k (1/s)" });
    await expect(kSlider).toHaveValue(String(toSlider(CONTROLS.k, 5.04e-4).position));

    // Keyboard on a slider: ArrowRight then PageUp move D along its log scale.
    const dSlider = page.getByRole("slider", { name: "Diffusion coefficient D (µm²/s)" });
    const p0 = toSlider(CONTROLS.D, dpp.D).position;
    await dSlider.focus();
    await page.keyboard.press("ArrowRight");
    const d1 = fromSlider(CONTROLS.D, p0 + 1);
    await expect(page.getByRole("spinbutton", { name: "Diffusion coefficient D (µm²/s)" })).toHaveValue(String(d1));
    await expect(decay).toHaveText(lambdaText(d1, 5.04e-4));
    await page.keyboard.press("PageUp");
    const pAfter = Number(await dSlider.inputValue());
    expect(pAfter).toBeGreaterThan(p0 + 1);
    const d2 = fromSlider(CONTROLS.D, pAfter);
    await expect(decay).toHaveText(lambdaText(d2, 5.04e-4));
    await expect(page.getByTestId("lab-summary")).toContainText(/D .*lengthened the decay length/);

    // Mouse: a click near the right end of the Kd slider raises Kd and shortens the signalling range.
    const rangeBefore = await page.getByTestId("signalling-range").textContent();
    const kdSlider = page.getByRole("slider", { name: "Receptor Kd (nM)" });
    await kdSlider.scrollIntoViewIfNeeded();
    const box = (await kdSlider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await expect(page.getByTestId("signalling-range")).not.toHaveText(rangeBefore ?? "");
    const kd = Number(await page.getByRole("spinbutton", { name: "Receptor Kd (nM)" }).inputValue());
    expect(kd).toBeGreaterThan(50);
    await expect(page.getByTestId("lab-summary")).toContainText(/Kd .*shortened the signalling range/);

    // The data table lists the plotted points: same count as the line, same values as the simulator.
    const params = { ...dpp, k: 5.04e-4, D: d2, Kd: kd };
    const expected = simulateGradient({ ...toGradientInput(params), numerics: { timeCourse: false } }).steadyState!;
    await page.getByRole("button", { name: "Show data table: free ligand at steady state" }).click();
    const cells = page.getByTestId("plot-concentration-table").locator("tbody td[data-value]");
    await expect(cells).toHaveCount(expected.concentration.length);
    const values = (await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-value")))));
    values.forEach((v, i) => expect(Math.abs(v - expected.concentration[i])).toBeLessThanOrEqual(1e-9 * expected.concentration[0]));
    const points = (await page.getByTestId("plot-concentration-line").getAttribute("points"))!.trim().split(" ");
    expect(points).toHaveLength(expected.concentration.length);
    await expectNoAxeViolations(page);

    // Invalid input: a clear message next to the controls, the page keeps working.
    await page.getByRole("spinbutton", { name: "Diffusion coefficient D (µm²/s)" }).fill("-1");
    await expect(page.getByTestId("lab-error")).toContainText("D must be > 0");
    await page.getByRole("spinbutton", { name: "Diffusion coefficient D (µm²/s)" }).fill("0.1");
    await expect(page.getByTestId("lab-error")).toHaveCount(0);

    // The heat map plays, pauses and resets.
    const time = page.getByTestId("heat-time");
    await expect(time).toContainText("t = 0 s");
    await page.getByRole("button", { name: "Play" }).click();
    await expect(time).not.toContainText("t = 0 s of");
    await page.getByRole("button", { name: "Pause" }).click();
    const paused = await time.textContent();
    await page.waitForTimeout(300);
    await expect(time).toHaveText(paused ?? "");
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(time).toContainText("t = 0 s");
    await expect(page.getByRole("img", { name: /Heat map of free ligand/ })).toBeVisible();

    // A slow-removal pulse (k = 1e-6 /s, one 1 s pulse) used to hang the worker behind the old plot:
    // it now finishes, the progress bar goes away and the peak table appears.
    await kBox.fill("1e-6");
    await page.getByLabel("One pulse").check();
    await page.getByRole("spinbutton", { name: "Pulse duration (s)" }).fill("1");
    await expect(page.getByRole("table", { name: "Peak of the pulsed signal" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Simulation progress" })).toHaveCount(0);
    await expect(page.getByTestId("lab-over-budget")).toHaveCount(0);
  });

  test("the lab fits a narrow phone screen @mobile", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/lab");
    await expect(page.getByTestId("decay-length")).toHaveText("19.9 µm");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("predict–observe–explain in a lesson", () => {
  test("an enrolled learner predicts, runs the simulation and the prediction is recorded", async ({ page, learner, signIn }) => {
    const course = await testDb().course.findUniqueOrThrow({ where: { slug: "paracrine-signalling" }, select: { id: true } });
    await testDb().enrollment.create({ data: { userId: learner.id, courseId: course.id } });
    await signIn(learner);
    await page.goto("/courses/paracrine-signalling/lessons/gradients-and-decay-length");
    const poe = page.getByTestId("poe-m03-poe-double-removal");
    await expect(poe).toBeVisible();
    // The answer is not in the page before predicting.
    expect(await page.content()).not.toContain("Doubling k divides λ by √2");
    await poe.getByRole("button", { name: "Run the simulation" }).click();
    await expect(poe.getByRole("alert")).toHaveText("Choose a prediction first.");
    await poe.getByLabel("It falls by a factor √2, to about 14 µm").check();
    await poe.getByRole("button", { name: "Run the simulation" }).click();
    await expect(poe.getByTestId("poe-verdict")).toHaveText("✓ Your prediction was right.");
    await expect(poe.getByTestId("poe-before")).toHaveText("19.9 µm");
    await expect(poe.getByTestId("poe-after")).toHaveText("14.1 µm (−29%)");
    await expect(poe).toContainText("Doubling k divides λ by √2");
    await expectNoAxeViolations(page);
    const lesson = await testDb().lesson.findFirstOrThrow({ where: { courseId: course.id, slug: "gradients-and-decay-length" }, select: { id: true } });
    const rows = await testDb().statement.findMany({ where: { userId: learner.id, verb: "predicted" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ objectType: "Activity", objectId: `${lesson.id}/m03-poe-double-removal`, resultSuccess: true });
  });
});
