import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = { "@": path.resolve(root), "server-only": path.resolve(root, "lib/test/server-only-stub.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts,prisma,content,server}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // Limits that catch hangs, not slowness: the suite must pass on a busy machine.
          testTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,app,scripts,prisma}/**/*.int.test.ts"],
          environment: "node",
          setupFiles: ["lib/test/db-setup.ts"],
          pool: "forks",
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
