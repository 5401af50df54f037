// Stryker's build step (stryker.config.mjs `buildCommand`), run inside each fresh sandbox with the
// project root as its argument. Links what Stryker does not copy: the generated Prisma clients (a
// symlink in a git worktree, which Stryker cannot copy) and, when Stryker did not link it because
// the project's own node_modules is a symlink, node_modules (tests call node_modules/.bin/tsx).
import { existsSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";

const root = process.argv[2];
if (!root) throw new Error("usage: node scripts/mutation-sandbox.mjs <project root>");
for (const dir of ["prisma/generated", "node_modules"]) {
  const from = path.join(root, dir);
  if (existsSync(from) && !existsSync(dir)) symlinkSync(realpathSync(from), dir, "dir");
}
