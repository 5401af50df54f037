import "server-only";
// Quiz attempts: lesson checks (CHECK) and module quizzes (QUIZ). Learners only ever see the
// PUBLISHED snapshot of an item (Item.published), and before answering only playerView(): no
// weights, no answers, no feedback. The option shuffle is derived from the attempt seed, so a reload
// or a second tab shows the same order.
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";
import { itemDataSchema, responseSchema, type ItemData, type ItemResponse, type ItemType } from "@/lib/items/schema";
import { correctAnswerText, gradeItem, itemSeed, playerView, type PlayerView } from "@/lib/items/grade";
import { renderRichText } from "@/lib/markdown/render";
import type { ItemFeedback, PlayerItem } from "@/lib/items/player";

export type { ItemFeedback, PlayerItem };
import type { StartAttemptInput } from "@/lib/validation/quiz";

export type AttemptKind = "CHECK" | "QUIZ";
type TextFormat = "markdown" | "html" | "plain";

export interface PublishedItem {
  type: ItemType;
  stem: string;
  stemFormat: TextFormat;
  explanation: string;
  data: ItemData;
}

/** Parses the Item.published JSON snapshot; null if missing or malformed (never served). */
export function parsePublished(json: string | null): PublishedItem | null {
  if (!json) return null;
  try {
    const raw = JSON.parse(json) as Record<string, unknown>;
    const data = itemDataSchema.safeParse(raw.data);
    if (!data.success) return null;
    const fmt = raw.stemFormat === "html" || raw.stemFormat === "plain" ? raw.stemFormat : "markdown";
    return { type: data.data.type, stem: String(raw.stem ?? ""), stemFormat: fmt, explanation: String(raw.explanation ?? ""), data: data.data };
  } catch {
    return null;
  }
}

