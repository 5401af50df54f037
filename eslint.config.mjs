import next from "eslint-config-next";

const config = [
  { ignores: ["**/*.d.mts", "node_modules/**", ".next/**", "prisma/generated/**", "bench/out/**", "test-results/**", "playwright-report/**"] },
  ...next,
  {
    // Layering (docs/architecture in README): UI primitives know nothing of the domain or data, and
    // client-facing components never import the database or data functions.
    rules: {
      "no-restricted-imports": "off",
    },
  },
  {
    // Playwright fixtures receive a function named `use`; it is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/db", "@/lib/data/*", "@/prisma/*"], message: "Components call server actions; only lib/data, lib/actions, lib/auth and prisma touch the database." }] }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ must not import app/ or components/." }] }],
    },
  },
  {
    files: ["lib/items/**", "lib/content/format.ts", "lib/content/bundle.ts", "lib/content/check.ts", "lib/sim/**", "lib/gift/parse.ts", "lib/gift/export.ts", "lib/interop/**", "lib/assets/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["next", "next/*", "react", "@/lib/db", "@/prisma/*", "@prisma/*"], message: "Pure domain modules import nothing with side effects." }] }],
    },
  },
];

export default config;
