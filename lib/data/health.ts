import "server-only";
import { currentDatabaseKind, db } from "@/lib/db";
import type { DatabaseKind } from "@/lib/env";

export async function checkDatabase(): Promise<{ ok: true; kind: DatabaseKind } | { ok: false }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true, kind: currentDatabaseKind() };
  } catch (e) {
    console.error("[health] database check failed:", (e as Error).message);
    return { ok: false };
  }
}
