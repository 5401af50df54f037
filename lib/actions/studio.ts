"use server";
// Studio mutations. Each action: createAction (session, zod, role gate) → requireCourse on the course
// the row actually belongs to (never the id the client claims) → the write, in one transaction when
// several rows change → revalidate.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { publishCourseTx, importCourseFiles } from "@/lib/data/course-archive";
import { archiveToFiles } from "@/lib/content/bundle";
import { requireCourse, renderDraft } from "@/lib/data/studio";
import { renderWarningsHtml } from "@/lib/markdown/render";
import { writeItemsTx } from "@/lib/gift/db-bridge";
import { giftItems } from "@/lib/gift/parse";
import type { GiftJobResult } from "@/lib/workers/jobs";
import { parsePool, WorkerTimeoutError } from "@/lib/workers/pool";

/** Questions in one GIFT import (a course's whole bank is about 300). */
const MAX_GIFT_QUESTIONS = 5_000;
import {
  addInstructorSchema, archiveImportSchema, courseIdSchema, courseSettingsSchema, createCourseSchema, createLessonSchema, createModuleSchema,
  deleteObjectiveSchema, giftImportSchema, itemFormSchema, itemFromForm, moveSchema, objectiveSchema, previewSchema, removeInstructorSchema,
  renameModuleSchema, reorderSchema, restoreRevisionSchema, saveLessonSchema, slugify, CONFLICT_MESSAGE,
} from "@/lib/validation/studio";
import { createAction } from "./safe-action";

const AUTHORS = ["INSTRUCTOR", "ADMIN"] as const;

function studio(courseId: string, ...rest: string[]) {
  revalidatePath(["/studio", courseId, ...rest].filter(Boolean).join("/"));
}

export const createCourseAction = createAction({ schema: createCourseSchema, roles: AUTHORS }, async ({ title, slug }, { user }) => {
  try {
    const course = await db.course.create({ data: { title, slug, instructors: { create: { userId: user.id, role: "OWNER" } } }, select: { id: true, slug: true } });
    revalidatePath("/studio");
    return course;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "That slug is taken.", { slug: ["Another course already uses this slug."] });
    throw e;
  }
});

export const updateCourseSettingsAction = createAction({ schema: courseSettingsSchema, roles: AUTHORS }, async ({ courseId, ...data }, { user }) => {
  const course = await requireCourse(courseId, user);
  await db.course.update({ where: { id: course.id }, data });
  studio(course.id);
  return { courseId: course.id };
});

export const addInstructorAction = createAction({ schema: addInstructorSchema, roles: AUTHORS }, async ({ courseId, email }, { user }) => {
  const course = await requireCourse(courseId, user, "manage");
  const target = await db.user.findUnique({ where: { email }, select: { id: true, role: true, disabled: true, name: true } });
  if (!target || target.disabled) throw new AppError("VALIDATION", "No active account has that email.", { email: ["No active account has that email."] });
  if (target.role !== "INSTRUCTOR" && target.role !== "ADMIN") throw new AppError("VALIDATION", "That person is not an instructor.", { email: ["Ask an administrator to make this account an instructor first."] });
  if (course.instructors.some((i) => i.userId === target.id)) throw new AppError("VALIDATION", "Already on the team.", { email: ["This person already teaches the course."] });
  await db.courseInstructor.create({ data: { courseId: course.id, userId: target.id, role: "CO" } });
  studio(course.id);
  return { userId: target.id, name: target.name };
});

export const removeInstructorAction = createAction({ schema: removeInstructorSchema, roles: AUTHORS }, async ({ courseId, userId }, { user }) => {
  const course = await requireCourse(courseId, user, "manage");
  const member = course.instructors.find((i) => i.userId === userId);
  if (!member) throw new AppError("NOT_FOUND", "That person is not on the team.");
  if (member.role === "OWNER") throw new AppError("FORBIDDEN", "The owner cannot be removed.");
  await db.courseInstructor.deleteMany({ where: { courseId: course.id, userId, role: "CO" } });
  studio(course.id);
  return { userId };
});

// ------------------------------------------------------------------ modules

