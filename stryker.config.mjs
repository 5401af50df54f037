// Mutation testing (StrykerJS + the Vitest runner): `npm run mutation`. Slow, so not part of `npm test`.
//
// One folder or file: `MUTATE=lib/items npm run mutation` (comma-separated folders or files; test
// files are left out for you), or Stryker's own flag with explicit globs:
// `npm run mutation -- --mutate "lib/items/**/*.ts,!lib/items/**/*.test.ts"`.
//
// Both Vitest projects run: `unit`, and `integration`, whose setup file (lib/test/db-setup.ts) gives
// every test file its own fresh SQLite database, so it works unchanged inside Stryker's sandbox.
// `vitest.related` limits the dry run to test files that import the mutated code, and perTest
// coverage then runs only the tests that reach each mutant.
// Results: reports/mutation/index.html (and mutation.json); reports/ is gitignored.
import { realpathSync } from "node:fs";
import path from "node:path";

const FOLDERS = ["lib/auth", "lib/items", "lib/review", "lib/gift", "lib/markdown", "lib/actions", "lib/sim"];

const NOT_MUTATED = ["**/*.test.ts", "**/*.test.tsx", "**/*.int.test.ts", "**/fixtures/**"];

function globsFor(targets) {
  const include = targets.map((t) => (/\.[cm]?tsx?$/.test(t) ? t : `${t.replace(/\/+$/, "")}/**/*.{ts,tsx}`));
  return [...include, ...NOT_MUTATED.map((g) => `!${g}`)];
}

const targets = process.env.MUTATE ? process.env.MUTATE.split(",").map((s) => s.trim()).filter(Boolean) : FOLDERS;

// The generated Prisma clients are not copied into the sandbox (in a git worktree prisma/generated is
// a symlink, which Stryker cannot copy): the build step links the sandbox to the real folder instead.
const generated = realpathSync(path.resolve("prisma/generated"));
// Stryker splits the command on spaces without a shell, so keep it to plain words.
const linkGenerated = `ln -s ${generated} prisma/generated`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: globsFor(targets),
  coverageAnalysis: "perTest",
  // The machine's two cores are shared: one worker unless told otherwise (`-- --concurrency 2`).
  concurrency: 1,
  // Integration tests migrate a fresh SQLite file per test file: allow for that on a busy machine.
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // Incremental: re-test only mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  tempDirName: "reports/stryker-tmp",
  cleanTempDir: "always",
  buildCommand: linkGenerated,
  ignorePatterns: ["reports", "prisma/generated", ".next", "test-results", "playwright-report", "bench/out", "data", "coverage", "e2e"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};
