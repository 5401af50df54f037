import "server-only";
// Learning events as xAPI-style statements (actor, verb, object, result, timestamp).
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/sqlite/client";

export interface StatementInput {
  userId: string;
  courseId?: string | null;
  verb: string;
  objectType: string;
  objectId: string;
  objectName?: string;
  result?: { score?: number | null; success?: boolean | null; completion?: boolean | null; durationMs?: number | null };
  context?: Record<string, unknown>;
  timestamp?: Date;
}

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export function statementData(s: StatementInput): Prisma.StatementUncheckedCreateInput {
  const timestamp = s.timestamp ?? new Date();
  return {
    userId: s.userId,
    courseId: s.courseId ?? null,
    verb: s.verb,
    objectType: s.objectType,
    objectId: s.objectId,
    objectName: s.objectName ?? "",
    resultScore: s.result?.score ?? null,
    resultSuccess: s.result?.success ?? null,
    resultCompletion: s.result?.completion ?? null,
    resultDurationMs: s.result?.durationMs ?? null,
    context: s.context ? JSON.stringify(s.context) : null,
    timestamp,
    day: utcDay(timestamp),
  };
}

export async function recordStatement(s: StatementInput, tx: Pick<typeof db, "statement"> = db): Promise<void> {
  await tx.statement.create({ data: statementData(s) });
}