export const createModuleAction = createAction({ schema: createModuleSchema, roles: AUTHORS }, async ({ courseId, title, slug }, { user }) => {
  const course = await requireCourse(courseId, user);
  const s = slug ?? (slugify(title) || "module");
  try {
    const mod = await db.$transaction(async (tx) => {
      const last = await tx.module.aggregate({ where: { courseId: course.id }, _max: { order: true } });
      return tx.module.create({ data: { courseId: course.id, slug: s, title, order: (last._max.order ?? 0) + 1 }, select: { id: true } });
    });
    studio(course.id);
    return mod;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "That slug is taken.", { slug: ["Another module of this course uses this slug."] });
    throw e;
  }
});

async function editableModule(moduleId: string, user: { id: string; role: "LEARNER" | "INSTRUCTOR" | "ADMIN" }) {
  const mod = await db.module.findFirst({ where: { id: moduleId, archivedAt: null }, select: { id: true, courseId: true } });
  if (!mod) throw new AppError("NOT_FOUND", "That module was not found.");
  await requireCourse(mod.courseId, user);
  return mod;
}

export const renameModuleAction = createAction({ schema: renameModuleSchema, roles: AUTHORS }, async ({ moduleId, title, summary }, { user }) => {
  const mod = await editableModule(moduleId, user);
  await db.module.update({ where: { id: mod.id }, data: { title, summary } });
  studio(mod.courseId);
  return { moduleId: mod.id };
});

/** Swaps a module with its neighbour and renumbers the course's modules 1..n in one transaction. */
export const moveModuleAction = createAction({ schema: moveSchema, roles: AUTHORS }, async ({ id, direction }, { user }) => {
  const mod = await editableModule(id, user);
  const moved = await db.$transaction(async (tx) => {
    const list = await tx.module.findMany({ where: { courseId: mod.courseId, archivedAt: null }, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, order: true } });
    const i = list.findIndex((m) => m.id === mod.id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= list.length) return false;
    [list[i], list[j]] = [list[j], list[i]];
    for (const [k, m] of list.entries()) if (m.order !== k + 1) await tx.module.update({ where: { id: m.id }, data: { order: k + 1 } });
    // Order is not drafted: learners see it at once, so the course version their reader caches changes.
    await tx.course.update({ where: { id: mod.courseId }, data: { updatedAt: new Date() } });
    return true;
  });
  studio(mod.courseId);
  return { moved };
});

/** Writes a complete new order; the ids must be exactly the current children (the client is untrusted). */
async function applyOrder(current: { id: string; order: number }[], ids: string[], write: (id: string, order: number) => Promise<unknown>) {
  const known = new Set(current.map((c) => c.id));
  if (ids.length !== known.size || ids.some((id) => !known.has(id)))
    throw new AppError("CONFLICT", "The list changed since you opened the page. Reload and try again.");
  const now = new Map(current.map((c) => [c.id, c.order]));
  for (const [k, id] of ids.entries()) if (now.get(id) !== k + 1) await write(id, k + 1);
}

export const reorderModulesAction = createAction({ schema: reorderSchema, roles: AUTHORS }, async ({ parentId, ids }, { user }) => {
  const course = await requireCourse(parentId, user);
  await db.$transaction(async (tx) => {
    const current = await tx.module.findMany({ where: { courseId: course.id, archivedAt: null }, select: { id: true, order: true } });
    await applyOrder(current, ids, (id, order) => tx.module.update({ where: { id }, data: { order } }));
    await tx.course.update({ where: { id: course.id }, data: { updatedAt: new Date() } });
  });
  studio(course.id);
  return { count: ids.length };
});

export const reorderLessonsAction = createAction({ schema: reorderSchema, roles: AUTHORS }, async ({ parentId, ids }, { user }) => {
  const mod = await editableModule(parentId, user);
  await db.$transaction(async (tx) => {
    const current = await tx.lesson.findMany({ where: { moduleId: mod.id, archivedAt: null }, select: { id: true, order: true } });
    await applyOrder(current, ids, (id, order) => tx.lesson.update({ where: { id }, data: { order } }));
    await tx.course.update({ where: { id: mod.courseId }, data: { updatedAt: new Date() } });
  });
  studio(mod.courseId);
  return { count: ids.length };
});

