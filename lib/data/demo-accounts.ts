import "server-only";
// The seed writes the demo accounts it created to the data folder; the sign-in page shows them in
// development only. The passwords themselves live only in prisma/seed.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

export function demoAccountsFile(): string {
  return path.resolve(readEnv().DATA_DIR, "demo-accounts.json");
}

export function readDemoAccounts(): DemoAccount[] {
  try {
    const list = JSON.parse(readFileSync(demoAccountsFile(), "utf8")) as DemoAccount[];
    return Array.isArray(list) ? list.filter((d) => typeof d.email === "string" && typeof d.password === "string") : [];
  } catch {
    return [];
  }
}
