// Mutation testing (StrykerJS + the Vitest runner): `npm run mutation`. Slow, so not part of `npm test`.
//
// One folder or file: `MUTATE=lib/items npm run mutation` (comma-separated folders or files; test
// files are left out for you), or Stryker's own flag with explicit globs:
// `npm run mutation -- --mutate "lib/items/**/*.ts,!lib/items/**/*.test.ts"`.
//
// Tests: both Vitest projects by default, `unit` and `integration`; the integration setup file
// (lib/test/db-setup.ts) gives every test file its own fresh SQLite database under the OS temp folder,
// so it works unchanged inside Stryker's sandbox. `MUTATION_TESTS=unit` leaves the integration tests
// out of the sandbox: enough for the pure folders (items, review, gift parser, markdown, sim), and much
// faster, since a static mutant (module-level code, e.g. a zod schema) re-runs every related test.
// `vitest.related` limits the dry run to test files that import the mutated code, and perTest
// coverage then runs only the tests that reach each mutant.
// Do not pass --testFiles: with it, Stryker 10 activates static mutants too late and reports them as
// survived (stryker-js issues #6144, #6209). Scores per file and folder: `npx tsx bench/mutation-report.ts`.
// Results: reports/mutation/index.html (and mutation.json); reports/ is gitignored.
const FOLDERS = ["lib/auth", "lib/items", "lib/review", "lib/gift", "lib/markdown", "lib/actions", "lib/sim"];

const NOT_MUTATED = ["**/*.test.ts", "**/*.int.test.ts", "**/fixtures/**"];

function globsFor(targets) {
  const include = targets.map((t) => (/\.[cm]?tsx?$/.test(t) ? t : `${t.replace(/\/+$/, "")}/**/*.{ts,tsx}`));
  return [...include, ...NOT_MUTATED.map((g) => `!${g}`)];
}

const unitOnly = process.env.MUTATION_TESTS === "unit";

const targets = process.env.MUTATE ? process.env.MUTATE.split(",").map((s) => s.trim()).filter(Boolean) : FOLDERS;

// The build step links the generated Prisma clients (and node_modules where Stryker could not) into
// each sandbox: see scripts/mutation-sandbox.mjs. Stryker splits the command on spaces, no shell.
const linkIntoSandbox = `node scripts/mutation-sandbox.mjs ${process.cwd()}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  // forks, not Stryker's default threads: native modules (better-sqlite3, argon2) under the
  // integration tests crashed a threads worker with SIGSEGV; vitest.config.ts uses forks for them too.
  vitest: { configFile: "vitest.config.ts", related: true, pool: "forks" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: globsFor(targets),
  coverageAnalysis: "perTest",
  // Static mutants (module-level code such as zod schemas) re-run every related test and take most of
  // a run's time; `MUTATION_STATIC=ignore` skips them (reported as ignored, left out of the score).
  ignoreStatic: process.env.MUTATION_STATIC === "ignore",
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
  buildCommand: linkIntoSandbox,
  // Component tests (jsdom, timing-sensitive on a loaded machine: the quiz player's failed the
  // initial run) stay out of the sandbox; lib, app and scripts tests do the killing.
  // Anchored with "/": gitignore rules, so a bare "data" would also drop lib/data.
  ignorePatterns: ["/reports", "/prisma/generated", "/components/**/*.test.tsx", "/.next", "/test-results", "/playwright-report", "/bench/out", "/data", "/coverage", "/e2e", ...(unitOnly ? ["*.int.test.ts"] : [])],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};

export default config;