// ------------------------------------------------------------------ lessons

export const createLessonAction = createAction({ schema: createLessonSchema, roles: AUTHORS }, async ({ moduleId, title, slug }, { user }) => {
  const mod = await editableModule(moduleId, user);
  const s = slug ?? (slugify(title) || "lesson");
  try {
    const lesson = await db.$transaction(async (tx) => {
      const last = await tx.lesson.aggregate({ where: { moduleId: mod.id }, _max: { order: true } });
      const l = await tx.lesson.create({ data: { courseId: mod.courseId, moduleId: mod.id, slug: s, title, body: "", order: (last._max.order ?? 0) + 1 }, select: { id: true, version: true } });
      await tx.lessonRevision.create({ data: { lessonId: l.id, version: l.version, title, body: "", authorId: user.id, kind: "DRAFT" } });
      return l;
    });
    studio(mod.courseId);
    return { id: lesson.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "That slug is taken.", { slug: ["Another lesson of this course uses this slug."] });
    throw e;
  }
});

async function editableLesson(lessonId: string, user: { id: string; role: "LEARNER" | "INSTRUCTOR" | "ADMIN" }) {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, archivedAt: null }, select: { id: true, courseId: true } });
  if (!lesson) throw new AppError("NOT_FOUND", "That lesson was not found.");
  await requireCourse(lesson.courseId, user);
  return lesson;
}

/**
 * Optimistic concurrency: the update only matches the version the editor loaded, so of two saves
 * from the same version the second matches no row and is refused; the revision is written in the
 * same transaction so history and draft never disagree.
 */
export const saveLessonAction = createAction({ schema: saveLessonSchema, roles: AUTHORS }, async ({ lessonId, title, body, version }, { user }) => {
  const lesson = await editableLesson(lessonId, user);
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.lesson.updateMany({ where: { id: lesson.id, version }, data: { title, body, version: { increment: 1 } } });
    if (updated.count === 0) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await tx.lessonRevision.create({ data: { lessonId: lesson.id, version: version + 1, title, body, authorId: user.id, kind: "DRAFT" } });
    return { version: version + 1 };
  });
  studio(lesson.courseId, "lessons", lesson.id);
  return saved;
});

/** Swaps a lesson with its neighbour inside its module and renumbers the module's lessons. */
export const moveLessonAction = createAction({ schema: moveSchema, roles: AUTHORS }, async ({ id, direction }, { user }) => {
  const lesson = await editableLesson(id, user);
  const moved = await db.$transaction(async (tx) => {
    const row = await tx.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { moduleId: true } });
    const list = await tx.lesson.findMany({ where: { moduleId: row.moduleId, archivedAt: null }, orderBy: [{ order: "asc" }, { slug: "asc" }], select: { id: true, order: true } });
    const i = list.findIndex((l) => l.id === lesson.id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= list.length) return false;
    [list[i], list[j]] = [list[j], list[i]];
    for (const [k, l] of list.entries()) if (l.order !== k + 1) await tx.lesson.update({ where: { id: l.id }, data: { order: k + 1 } });
    await tx.course.update({ where: { id: lesson.courseId }, data: { updatedAt: new Date() } });
    return true;
  });
  studio(lesson.courseId);
  return { moved };
});

/** Restoring makes the old text the new draft (a new version); history is never rewritten. */
export const restoreRevisionAction = createAction({ schema: restoreRevisionSchema, roles: AUTHORS }, async ({ revisionId, version }, { user }) => {
  const rev = await db.lessonRevision.findUnique({ where: { id: revisionId }, select: { lessonId: true, title: true, body: true, version: true } });
  if (!rev) throw new AppError("NOT_FOUND", "That revision was not found.");
  const lesson = await editableLesson(rev.lessonId, user);
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.lesson.updateMany({ where: { id: lesson.id, version }, data: { title: rev.title, body: rev.body, version: { increment: 1 } } });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone saved this lesson since you opened the history. Reload and try again.");
    await tx.lessonRevision.create({ data: { lessonId: lesson.id, version: version + 1, title: rev.title, body: rev.body, authorId: user.id, kind: "RESTORED" } });
    return { version: version + 1, restoredFrom: rev.version };
  });
  studio(lesson.courseId, "lessons", lesson.id);
  return saved;
});

