// The learner's own statements as xAPI 1.0.3 JSON ("your data" download), shaped so that an LRS
// accepts them: UUID ids, an account-identified actor (never an email), registered verb IRIs and
// IRI-keyed extensions. The builder is pure (unit tested); the reader loads the database lazily so
// that importing the builder (or the verb table, from app/xapi) has no side effects.
// The mapping is documented in docs/xapi.md.
import { createHash } from "node:crypto";

export interface StatementRow {
  id: string;
  courseId: string | null;
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

/** The learner as the statement's actor: identified by their account on this site, never by email. */
export interface XapiActor {
  id: string;
  name: string;
}

/** What the reader knows about the activities around a statement; every part is optional. */
export interface XapiRefs {
  courses?: ReadonlyMap<string, { slug: string; title: string }>;
  modules?: ReadonlyMap<string, { title: string }>;
  lessons?: ReadonlyMap<string, { moduleId: string; title: string }>;
  items?: ReadonlyMap<string, { moduleId: string | null; lessonId: string | null; type?: string }>;
  attempts?: ReadonlyMap<string, { score: number | null; maxScore: number }>;
}

type LanguageMap = { "en-US": string };

export interface XapiActivity {
  objectType: "Activity";
  id: string;
  definition?: { name?: LanguageMap; type?: string; interactionType?: string };
}

export interface XapiStatement {
  id: string;
  actor: { objectType: "Agent"; name: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result?: { score?: { scaled: number; raw?: number; min?: number; max?: number }; success?: boolean; completion?: boolean; duration?: string };
  context: {
    registration?: string;
    contextActivities?: { parent?: XapiActivity[]; grouping?: XapiActivity[] };
    platform: "Paracrine";
    language: "en-US";
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

// ---------------------------------------------------------------- UUID v5 (RFC 4122 §4.3)

/** Paracrine's fixed namespace: changing it would change every exported statement id. */
export const PARACRINE_NAMESPACE = "a13ca13e-85b2-45f7-ba6c-fe5b5f3610a6";

/** Name-based UUID (version 5, SHA-1): the same name in the same namespace always gives the same UUID. */
export function uuidV5(name: string, namespace: string = PARACRINE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (ns.length !== 16 || !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(namespace)) {
    throw new TypeError(`Not a UUID: ${namespace}`);
  }
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = bytes.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Prefixed names keep statement ids and registrations apart even if a cuid ever equalled a pair.
export const statementUuid = (storedId: string) => uuidV5(`statement:${storedId}`);
export const registrationUuid = (userId: string, courseId: string) => uuidV5(`enrolment:${userId}:${courseId}`);

// ---------------------------------------------------------------- verbs

export interface VerbDefinition {
  /** Short name stored in Statement.verb. */
  name: string;
  /** "adl": ADL's registered IRI; "paracrine": our own IRI under <site>/xapi/verbs/, published by app/xapi. */
  scheme: "adl" | "paracrine";
  display: string;
  definition: string;
}

const ADL_VERBS = "http://adlnet.gov/expapi/verbs/";

export const VERBS: readonly VerbDefinition[] = [
  { name: "answered", scheme: "adl", display: "answered", definition: "Indicates the actor responded to a Question." },
  { name: "attempted", scheme: "adl", display: "attempted", definition: "Indicates the actor made an attempt on an activity." },
  { name: "completed", scheme: "adl", display: "completed", definition: "Indicates the actor finished or concluded the activity normally." },
  { name: "experienced", scheme: "adl", display: "experienced", definition: "Indicates the actor only encountered the object, where a specific achievement or completion is not required." },
  { name: "failed", scheme: "adl", display: "failed", definition: "Indicates the actor did not pass an activity to a degree of satisfaction." },
  { name: "passed", scheme: "adl", display: "passed", definition: "Indicates the actor passed an activity to a degree of satisfaction." },
  { name: "registered", scheme: "adl", display: "registered", definition: "Indicates the actor is officially enrolled or inducted in an activity." },
  {
    name: "predicted",
    scheme: "paracrine",
    display: "predicted",
    definition:
      "Indicates the actor committed to a prediction of what a simulation will show before observing it (predict-observe-explain). " +
      "The object is the prediction activity; result.success tells whether the prediction matched the observation.",
  },
  {
    name: "reviewed",
    scheme: "paracrine",
    display: "reviewed",
    definition:
      "Indicates the actor recalled a question during spaced-repetition review and rated how well they remembered it. " +
      "The object is the question; result.success is false when the actor rated the recall 'again'.",
  },
  {
    name: "joined",
    scheme: "paracrine",
    display: "joined",
    definition: "Indicates the actor joined a cohort: a group of learners who take a course together and share its deadlines.",
  },
];

const VERB_BY_NAME = new Map(VERBS.map((v) => [v.name, v]));

const baseOf = (site: string) => site.replace(/\/+$/, "");

/** The site every IRI is minted under: the configured public URL, else the request's origin. Both the
 * export and the verb definitions use it, so a verb's IRI is where its definition is served. */
export function xapiSite(requestUrl: string, configured: string | undefined = process.env.NEXTAUTH_URL): string {
  return baseOf(configured || new URL(requestUrl).origin);
}

export function verbIri(name: string, site: string): string {
  const v = VERB_BY_NAME.get(name);
  return v?.scheme === "adl" ? ADL_VERBS + name : `${baseOf(site)}/xapi/verbs/${encodeURIComponent(name)}`;
}

/** A Paracrine verb's published definition (app/xapi/verbs/[verb]); null for ADL's verbs and unknown names. */
export function paracrineVerbDocument(name: string, site: string): { "@id": string; prefLabel: LanguageMap; definition: LanguageMap } | null {
  const v = VERB_BY_NAME.get(name);
  if (!v || v.scheme !== "paracrine") return null;
  return { "@id": verbIri(name, site), prefLabel: { "en-US": v.display }, definition: { "en-US": v.definition } };
}

// ---------------------------------------------------------------- activities

const ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/";
const ACTIVITY_TYPES: Record<string, string> = {
  Course: `${ADL_ACTIVITIES}course`,
  Module: `${ADL_ACTIVITIES}module`,
  Lesson: `${ADL_ACTIVITIES}lesson`,
  Item: `${ADL_ACTIVITIES}cmi.interaction`,
  Quiz: `${ADL_ACTIVITIES}assessment`,
  Check: `${ADL_ACTIVITIES}assessment`,
  // Predict–observe–explain activities in the gradient simulator.
  Activity: `${ADL_ACTIVITIES}simulation`,
};

// Paracrine item types (lib/items/schema.ts) → xAPI interaction types, for cmi.interaction objects.
const INTERACTION_TYPES: Record<string, string> = {
  single: "choice",
  multiple: "choice",
  truefalse: "true-false",
  numeric: "numeric",
  matching: "matching",
  ordering: "sequencing",
  short: "fill-in",
};

const seg = encodeURIComponent;

function activity(id: string, name: string | undefined, type: string | undefined): XapiActivity {
  const definition: NonNullable<XapiActivity["definition"]> = {};
  if (name) definition.name = { "en-US": name };
  if (type) definition.type = type;
  return { objectType: "Activity", id, ...(Object.keys(definition).length ? { definition } : {}) };
}

/** Statement.objectType and objectId → the activity IRI, its parent and its course (see docs/xapi.md). */
function locate(row: StatementRow, refs: XapiRefs, base: string) {
  const course = row.courseId ? refs.courses?.get(row.courseId) : undefined;
  // A course that no longer exists keeps its id in the path: unique, if no longer resolvable.
  const courseIri = row.courseId ? `${base}/courses/${seg(course?.slug ?? row.courseId)}` : null;
  const courseAct = courseIri ? activity(courseIri, course?.title, ACTIVITY_TYPES.Course) : null;
  const moduleAct = (id: string | null | undefined) =>
    id && courseIri ? activity(`${courseIri}/modules/${seg(id)}`, refs.modules?.get(id)?.title, ACTIVITY_TYPES.Module) : null;
  const lessonAct = (id: string | null | undefined) =>
    id && courseIri ? activity(`${courseIri}/lessons/${seg(id)}`, refs.lessons?.get(id)?.title, ACTIVITY_TYPES.Lesson) : null;
  const id = row.objectId;
  let iri: string;
  let parent: XapiActivity | null = null;
  let fallbackName: string | undefined;
  let interactionType: string | undefined;
  switch (courseIri ? row.objectType : "") {
    case "Course":
      iri = `${base}/courses/${seg(course?.slug ?? id)}`;
      fallbackName = course?.title;
      break;
    case "Module":
      iri = `${courseIri}/modules/${seg(id)}`;
      parent = courseAct;
      fallbackName = refs.modules?.get(id)?.title;
      break;
    case "Lesson":
      iri = `${courseIri}/lessons/${seg(id)}`;
      parent = moduleAct(refs.lessons?.get(id)?.moduleId) ?? courseAct;
      fallbackName = refs.lessons?.get(id)?.title;
      break;
    case "Item": {
      iri = `${courseIri}/items/${seg(id)}`;
      const item = refs.items?.get(id);
      parent = lessonAct(item?.lessonId) ?? moduleAct(item?.moduleId) ?? courseAct;
      interactionType = item?.type ? INTERACTION_TYPES[item.type] : undefined;
      break;
    }
    case "Quiz":
      // Stored with the module id; an attempt without a module is stored with the attempt id.
      if (refs.modules && !refs.modules.has(id) && refs.attempts?.has(id)) {
        iri = `${courseIri}/attempts/${seg(id)}`;
        parent = courseAct;
      } else {
        iri = `${courseIri}/modules/${seg(id)}/quiz`;
        parent = moduleAct(id) ?? courseAct;
      }
      break;
    case "Check":
      if (refs.lessons && !refs.lessons.has(id) && refs.attempts?.has(id)) {
        iri = `${courseIri}/attempts/${seg(id)}`;
        parent = courseAct;
      } else {
        iri = `${courseIri}/lessons/${seg(id)}/check`;
        parent = lessonAct(id) ?? courseAct;
      }
      break;
    case "Activity": {
      // Stored as "<lesson id>/<activity key>".
      const slash = id.indexOf("/");
      const lessonId = slash > 0 ? id.slice(0, slash) : null;
      iri = lessonId ? `${courseIri}/lessons/${seg(lessonId)}/activities/${seg(id.slice(slash + 1))}` : `${courseIri}/activities/${seg(id)}`;
      parent = lessonAct(lessonId) ?? courseAct;
      break;
    }
    case "Group":
      iri = `${courseIri}/cohorts/${seg(id)}`;
      parent = courseAct;
      break;
    default:
      if (row.objectType === "Agent") {
        // Signing up: the learner registered with Paracrine itself.
        iri = `${base}/`;
        fallbackName = "Paracrine";
      } else {
        iri = courseIri ? `${courseIri}/${seg(row.objectType.toLowerCase())}/${seg(id)}` : `${base}/xapi/activities/${seg(row.objectType.toLowerCase())}/${seg(id)}`;
        parent = courseAct;
      }
  }
  // A sign-up statement stores the learner's name; its object is the site, so it is named after it.
  const name = row.objectType === "Agent" ? fallbackName : row.objectName || fallbackName || row.objectType;
  const object = activity(iri, name, ACTIVITY_TYPES[row.objectType]);
  if (interactionType && object.definition) object.definition.interactionType = interactionType;
  // The course is the grouping only when it is not already the object or the direct parent.
  const grouping = courseAct && parent && parent.id !== courseAct.id && object.id !== courseAct.id ? courseAct : null;
  return { object, parent, grouping };
}

// ---------------------------------------------------------------- result

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
const round = (x: number, places = 6) => Math.round(x * 10 ** places) / 10 ** places;

/** raw/min/max where the stored row or the attempt tells the scale; scaled alone otherwise. */
function score(row: StatementRow, ctx: Record<string, unknown> | null, refs: XapiRefs): NonNullable<XapiStatement["result"]>["score"] {
  if (row.resultScore === null || !Number.isFinite(row.resultScore)) return undefined;
  const scaled = round(clampScaled(row.resultScore));
  // Each item and each prediction is worth 1 point; a module's score is its best quiz percentage.
  if (row.objectType === "Item" || row.objectType === "Activity") return { scaled, raw: round(Math.max(0, Math.min(1, row.resultScore))), min: 0, max: 1 };
  if (row.objectType === "Module") return { scaled, raw: round(Math.max(0, Math.min(100, row.resultScore * 100)), 1), min: 0, max: 100 };
  const attempt = typeof ctx?.attemptId === "string" ? refs.attempts?.get(ctx.attemptId) : undefined;
  if (attempt && attempt.score !== null && attempt.maxScore > 0 && attempt.score >= 0 && attempt.score <= attempt.maxScore) {
    return { scaled, raw: attempt.score, min: 0, max: attempt.maxScore };
  }
  return { scaled };
}

function parseContext(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- statement

export function toXapiStatement(row: StatementRow, actor: XapiActor, site: string, refs: XapiRefs = {}): XapiStatement {
  const base = baseOf(site);
  const ctx = parseContext(row.context);
  const { object, parent, grouping } = locate(row, refs, base);

  const result: NonNullable<XapiStatement["result"]> = {};
  const sc = score(row, ctx, refs);
  if (sc) result.score = sc;
  if (row.resultSuccess !== null) result.success = row.resultSuccess;
  if (row.resultCompletion !== null) result.completion = row.resultCompletion;
  if (row.resultDurationMs !== null) result.duration = isoDuration(row.resultDurationMs);

  const context: XapiStatement["context"] = { platform: "Paracrine", language: "en-US" };
  if (row.courseId) context.registration = registrationUuid(actor.id, row.courseId);
  if (parent || grouping) context.contextActivities = { ...(parent ? { parent: [parent] } : {}), ...(grouping ? { grouping: [grouping] } : {}) };
  // xAPI requires IRI extension keys: each stored key gets one under the site.
  if (ctx && Object.keys(ctx).length) context.extensions = Object.fromEntries(Object.entries(ctx).map(([k, v]) => [`${base}/xapi/extensions/${seg(k)}`, v]));

  const verb = VERB_BY_NAME.get(row.verb);
  return {
    id: statementUuid(row.id),
    actor: { objectType: "Agent", name: actor.name, account: { homePage: `${base}/`, name: actor.id } },
    verb: { id: verbIri(row.verb, base), display: { "en-US": verb?.display ?? row.verb } },
    object,
    ...(Object.keys(result).length ? { result } : {}),
    context,
    timestamp: row.timestamp.toISOString(),
  };
}

/** Every statement of one user, oldest first, as xAPI. Only ever called with the signed-in user's id. */
export async function exportStatements(userId: string, site: string): Promise<XapiStatement[] | null> {
  const { db } = await import("@/lib/db");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!user) return null;
  const rows = await db.statement.findMany({
    where: { userId },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
    select: { id: true, courseId: true, verb: true, objectType: true, objectId: true, objectName: true, resultScore: true, resultSuccess: true, resultCompletion: true, resultDurationMs: true, context: true, timestamp: true },
  });
  // The activities around the statements, loaded per course (bounded by course size, not by history).
  const courseIds = [...new Set(rows.map((r) => r.courseId).filter((c): c is string => c !== null))];
  const inCourses = { courseId: { in: courseIds } };
  const [courses, modules, lessons, items, attempts] = await Promise.all([
    db.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, title: true } }),
    db.module.findMany({ where: inCourses, select: { id: true, title: true, publishedTitle: true } }),
    db.lesson.findMany({ where: inCourses, select: { id: true, moduleId: true, title: true, publishedTitle: true } }),
    db.item.findMany({ where: inCourses, select: { id: true, moduleId: true, lessonId: true, type: true } }),
    db.quizAttempt.findMany({ where: { userId }, select: { id: true, score: true, maxScore: true } }),
  ]);
  const refs: XapiRefs = {
    courses: new Map(courses.map((c) => [c.id, { slug: c.slug, title: c.title }])),
    modules: new Map(modules.map((m) => [m.id, { title: m.publishedTitle ?? m.title }])),
    lessons: new Map(lessons.map((l) => [l.id, { moduleId: l.moduleId, title: l.publishedTitle ?? l.title }])),
    items: new Map(items.map((i) => [i.id, { moduleId: i.moduleId, lessonId: i.lessonId, type: i.type }])),
    attempts: new Map(attempts.map((a) => [a.id, { score: a.score, maxScore: a.maxScore }])),
  };
  return rows.map((r) => toXapiStatement(r, user, site, refs));
}
