// The learner's own statements as xAPI 1.0.3 JSON ("your data" download). The builder is pure (unit
// tested); the reader loads the database lazily so that importing the builder has no side effects.
export interface StatementRow {
  id: string;
  verb: string;
  objectType: string;
  objectId: string;
  objectName: string;
  resultScore: number | null;
  resultSuccess: boolean | null;
  resultCompletion: boolean | null;
  resultDurationMs: number | null;
  context: string | null;
  timestamp: Date;
}

export interface XapiActor {
  name: string;
  email: string;
}

export interface XapiStatement {
  id: string;
  actor: { objectType: "Agent"; name: string; mbox: string };
  verb: { id: string; display: { "en-US": string } };
  object: { objectType: "Activity"; id: string; definition: { name: { "en-US": string }; type?: string } };
  result?: { score?: { scaled: number }; success?: boolean; completion?: boolean; duration?: string };
  context?: { extensions: Record<string, unknown> };
  timestamp: string;
}

const ACTIVITY_TYPES: Record<string, string> = {
  Course: "http://adlnet.gov/expapi/activities/course",
  Module: "http://adlnet.gov/expapi/activities/module",
  Lesson: "http://adlnet.gov/expapi/activities/lesson",
  Item: "http://adlnet.gov/expapi/activities/cmi.interaction",
  Quiz: "http://adlnet.gov/expapi/activities/assessment",
  Check: "http://adlnet.gov/expapi/activities/assessment",
  // Predict–observe–explain activities in the gradient simulator.
  Activity: "http://adlnet.gov/expapi/activities/simulation",
};

/** Milliseconds as an ISO 8601 duration, e.g. 83_450 → "PT1M23.45S" (xAPI keeps 0.01 s precision). */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = (cs % 6_000) / 100;
  let out = "PT";
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s || (!h && !m)) out += `${Number.isInteger(s) ? s : s.toFixed(2).replace(/0$/, "")}S`;
  return out;
}

const clampScaled = (x: number) => Math.max(-1, Math.min(1, x));

export function toXapiStatement(row: StatementRow, actor: XapiActor, site: string): XapiStatement {
  const base = site.replace(/\/+$/, "");
  const type = row.objectType.toLowerCase();
  const result: NonNullable<XapiStatement["result"]> = {};
  if (row.resultScore !== null) result.score = { scaled: clampScaled(row.resultScore) };
  if (row.resultSuccess !== null) result.success = row.resultSuccess;
  if (row.resultCompletion !== null) result.completion = row.resultCompletion;
  if (row.resultDurationMs !== null) result.duration = isoDuration(row.resultDurationMs);
  let extensions: Record<string, unknown> | null = null;
  if (row.context) {
    try {
      const parsed = JSON.parse(row.context);
      if (parsed && typeof parsed === "object") extensions = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [`${base}/xapi/extensions/${encodeURIComponent(k)}`, v]));
    } catch {
      extensions = null;
    }
  }
  return {
    id: row.id,
    actor: { objectType: "Agent", name: actor.name, mbox: `mailto:${actor.email}` },
    verb: { id: `http://adlnet.gov/expapi/verbs/${encodeURIComponent(row.verb)}`, display: { "en-US": row.verb } },
    object: {
      objectType: "Activity",
      id: `${base}/xapi/${encodeURIComponent(type)}/${encodeURIComponent(row.objectId)}`,
      definition: { name: { "en-US": row.objectName }, ...(ACTIVITY_TYPES[row.objectType] ? { type: ACTIVITY_TYPES[row.objectType] } : {}) },
    },
    ...(Object.keys(result).length ? { result } : {}),
    ...(extensions ? { context: { extensions } } : {}),
    timestamp: row.timestamp.toISOString(),
  };
}

/** Every statement of one user, oldest first, as xAPI. Only ever called with the signed-in user's id. */
export async function exportStatements(userId: string, site: string): Promise<XapiStatement[] | null> {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
  if (!user) return null;
  const rows = await db.statement.findMany({
    where: { userId },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
    select: { id: true, verb: true, objectType: true, objectId: true, objectName: true, resultScore: true, resultSuccess: true, resultCompletion: true, resultDurationMs: true, context: true, timestamp: true },
  });
  return rows.map((r) => toXapiStatement(r, user, site));
}
