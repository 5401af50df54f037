// Whether the production build (.next) is older than any source it is built from. Shared by
// `npm start` and the end-to-end runner so both rebuild for the same reasons.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "prisma", "public", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "next.config.js", "postcss.config.mjs", "package.json"];

function newestMtime(p: string): number {
  if (!statSync(p).isDirectory()) return statSync(p).mtimeMs;
  let newest = 0;
  for (const e of readdirSync(p, { withFileTypes: true })) {
    // Generated Prisma clients change at every install without changing what Next builds from them.
    if (e.name === "node_modules" || e.name.startsWith(".") || e.name === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(p, e.name)));
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = Math.max(...SOURCES.map((s) => path.join(root, s)).filter((p) => existsSync(p)).map(newestMtime));
  return statSync(buildId).mtimeMs < sources;
}
