// Factories for learning records in tests: a published course with a module, lessons and published
// items (the Item.published snapshot learners see), plus enrolment. Unique suffixes as in index.ts.
import type { Db } from "@/lib/db";
import type { ItemData } from "@/lib/items/schema";
import { uniq } from "./index";

/** One item of every type, with known correct answers (see CORRECT below). */
export const SAMPLE_ITEMS: Record<ItemData["type"], ItemData> = {
  single: {
    type: "single",
    options: [
      { id: "a", text: "Paracrine", weight: 1, feedback: "Yes: it acts on neighbours." },
      { id: "b", text: "Endocrine", weight: 0, feedback: "That travels in the blood." },
      { id: "c", text: "Autocrine", weight: 0 },
      { id: "d", text: "Juxtacrine", weight: 0 },
    ],
  },
  multiple: {
    type: "multiple",
    options: [
      { id: "a", text: "Diffusion", weight: 0.5 },
      { id: "b", text: "Degradation", weight: 0.5 },
      { id: "c", text: "Telepathy", weight: -1, feedback: "No." },
    ],
  },
  truefalse: { type: "truefalse", answer: true, feedbackTrue: "Right.", feedbackFalse: "It is true." },
  numeric: { type: "numeric", unit: "µm", answers: [{ value: 100, tolerance: 10, weight: 1 }, { value: 50, tolerance: 5, weight: 0.5, feedback: "Half." }], feedbackIncorrect: "Think of a few cell diameters." },
  matching: {
    type: "matching",
    pairs: [
      { id: "p1", prompt: "Insulin", match: "Endocrine" },
      { id: "p2", prompt: "Nitric oxide", match: "Paracrine" },
    ],
    distractors: ["Exocrine"],
    feedback: "Distance decides the mode.",
  },
  ordering: {
    type: "ordering",
    sequence: [
      { id: "s1", text: "Secretion" },
      { id: "s2", text: "Diffusion" },
      { id: "s3", text: "Binding" },
    ],
  },
  short: { type: "short", answers: [{ text: "Morphogen", weight: 1 }], caseSensitive: false, feedbackIncorrect: "A morphogen." },
};

/** A fully correct response per type, for SAMPLE_ITEMS. */
export const CORRECT = {
  single: { type: "single", optionId: "a" },
  multiple: { type: "multiple", optionIds: ["a", "b"] },
  truefalse: { type: "truefalse", value: true },
  numeric: { type: "numeric", value: 104 },
  matching: { type: "matching", matches: { p1: "Endocrine", p2: "Paracrine" } },
  ordering: { type: "ordering", order: ["s1", "s2", "s3"] },
  short: { type: "short", text: "  morphogen " },
} as const;

interface ItemOpts {
  courseId: string;
  moduleId: string;
  lessonId?: string | null;
  objectiveId?: string | null;
  caseId?: string | null;
  check?: boolean;
  order?: number;
  step?: number | null;
  data: ItemData;
  stem?: string;
  explanation?: string;
  published?: boolean;
  archived?: boolean;
}

export async function createPublishedItem(db: Db, o: ItemOpts) {
  const key = `item-${uniq()}`;
  const stem = o.stem ?? `Question **${o.data.type}** ${key}?`;
  const explanation = o.explanation ?? "Because *paracrine* signals act locally.";
  const snapshot = { type: o.data.type, stem, stemFormat: "markdown", explanation, data: o.data };
  const now = new Date();
  return db.item.create({
    data: {
      courseId: o.courseId,
      moduleId: o.moduleId,
      lessonId: o.lessonId ?? null,
      objectiveId: o.objectiveId ?? null,
      caseId: o.caseId ?? null,
      key,
      type: o.data.type,
      check: o.check ?? false,
      order: o.order ?? 0,
      step: o.step ?? null,
      stem,
      explanation,
      data: JSON.stringify(o.data),
      published: o.published === false ? null : JSON.stringify(snapshot),
      publishedAt: o.published === false ? null : now,
      archivedAt: o.archived ? now : null,
    },
    select: { id: true, key: true, type: true },
  });
}

/**
 * A published course (owner = ownerId) with one published module of `lessons` published lessons, one
 * objective, check items (one per type in `checkTypes`) on the first lesson and quiz items (one per
 * type in `quizTypes`) on the module.
 */
export async function createPublishedCourse(
  db: Db,
  ownerId: string,
  opts: { lessons?: number; checkTypes?: ItemData["type"][]; quizTypes?: ItemData["type"][]; passMark?: number; modulePassMark?: number | null } = {},
) {
  const id = uniq();
  const now = new Date();
  const course = await db.course.create({
    data: {
      slug: `course-${id}`,
      title: `Course ${id}`,
      status: "PUBLISHED",
      publishedAt: now,
      passMark: opts.passMark ?? 80,
      instructors: { create: { userId: ownerId, role: "OWNER" } },
    },
    select: { id: true, slug: true, title: true },
  });
  const mod = await db.module.create({
    data: { courseId: course.id, slug: `m-${id}`, order: 1, title: "Module", publishedTitle: "Module one", publishedAt: now, passMark: opts.modulePassMark ?? null },
    select: { id: true, slug: true },
  });
  const lessons = [];
  for (let i = 0; i < (opts.lessons ?? 1); i++) {
    lessons.push(
      await db.lesson.create({
        data: { courseId: course.id, moduleId: mod.id, slug: `l${i}-${id}`, order: i, title: `Lesson ${i}`, body: "Body", publishedTitle: `Lesson ${i}`, publishedBody: "Body", publishedVersion: 1, publishedAt: now, wordCount: 10 },
        select: { id: true, slug: true },
      }),
    );
  }
  const objective = await db.objective.create({ data: { courseId: course.id, lessonId: lessons[0]?.id ?? null, key: `obj-${id}`, text: "Explain paracrine signalling." }, select: { id: true } });
  const checkItems = [];
  for (const [i, t] of (opts.checkTypes ?? []).entries())
    checkItems.push(await createPublishedItem(db, { courseId: course.id, moduleId: mod.id, lessonId: lessons[0].id, objectiveId: objective.id, check: true, order: i, data: SAMPLE_ITEMS[t] }));
  const quizItems = [];
  for (const [i, t] of (opts.quizTypes ?? []).entries())
    quizItems.push(await createPublishedItem(db, { courseId: course.id, moduleId: mod.id, objectiveId: objective.id, check: false, order: i, data: SAMPLE_ITEMS[t] }));
  return { course, module: mod, lessons, objective, checkItems, quizItems };
}

export async function enrol(db: Db, userId: string, courseId: string) {
  return db.enrollment.create({ data: { userId, courseId }, select: { id: true } });
}

export async function completeLessons(db: Db, userId: string, courseId: string, lessonIds: string[]) {
  const now = new Date();
  for (const lessonId of lessonIds) await db.lessonProgress.create({ data: { userId, courseId, lessonId, position: 1, completedAt: now, lastSeenAt: now } });
}