/** A short plain-text name for statements (xAPI object definition). */
export function plainName(stem: string, max = 120): string {
  const t = stem.replace(/<[^>]*>/g, " ").replace(/[*_`#>$\[\]]/g, "").replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}


/**
 * Feedback for a stored or new response. The stored score is authoritative (the item may have been
 * republished since); feedback texts come from the snapshot the learner is shown now.
 */
export function feedbackFor(itemId: string, item: PublishedItem, response: ItemResponse, stored?: { score: number; correct: boolean }): ItemFeedback {
  let graded: ReturnType<typeof gradeItem> | null = null;
  try {
    graded = gradeItem(item.data, response);
  } catch {
    graded = null; // the item changed shape since: keep the stored score, skip the texts
  }
  return {
    itemId,
    score: stored?.score ?? graded?.score ?? 0,
    correct: stored?.correct ?? graded?.correct ?? false,
    feedback: (graded?.feedback ?? []).map((f) => renderRichText(f, "markdown")),
    explanation: item.explanation ? renderRichText(item.explanation, item.stemFormat === "html" ? "html" : "markdown") : "",
    correctAnswer: correctAnswerText(item.data),
    parts: graded?.parts ?? null,
    response,
  };
}

const publishedItemWhere = { archivedAt: null, published: { not: null } } as const;
const courseTeamSelect = { id: true, slug: true, title: true, status: true, passMark: true, instructors: { select: { userId: true, role: true } } } as const;

async function assertCourseAccess(actor: Actor, course: { id: string; status: string; instructors: { userId: string; role: string }[] }) {
  const team = canEditCourse(actor, course);
  if (course.status !== "PUBLISHED" && !team) throw new AppError("NOT_FOUND", "That course was not found.");
  if (team) return;
  const enrolled = await db.enrollment.findUnique({ where: { userId_courseId: { userId: actor.id, courseId: course.id } }, select: { id: true } });
  if (!enrolled) throw new AppError("FORBIDDEN", "Enrol in the course first.");
}

interface Target {
  kind: AttemptKind;
  courseId: string;
  courseSlug: string;
  lessonId: string | null;
  moduleId: string | null;
  title: string;
  passMark: number | null;
}

/** The published lesson or module an attempt is for, after the access check (enrolled or course team). */
export async function resolveTarget(actor: Actor, input: StartAttemptInput): Promise<Target> {
  if (input.kind === "CHECK") {
    const lesson = await db.lesson.findFirst({
      where: { id: input.lessonId, archivedAt: null, publishedAt: { not: null }, module: { archivedAt: null, publishedAt: { not: null } } },
      select: { id: true, moduleId: true, publishedTitle: true, course: { select: courseTeamSelect } },
    });
    if (!lesson) throw new AppError("NOT_FOUND", "That lesson was not found.");
    await assertCourseAccess(actor, lesson.course);
    return { kind: "CHECK", courseId: lesson.course.id, courseSlug: lesson.course.slug, lessonId: lesson.id, moduleId: null, title: lesson.publishedTitle ?? "", passMark: null };
  }
  const mod = await db.module.findFirst({
    where: { id: input.moduleId, archivedAt: null, publishedAt: { not: null } },
    select: { id: true, publishedTitle: true, passMark: true, course: { select: courseTeamSelect } },
  });
  if (!mod) throw new AppError("NOT_FOUND", "That module was not found.");
  await assertCourseAccess(actor, mod.course);
  return { kind: "QUIZ", courseId: mod.course.id, courseSlug: mod.course.slug, lessonId: null, moduleId: mod.id, title: mod.publishedTitle ?? "", passMark: mod.passMark ?? mod.course.passMark };
}

/** Published, non-archived item ids of a check (lesson, check=true) or quiz (module, check=false), in serving order. */
async function servedItemIds(target: Target): Promise<string[]> {
  const items = await db.item.findMany({
    where: target.kind === "CHECK" ? { lessonId: target.lessonId!, check: true, ...publishedItemWhere } : { moduleId: target.moduleId!, check: false, ...publishedItemWhere },
    select: { id: true, key: true, step: true, order: true, case: { select: { key: true } } },
  });
  // Case, then step, then order; sorted here because SQLite and PostgreSQL place NULLs differently.
  items.sort((a, b) => (a.case?.key ?? "").localeCompare(b.case?.key ?? "") || (a.step ?? 0) - (b.step ?? 0) || a.order - b.order || a.key.localeCompare(b.key));
  return items.map((i) => i.id);
}

const targetWhere = (userId: string, t: Target) =>
  t.kind === "CHECK" ? { userId, kind: "CHECK", lessonId: t.lessonId!, status: "IN_PROGRESS" } : { userId, kind: "QUIZ", moduleId: t.moduleId!, status: "IN_PROGRESS" };

/**
 * The learner's IN_PROGRESS attempt for the target, created if there is none. Two tabs racing may
 * both create one; both then settle on the oldest and the loser's empty attempt is removed.
 */
export async function startAttempt(actor: Actor, input: StartAttemptInput): Promise<{ attemptId: string; target: Target }> {
  const target = await resolveTarget(actor, input);
  const where = targetWhere(actor.id, target);
  const existing = await db.quizAttempt.findFirst({ where, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (existing) return { attemptId: existing.id, target };
  const itemIds = await servedItemIds(target);
  if (itemIds.length === 0) throw new AppError("NOT_FOUND", target.kind === "CHECK" ? "This lesson has no check questions." : "This module has no quiz questions.");
  const created = await db.quizAttempt.create({
    data: {
      userId: actor.id,
      courseId: target.courseId,
      lessonId: target.lessonId,
      moduleId: target.moduleId,
      kind: target.kind,
      seed: randomInt(0, 2 ** 31 - 1),
      itemIds: JSON.stringify(itemIds),
      maxScore: itemIds.length,
    },
    select: { id: true },
  });
  const oldest = await db.quizAttempt.findFirst({ where, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (oldest && oldest.id !== created.id) {
    await db.quizAttempt.deleteMany({ where: { id: created.id, userId: actor.id, status: "IN_PROGRESS", responses: { none: {} } } });
    return { attemptId: oldest.id, target };
  }
  return { attemptId: created.id, target };
}


export interface PlayerAttempt {
  id: string;
  kind: AttemptKind;
  /** What "Start a new attempt" starts. */
  target: StartAttemptInput;
  status: string;
  title: string;
  courseSlug: string;
  courseTitle: string;
  passMark: number | null;
  items: PlayerItem[];
  result: { score: number; maxScore: number; percent: number; passed: boolean | null } | null;
}

export const parseItemIds = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

/** The attempt as the player needs it; only its owner may see it (null otherwise). */
export async function getAttemptForPlayer(attemptId: string, actor: Actor): Promise<PlayerAttempt | null> {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId: actor.id },
    select: {
      id: true, kind: true, status: true, seed: true, itemIds: true, score: true, maxScore: true, percent: true, passed: true, lessonId: true, moduleId: true,
      course: { select: { slug: true, title: true, passMark: true } },
      module: { select: { publishedTitle: true, passMark: true } },
      lesson: { select: { publishedTitle: true } },
      responses: { select: { itemId: true, answer: true, score: true, correct: true } },
    },
  });
  if (!attempt) return null;
  const ids = parseItemIds(attempt.itemIds);
  const rows = await db.item.findMany({
    where: { id: { in: ids }, published: { not: null } },
    select: { id: true, published: true, case: { select: { title: true, scenario: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const answers = new Map(attempt.responses.map((r) => [r.itemId, r]));
  const scenarioCache = new Map<string, string>();
  const items: PlayerItem[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    const item = row ? parsePublished(row.published) : null;
    if (!row || !item) continue;
    let scenario: string | null = null;
    if (row.case) {
      scenario = scenarioCache.get(row.case.scenario) ?? renderRichText(row.case.scenario, "markdown");
      scenarioCache.set(row.case.scenario, scenario);
    }
    const stored = answers.get(id);
    let answered: ItemFeedback | null = null;
    if (stored) {
      const parsed = responseSchema.safeParse(JSON.parse(stored.answer));
      if (parsed.success) answered = feedbackFor(id, item, parsed.data, stored);
    }
    items.push({
      id,
      type: item.type,
      stem: renderRichText(item.stem, item.stemFormat),
      caseTitle: row.case?.title ?? null,
      scenario,
      view: playerView(item.data, itemSeed(attempt.seed, id)),
      answered,
    });
  }
  const passMark = attempt.kind === "QUIZ" ? attempt.module?.passMark ?? attempt.course.passMark : null;
  return {
    id: attempt.id,
    kind: attempt.kind as AttemptKind,
    target: attempt.kind === "CHECK" ? { kind: "CHECK", lessonId: attempt.lessonId ?? "" } : { kind: "QUIZ", moduleId: attempt.moduleId ?? "" },
    status: attempt.status,
    title: (attempt.kind === "CHECK" ? attempt.lesson?.publishedTitle : attempt.module?.publishedTitle) ?? "",
    courseSlug: attempt.course.slug,
    courseTitle: attempt.course.title,
    passMark,
    items,
    result: attempt.status === "SUBMITTED" ? { score: attempt.score ?? 0, maxScore: attempt.maxScore, percent: attempt.percent ?? 0, passed: attempt.passed } : null,
  };
}

type PageResult = { status: "ok"; attempt: PlayerAttempt } | { status: "not-found" } | { status: "needs-enrolment" } | { status: "empty"; message: string };

/**
 * What the check/quiz page shows: the attempt in progress; else the latest submitted one (its result
 * screen, with "Start a new attempt"), so that the re-render after a submission keeps showing the
 * result instead of silently opening a new attempt; else a new attempt.
 */
async function playerPage(actor: Actor, input: StartAttemptInput): Promise<PageResult> {
  try {
    const target = await resolveTarget(actor, input);
    const where = targetWhere(actor.id, target);
    const current =
      (await db.quizAttempt.findFirst({ where, orderBy: [{ startedAt: "asc" }, { id: "asc" }], select: { id: true } })) ??
      (await db.quizAttempt.findFirst({ where: { ...where, status: "SUBMITTED" }, orderBy: [{ submittedAt: "desc" }, { id: "desc" }], select: { id: true } }));
    const attemptId = current?.id ?? (await startAttempt(actor, input)).attemptId;
    const attempt = await getAttemptForPlayer(attemptId, actor);
    return attempt ? { status: "ok", attempt } : { status: "not-found" };
  } catch (e) {
    if (e instanceof AppError && e.code === "FORBIDDEN") return { status: "needs-enrolment" };
    if (e instanceof AppError && e.code === "NOT_FOUND" && /no (check|quiz) questions/.test(e.message)) return { status: "empty", message: e.message };
    if (e instanceof AppError && e.code === "NOT_FOUND") return { status: "not-found" };
    throw e;
  }
}

/** The lesson check page: resolves slugs, then starts or resumes the learner's attempt. */
export async function getCheckPlayer(courseSlug: string, lessonSlug: string, actor: Actor): Promise<PageResult> {
  const lesson = await db.lesson.findFirst({ where: { slug: lessonSlug, course: { slug: courseSlug } }, select: { id: true } });
  if (!lesson) return { status: "not-found" };
  return playerPage(actor, { kind: "CHECK", lessonId: lesson.id });
}

/** The module quiz page: resolves slugs, then starts or resumes the learner's attempt. */
export async function getQuizPlayer(courseSlug: string, moduleSlug: string, actor: Actor): Promise<PageResult> {
  const mod = await db.module.findFirst({ where: { slug: moduleSlug, course: { slug: courseSlug } }, select: { id: true } });
  if (!mod) return { status: "not-found" };
  return playerPage(actor, { kind: "QUIZ", moduleId: mod.id });
}

/** The learner's submitted attempts in a course, newest first (attempt history). */
export async function listSubmittedAttempts(courseSlug: string, actor: Actor) {
  const course = await db.course.findUnique({ where: { slug: courseSlug }, select: courseTeamSelect });
  if (!course) return null;
  if (course.status !== "PUBLISHED" && !canEditCourse(actor, course)) return null;
  const attempts = await db.quizAttempt.findMany({
    where: { userId: actor.id, courseId: course.id, status: "SUBMITTED" },
    orderBy: { submittedAt: "desc" },
    take: 200,
    select: {
      id: true, kind: true, score: true, maxScore: true, percent: true, passed: true, submittedAt: true,
      lesson: { select: { slug: true, publishedTitle: true } },
      module: { select: { slug: true, publishedTitle: true } },
    },
  });
  return {
    course: { slug: course.slug, title: course.title },
    attempts: attempts.map((a) => ({
      id: a.id,
      kind: a.kind as AttemptKind,
      title: (a.kind === "CHECK" ? a.lesson?.publishedTitle : a.module?.publishedTitle) ?? "(removed)",
      href: a.kind === "CHECK" ? (a.lesson ? `/courses/${course.slug}/lessons/${a.lesson.slug}/check` : null) : a.module ? `/courses/${course.slug}/modules/${a.module.slug}/quiz` : null,
      score: a.score ?? 0,
      maxScore: a.maxScore,
      percent: a.percent ?? 0,
      passed: a.passed,
      submittedAt: a.submittedAt,
    })),
  };
}
