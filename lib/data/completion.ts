import "server-only";
// Module completion = every published lesson complete AND the module quiz passed at or above the pass
// mark (best submitted attempt). Course completion = every published module complete. Both are
// recorded once (primary keys), so retries never double-count.
import { db } from "@/lib/db";
import { statementData } from "./statements";
import { isUniqueViolation } from "@/lib/errors";

export async function refreshModuleCompletion(userId: string, moduleId: string): Promise<{ moduleComplete: boolean; courseComplete: boolean }> {
  const mod = await db.module.findUnique({
    where: { id: moduleId },
    select: { id: true, courseId: true, publishedTitle: true, passMark: true, course: { select: { passMark: true, title: true } } },
  });
  if (!mod) return { moduleComplete: false, courseComplete: false };
  const passMark = mod.passMark ?? mod.course.passMark;
  const [lessons, done, best, quizItems] = await Promise.all([
    db.lesson.count({ where: { moduleId, archivedAt: null, publishedAt: { not: null } } }),
    db.lessonProgress.count({ where: { userId, completedAt: { not: null }, lesson: { moduleId, archivedAt: null, publishedAt: { not: null } } } }),
    db.quizAttempt.aggregate({ where: { userId, moduleId, kind: "QUIZ", status: "SUBMITTED" }, _max: { percent: true } }),
    db.item.count({ where: { moduleId, check: false, archivedAt: null, published: { not: null } } }),
  ]);
  const bestPercent = best._max.percent ?? 0;
  const quizPassed = quizItems === 0 || bestPercent >= passMark;
  const complete = lessons > 0 && done >= lessons && quizPassed;
  if (!complete) return { moduleComplete: false, courseComplete: false };
  const courseComplete = await recordCompletion(userId, mod, bestPercent).catch((e: unknown) => {
    // Two submissions finishing the module at once: the other one recorded it.
    if (isUniqueViolation(e)) return false;
    throw e;
  });
  return { moduleComplete: true, courseComplete };
}

async function recordCompletion(userId: string, mod: { id: string; courseId: string; publishedTitle: string | null; course: { title: string } }, bestPercent: number): Promise<boolean> {
  const moduleId = mod.id;
  return db.$transaction(async (tx) => {
    const existing = await tx.moduleCompletion.findUnique({ where: { userId_moduleId: { userId, moduleId } }, select: { userId: true } });
    if (!existing) {
      await tx.moduleCompletion.create({ data: { userId, moduleId, courseId: mod.courseId, quizPercent: bestPercent } });
      await tx.statement.create({ data: statementData({ userId, courseId: mod.courseId, verb: "completed", objectType: "Module", objectId: moduleId, objectName: mod.publishedTitle ?? "", result: { completion: true, score: bestPercent / 100 } }) });
    }
    const [modules, modulesDone] = await Promise.all([
      tx.module.count({ where: { courseId: mod.courseId, archivedAt: null, publishedAt: { not: null } } }),
      tx.moduleCompletion.count({ where: { userId, courseId: mod.courseId, module: { archivedAt: null, publishedAt: { not: null } } } }),
    ]);
    if (modulesDone < modules) return false;
    const had = await tx.courseCompletion.findUnique({ where: { userId_courseId: { userId, courseId: mod.courseId } }, select: { userId: true } });
    if (!had) {
      await tx.courseCompletion.create({ data: { userId, courseId: mod.courseId } });
      await tx.statement.create({ data: statementData({ userId, courseId: mod.courseId, verb: "completed", objectType: "Course", objectId: mod.courseId, objectName: mod.course.title, result: { completion: true } }) });
    }
    return true;
  });
}