/** Live preview: the draft Markdown through the same sanitising renderer as the reader. */
export const previewMarkdownAction = createAction({ schema: previewSchema, roles: AUTHORS }, async ({ courseId, body }, { user }) => {
  const course = await requireCourse(courseId, user);
  const r = await renderDraft(course.id, body);
  // A refused text's HTML is the notice itself; otherwise the limits reached go above the preview.
  const refused = r.html.startsWith('<p class="render-limit"');
  return { html: r.warnings.length && !refused ? `${renderWarningsHtml(r.warnings)}\n${r.html}` : r.html };
});

export const createObjectiveAction = createAction({ schema: objectiveSchema, roles: AUTHORS }, async ({ lessonId, key, text }, { user }) => {
  const lesson = await editableLesson(lessonId, user);
  try {
    const o = await db.$transaction(async (tx) => {
      const last = await tx.objective.aggregate({ where: { lessonId: lesson.id }, _max: { order: true } });
      return tx.objective.create({ data: { courseId: lesson.courseId, lessonId: lesson.id, key, text, order: (last._max.order ?? -1) + 1 }, select: { id: true } });
    });
    studio(lesson.courseId, "lessons", lesson.id);
    return o;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "That key is taken.", { key: ["Another objective of this course uses this key."] });
    throw e;
  }
});

export const deleteObjectiveAction = createAction({ schema: deleteObjectiveSchema, roles: AUTHORS }, async ({ objectiveId }, { user }) => {
  const o = await db.objective.findUnique({ where: { id: objectiveId }, select: { id: true, courseId: true, lessonId: true } });
  if (!o) throw new AppError("NOT_FOUND", "That objective was not found.");
  await requireCourse(o.courseId, user);
  await db.objective.delete({ where: { id: o.id } });
  studio(o.courseId, "lessons", o.lessonId ?? "");
  return { objectiveId: o.id };
});

// ------------------------------------------------------------------ items

export const saveItemAction = createAction({ schema: itemFormSchema, roles: AUTHORS }, async (input, { user }) => {
  const course = await requireCourse(input.courseId, user);
  // Every id the form sends must belong to this course: checked, not trusted.
  const [mod, lesson, objective] = await Promise.all([
    db.module.findFirst({ where: { id: input.moduleId, courseId: course.id }, select: { id: true } }),
    input.lessonId ? db.lesson.findFirst({ where: { id: input.lessonId, courseId: course.id }, select: { id: true } }) : null,
    input.objectiveId ? db.objective.findFirst({ where: { id: input.objectiveId, courseId: course.id }, select: { id: true, key: true, lessonId: true } }) : null,
  ]);
  if (!mod) throw new AppError("VALIDATION", "Choose a module of this course.", { moduleId: ["Choose a module of this course."] });
  if (input.lessonId && !lesson) throw new AppError("VALIDATION", "Choose a lesson of this course.", { lessonId: ["Choose a lesson of this course."] });
  if (input.objectiveId && !objective) throw new AppError("VALIDATION", "Choose an objective of this course.", { objectiveId: ["Choose an objective of this course."] });
  const { item, errors } = itemFromForm(input, objective?.key);
  if (!item) throw new AppError("VALIDATION", "Please correct the highlighted fields.", errors);
  const content = {
    key: item.key, type: item.data.type, stem: item.stem, stemFormat: item.stemFormat, explanation: item.explanation, data: JSON.stringify(item.data),
    topic: item.topic ?? null, level: item.level ?? null, check: item.check, moduleId: mod.id,
    lessonId: lesson?.id ?? objective?.lessonId ?? null, objectiveId: objective?.id ?? null,
  };
  try {
    if (input.itemId) {
      if (input.version === undefined) throw new AppError("VALIDATION", "Reload the question before saving it.", { version: ["Missing version."] });
      // Optimistic concurrency: the save applies only to the version the editor was opened on.
      const updated = await db.item.updateMany({ where: { id: input.itemId, courseId: course.id, version: input.version }, data: { ...content, version: { increment: 1 } } });
      if (updated.count === 0) {
        const exists = await db.item.findFirst({ where: { id: input.itemId, courseId: course.id }, select: { id: true } });
        if (!exists) throw new AppError("NOT_FOUND", "That question was not found.");
        throw new AppError("CONFLICT", "Someone saved this question after you opened it. Your changes were not saved: reload to see the current version, then apply them again.");
      }
      studio(course.id, "items");
      return { id: input.itemId, version: input.version + 1 };
    }
    const last = await db.item.aggregate({ where: { moduleId: mod.id }, _max: { order: true } });
    const created = await db.item.create({ data: { courseId: course.id, order: (last._max.order ?? -1) + 1, ...content }, select: { id: true } });
    studio(course.id, "items");
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("VALIDATION", "That key is taken.", { key: ["Another question of this course uses this key."] });
    throw e;
  }
});

