// .env.example must name every setting the app reads, so that it stays the complete list: every
// `process.env.X` in app/, lib/, server/, prisma/client.ts and scripts/start.ts, and every key that
// lib/env.ts's schema reads.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";

const root = path.resolve(__dirname, "..");
const SOURCES = ["app", "lib", "server", "prisma/client.ts", "scripts/start.ts"];

function files(p: string): string[] {
  const abs = path.join(root, p);
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs).flatMap((name) => files(path.join(p, name)));
}

/** Set by Next.js itself, not by whoever runs the app. */
const SET_BY_FRAMEWORK = new Set(["NEXT_RUNTIME"]);

function variablesReadInCode(): Set<string> {
  const names = new Set<string>();
  for (const f of SOURCES.flatMap(files).filter((f) => /\.(ts|tsx|mjs|js)$/.test(f))) {
    const text = readFileSync(f, "utf8");
    for (const m of text.matchAll(/process\.env\.([A-Za-z_][A-Za-z0-9_]*)|process\.env\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\]/g)) if (!SET_BY_FRAMEWORK.has(m[1] ?? m[2])) names.add(m[1] ?? m[2]);
  }
  return names;
}

/** The keys readEnv looks up, observed by handing it a source that records every read. */
function variablesReadByEnvSchema(): Set<string> {
  const seen = new Set<string>();
  const source = new Proxy({} as Record<string, string | undefined>, {
    get(_t, key) {
      if (typeof key === "string") seen.add(key);
      return undefined;
    },
  });
  readEnv(source);
  return seen;
}

function variablesInExample(): Set<string> {
  const text = readFileSync(path.join(root, ".env.example"), "utf8");
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
}

describe(".env.example", () => {
  it("names every variable the code reads", () => {
    const code = variablesReadInCode();
    // The scan must find what we know is there, or it proves nothing.
    expect(code).toContain("DATABASE_URL");
    expect(code).toContain("SIGNIN_GLOBAL_FAILURES");
    const missing = [...code].filter((v) => !variablesInExample().has(v));
    expect(missing).toEqual([]);
  });

  it("names every variable lib/env.ts reads", () => {
    const schema = variablesReadByEnvSchema();
    expect(schema).toContain("PARACRINE_DEMO");
    expect(schema).toContain("GOOGLE_CLIENT_SECRET");
    const missing = [...schema].filter((v) => /^[A-Z][A-Z0-9_]*$/.test(v) && !variablesInExample().has(v));
    expect(missing).toEqual([]);
  });
});
