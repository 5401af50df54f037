// Frame rate of the gradient lab's 2-D heat map: starts `next start` (the build must exist), opens
// /lab in headless Chromium, plays the time evolution for ~5 s and prints frames per second
// (requestAnimationFrame callbacks), heat-map frames drawn, long tasks (> 50 ms) and the worker's
// compute time per 2-D step. Prints figures; asserts nothing.
//   npm run build && npx tsx bench/lab-fps.ts [--seconds 5] [--port 3310]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { migrate } from "../prisma/migrate";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" }, port: { type: "string", default: "3310" } } });
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run npm run build first.");
  process.exit(2);
}
const seconds = Number(values.seconds);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const tmp = mkdtempSync(path.join(os.tmpdir(), "paracrine-labfps-"));
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${path.join(tmp, "bench.db")}`,
  DATA_DIR: tmp,
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  NEXTAUTH_URL: base,
};
let server: ReturnType<typeof spawn> | undefined;
const stop = () => {
  server?.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
};
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/lab`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

// Plain strings: tsx (esbuild) would wrap named arrow functions in a __name() helper the page lacks.
const START = `(() => {
  const w = window;
  const keep = w.__lab && w.__lab.observer;
  w.__lab = { frames: 0, longTasks: [], run: true, observer: keep };
  function tick() { if (!w.__lab.run) return; w.__lab.frames++; requestAnimationFrame(tick); }
  requestAnimationFrame(tick);
  if (!keep) {
    w.__lab.observer = new PerformanceObserver(function (list) { for (const e of list.getEntries()) w.__lab.longTasks.push(e.duration); });
    w.__lab.observer.observe({ type: "longtask", buffered: false });
  }
})()`;
const STOP = `(() => { window.__lab.run = false; return { frames: window.__lab.frames, longTasks: window.__lab.longTasks }; })()`;
type Stats = { frames: number; longTasks: number[] };

async function main() {
  await migrate(env.DATABASE_URL);
  server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? systemChromium,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/lab`);
  await page.getByTestId("decay-length").filter({ hasText: "µm" }).waitFor();
  await page.getByTestId("heat-map").scrollIntoViewIfNeeded();

  await page.evaluate(START);

  const stepMs: number[] = [];
  const heatTimes = new Set<string>();
  const t0 = Date.now();
  await page.getByRole("button", { name: "Play" }).click();
  while (Date.now() - t0 < seconds * 1000) {
    // A play-through lasts ~300 frames; start again if it finished.
    const play = page.getByRole("button", { name: "Play" });
    if (await play.isVisible()) await play.click();
    const ms = Number(await page.getByTestId("ms-per-step").getAttribute("data-ms"));
    if (ms > 0) stepMs.push(ms);
    heatTimes.add((await page.getByTestId("heat-time").textContent()) ?? "");
    await page.waitForTimeout(100);
  }
  const elapsed = (Date.now() - t0) / 1000;
  const stats = (await page.evaluate(STOP)) as Stats;
  await page.getByRole("button", { name: "Pause" }).click().catch(() => undefined);

  // The same with a slider being dragged by keyboard while the animation plays (simulate requests).
  await page.evaluate(START);
  await page.getByRole("button", { name: "Play" }).click();
  const slider = page.getByRole("slider", { name: "Removal rate k (1/s)" });
  await slider.focus();
  const t1 = Date.now();
  while (Date.now() - t1 < 3000) {
    await page.keyboard.press(Math.floor((Date.now() - t1) / 500) % 2 ? "ArrowLeft" : "ArrowRight");
    await page.waitForTimeout(30);
  }
  const elapsed2 = (Date.now() - t1) / 1000;
  const stats2 = (await page.evaluate(STOP)) as Stats;
  await browser.close();

  const sorted = [...stepMs].sort((a, b) => a - b);
  const pct = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const lt = (xs: number[]) => `${xs.length} (longest ${xs.length ? Math.max(...xs).toFixed(0) : 0} ms, total ${xs.reduce((a, b) => a + b, 0).toFixed(0)} ms)`;
  console.log(`\n/lab heat map (80 × 80 sheet, Dpp preset), headless Chromium, ${os.cpus().length} CPUs`);
  console.log(`playing for ${elapsed.toFixed(1)} s:`);
  console.log(`  frames per second (requestAnimationFrame): ${(stats.frames / elapsed).toFixed(1)}`);
  console.log(`  long tasks (> 50 ms):                      ${lt(stats.longTasks)}`);
  console.log(`  distinct heat-map times seen (100 ms polls): ${heatTimes.size}`);
  console.log(`  worker compute per 2-D step:               mean ${mean.toFixed(3)} ms, p50 ${pct(0.5).toFixed(3)} ms, p95 ${pct(0.95).toFixed(3)} ms (${sorted.length} samples)`);
  console.log(`playing while a slider is moved by keyboard every 30 ms for ${elapsed2.toFixed(1)} s:`);
  console.log(`  frames per second (requestAnimationFrame): ${(stats2.frames / elapsed2).toFixed(1)}`);
  console.log(`  long tasks (> 50 ms):                      ${lt(stats2.longTasks)}`);
  stop();
  process.exit(0);
}

main().catch((e: Error) => {
  console.error(`bench failed: ${e.message}`);
  stop();
  process.exit(1);
});