// ------------------------------------------------------------------ publish, import

export const publishCourseAction = createAction({ schema: courseIdSchema, roles: AUTHORS }, async ({ courseId }, { user }) => {
  const course = await requireCourse(courseId, user);
  await db.$transaction((tx) => publishCourseTx(tx, course.id), { timeout: 120_000, maxWait: 30_000 });
  studio(course.id);
  revalidatePath(`/courses/${course.slug}`, "layout");
  return { courseId: course.id, slug: course.slug };
});

export const importArchiveAction = createAction({ schema: archiveImportSchema, roles: AUTHORS }, async ({ archive, slug, publish }, { user }) => {
  const parsed = archiveToFiles(archive);
  if ("error" in parsed) throw new AppError("VALIDATION", parsed.error, { archive: [parsed.error] });
  const report = await importCourseFiles(parsed.files, user, { slug, publish });
  revalidatePath("/studio");
  return report;
});

/**
 * GIFT import into one module, all or nothing: a file with any question in error imports nothing
 * (as the CLI does), and the valid questions are written in a single transaction.
 */
export const importGiftAction = createAction({ schema: giftImportSchema, roles: AUTHORS }, async ({ courseId, moduleId, text }, { user }) => {
  const course = await requireCourse(courseId, user);
  const mod = await db.module.findFirst({ where: { id: moduleId, courseId: course.id, archivedAt: null }, select: { id: true } });
  if (!mod) throw new AppError("VALIDATION", "Choose a module of this course.", { moduleId: ["Choose a module of this course."] });
  let parsed: GiftJobResult;
  try {
    parsed = await parsePool().run({ kind: "gift", text, maxQuestions: MAX_GIFT_QUESTIONS });
  } catch (e) {
    if (e instanceof WorkerTimeoutError) throw new AppError("VALIDATION", e.message, { text: [e.message] });
    throw e;
  }
  if (parsed.tooMany) {
    const message = `The file has ${parsed.tooMany} questions; at most ${MAX_GIFT_QUESTIONS} can be imported at once. Split it into several files.`;
    throw new AppError("VALIDATION", message, { text: [message] });
  }
  const errors = parsed.questions.filter((q) => q.status === "error");
  if (errors.length) throw new AppError("VALIDATION", `Nothing was imported: ${errors.length} question(s) have errors.`, { text: errors.slice(0, 20).map((q) => q.status === "error" ? q.message : "") });
  const items = giftItems(parsed);
  if (!items.length) throw new AppError("VALIDATION", "The text has no importable questions.", { text: ["No importable questions."] });
  let result;
  try {
    result = await db.$transaction((tx) => writeItemsTx(tx, course.id, mod.id, items, { moveExisting: true }), { timeout: 120_000, maxWait: 30_000 });
  } catch (e) {
    if (e instanceof Error && /objective key/.test(e.message)) throw new AppError("VALIDATION", `Nothing was imported: ${e.message}.`);
    throw e;
  }
  studio(course.id, "items");
  return { ...result, skipped: parsed.questions.filter((q) => q.status === "skipped").length };
});
